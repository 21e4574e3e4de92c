//! The whole job with the keyboard alone: add a workspace, open an organization, enable thinQ
//! with credentials, import numbers from thinQ, edit one (users, stickiness, formats), draft
//! Readiness's fixes, review Changes, resolve a conflict and Sync — Tab, arrows, Enter, Space
//! and typed text only. At every stop focus is visible, the control has a role and
//! a name, Tab moves forward through the page, and focus is never lost after a dialog or a toast.

use e2e::{AppSession, Home};
use fantoccini::key::Key;
use sandbox::{DEMO_API_KEY, Sandbox, demo_thinq_accounts};
use serde_json::Value;

/// More Tab presses than any screen has stops before the wanted one.
const MOST_TABS: usize = 120;

/// What the page says of the focused control, and of how Tab reached it (see `tab_to`).
const FOCUS_REPORT: &str = r#"
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) return { lost: true };
const scope = el.closest('dialog[open]') || document;
const tabbable = [...scope.querySelectorAll(
  'button, input, select, textarea, a[href], [tabindex]')]
  .filter(c => !c.disabled && c.tabIndex >= 0 && c.getClientRects().length > 0);
const style = getComputedStyle(el);
const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
  || (style.boxShadow && style.boxShadow !== 'none');
const labelled = (id) => (document.getElementById(id)?.textContent ?? '');
const name = (el.getAttribute('aria-label')
  || (el.getAttribute('aria-labelledby') ?? '').split(' ').filter(Boolean).map(labelled).join(' ')
  || (el.labels ? [...el.labels].map(l => l.textContent).join(' ') : '')
  || (['BUTTON', 'A', 'SUMMARY'].includes(el.tagName) || el.getAttribute('role') ? el.textContent : '')
  || el.title || '').trim();
const native = { BUTTON: 'button', SUMMARY: 'button', A: 'link', SELECT: 'combobox', TEXTAREA: 'textbox' };
const role = el.getAttribute('role') || native[el.tagName]
  || (el.tagName === 'INPUT' ? (el.type === 'checkbox' ? 'checkbox' : el.type === 'radio' ? 'radio' : 'textbox') : '');
// What had focus when Tab was pressed (see `press_tab`): the app may move focus between presses.
const previous = window.__walkPrevious;
let order = 'first';
if (previous && previous.isConnected && previous !== el) {
  const after = previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING;
  const inside = previous.contains(el);
  order = after || inside ? 'forward' : (tabbable[0] === el ? 'wrapped' : 'backward');
}
return {
  lost: false,
  testid: el.getAttribute('data-testid') ?? '',
  number: el.closest('[data-number]')?.getAttribute('data-number') ?? '',
  text: (el.textContent ?? '').trim().slice(0, 60),
  tag: el.tagName.toLowerCase(),
  role, name, ring, order,
  inside: [...document.querySelectorAll('[data-testid]')].filter(p => p.contains(el))
    .map(p => p.getAttribute('data-testid')),
};
"#;

struct Walk<'a> {
    app: &'a AppSession,
    /// Every stop that broke a rule, said once each at the end.
    problems: Vec<String>,
}

impl<'a> Walk<'a> {
    fn new(app: &'a AppSession) -> Self {
        Self {
            app,
            problems: Vec::new(),
        }
    }

    async fn press(&self, key: char) {
        self.app.press_keys(&[], key).await;
    }

    /// Presses Tab, noting first what had focus, so the report judges Tab's own move.
    async fn press_tab(&self) {
        self.app
            .eval("window.__walkPrevious = document.activeElement; return true")
            .await;
        self.press('\u{E004}').await;
    }

    async fn focus(&self) -> Value {
        self.app.eval(FOCUS_REPORT).await
    }

    /// Checks the rules at the focused control; `context` says where the walk was.
    fn judge(&mut self, focus: &Value, context: &str) {
        let what = format!(
            "{} {:?} ({})",
            focus["tag"].as_str().unwrap_or(""),
            focus["testid"].as_str().unwrap_or(""),
            context
        );
        if focus["lost"] == Value::Bool(true) {
            self.problems.push(format!("focus lost {context}"));
            return;
        }
        if focus["ring"] != Value::Bool(true) {
            self.problems.push(format!("{what}: no visible focus"));
        }
        if focus["name"].as_str().unwrap_or("").is_empty() {
            self.problems.push(format!("{what}: no accessible name"));
        }
        if focus["role"].as_str().unwrap_or("").is_empty() {
            self.problems.push(format!("{what}: no role"));
        }
        if focus["order"] == "backward" {
            self.problems
                .push(format!("{what}: Tab moved backwards through the page"));
        }
    }

    /// Presses Tab until the focused control is `testid` and `matches` it; fails after
    /// [`MOST_TABS`] presses. Every stop on the way is judged.
    async fn tab_until(&mut self, testid: &str, matches: impl Fn(&Value) -> bool) {
        self.app.by_testid(testid).await;
        self.tab_until_any(testid, |f| f["testid"] == testid && matches(f))
            .await;
    }

    /// Presses Tab until the focused control `matches`; `wanted` names it in a failure.
    async fn tab_until_any(&mut self, wanted: &str, matches: impl Fn(&Value) -> bool) {
        for _ in 0..MOST_TABS {
            self.press_tab().await;
            let focus = self.focus().await;
            self.judge(&focus, &format!("tabbing to {wanted}"));
            if matches(&focus) {
                return;
            }
        }
        let name: String = wanted.chars().filter(char::is_ascii_alphanumeric).collect();
        self.app.screenshot(&format!("failed-tab-{name}")).await;
        panic!(
            "Tab never reached {wanted}; problems so far: {:#?}",
            self.problems
        );
    }

    async fn tab_to(&mut self, testid: &str) {
        self.tab_until(testid, |_| true).await;
    }

    /// Tabs to the control and presses Enter.
    async fn activate(&mut self, testid: &str) {
        self.tab_to(testid).await;
        self.press('\u{E007}').await;
    }

    /// Tabs to a text field, selects what it holds, and types `text` over it.
    async fn type_into(&mut self, testid: &str, text: &str) {
        self.tab_to(testid).await;
        self.app.press_keys(&[Key::Control], 'a').await;
        let field = self.app.client.active_element().await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// After a dialog closed or a toast appeared: focus is still on a control.
    async fn focus_kept(&mut self, after: &str) {
        let focus = self.focus().await;
        if focus["lost"] == Value::Bool(true) {
            self.problems.push(format!("focus lost after {after}"));
        }
    }

    /// After a panel or dialog opened: focus is inside it.
    async fn focus_inside(&mut self, panel: &str) {
        self.app.by_testid(panel).await;
        let focus = self.focus().await;
        let inside = focus["inside"]
            .as_array()
            .is_some_and(|all| all.iter().any(|p| p == panel));
        if !inside {
            self.problems
                .push(format!("focus did not move into {panel}: {focus}"));
        }
    }

    /// Moves through a tab list with the arrow keys to `tab`.
    async fn tab_list_to(&mut self, tab: &str) {
        let selected = self
            .app
            .eval("return document.querySelector('[role=tab][aria-selected=true]')?.dataset.testid ?? ''")
            .await;
        let selected = selected.as_str().unwrap_or("").to_owned();
        self.tab_to(&selected).await;
        let order = [
            "tab-overview",
            "tab-integrations",
            "tab-numbers",
            "tab-changes",
            "tab-history",
            "tab-connections",
        ];
        let from = order.iter().position(|t| *t == selected).unwrap();
        let to = order
            .iter()
            .position(|t| *t == format!("tab-{tab}"))
            .unwrap();
        let arrow = if to > from { '\u{E014}' } else { '\u{E012}' };
        for _ in 0..from.abs_diff(to) {
            self.press(arrow).await;
        }
        // The arrows move within the list, either way: Tab's order starts again from here.
        self.app
            .eval("window.__walkPrevious = null; return true")
            .await;
        let focus = self.focus().await;
        assert_eq!(
            focus["testid"],
            format!("tab-{tab}"),
            "the arrows moved to {tab}"
        );
        self.judge(&focus, "in the tab list");
    }
}

/// Harbor's front desk, as Ringotel stores it: the number edited and then in conflict.
const DESK: &str = "18584376048";

#[tokio::test]
async fn the_whole_job_by_keyboard_alone() {
    let ringotel = Sandbox::start().await.unwrap();
    let demo = demo_thinq_accounts()[0];
    let home = Home::new();
    let app = AppSession::start(&home, &[]).await;
    let mut walk = Walk::new(&app);

    // A workspace for the account, its thinQ address under Advanced.
    walk.activate("workspace-switcher").await;
    walk.activate("add-workspace").await;
    walk.focus_inside("add-workspace-form").await;
    walk.type_into("name", "Acme MSP").await;
    walk.type_into("baseUrl", &ringotel.ringotel_url()).await;
    walk.type_into("apiKey", DEMO_API_KEY).await;
    walk.activate("workspace-advanced").await;
    walk.type_into("thinqBaseUrl", &ringotel.thinq_url()).await;
    walk.activate("save-workspace").await;
    app.text_until("orgs-as-of", |t| t.contains("in Acme MSP"))
        .await;
    walk.focus_kept("saving the workspace").await;

    // Harbor, from the list.
    walk.tab_until("org-row", |f| {
        f["text"]
            .as_str()
            .unwrap_or("")
            .contains("Harbor Dental Group")
    })
    .await;
    walk.press('\u{E007}').await;
    app.text_until("org-title", |t| t == "Harbor Dental Group")
        .await;

    // thinQ enabled with the account's credentials, the portal's webhook URL pasted.
    walk.activate("enable-thinq").await;
    walk.focus_inside("thinq-panel").await;
    walk.type_into(
        "webhookUrl",
        &sandbox::world::webhook_for(&crate::harbor_org_id()),
    )
    .await;
    walk.activate("keep-webhook").await;
    app.text_until("webhookUrl-hint", |t| t.contains("you pasted"))
        .await;
    walk.type_into("accountId", demo.account_id).await;
    walk.type_into("username", demo.username).await;
    walk.type_into("token", demo.token).await;
    walk.activate("test-thinq").await;
    app.text_until("thinq-test-result", |t| t.contains("Connected to thinQ"))
        .await;
    walk.activate("save-thinq").await;
    app.by_testid("numbers-table").await;
    walk.focus_kept("saving the thinQ settings").await;
    app.screenshot("50-keyboard-thinq-saved").await;

    // Import from thinQ: the dialog takes focus; Space ticks, Enter adds.
    walk.tab_list_to("numbers").await;
    walk.activate("import-thinq-open").await;
    walk.focus_inside("import-thinq").await;
    app.content_until("import-thinq", |t| t.contains("DIDs"))
        .await;
    walk.type_into("dids-filter", "604").await;
    walk.tab_to("dids-select-all").await;
    walk.press(' ').await;
    walk.type_into("users-filter", "Ava").await;
    walk.activate("users-select-all").await;
    app.screenshot("51-keyboard-import-dialog").await;
    walk.activate("import-add").await;
    app.text_until("numbers-drafted", |t| t.contains("drafted"))
        .await;
    walk.focus_kept("the import dialog closed").await;

    // One number edited: its name, users, stickiness and formats.
    walk.tab_until("edit-number", |f| f["number"] == DESK).await;
    walk.press('\u{E007}').await;
    walk.focus_inside("number-editor").await;
    walk.type_into("displayName", "Front desk (keyboard)").await;
    walk.type_into("users-filter", "Ava").await;
    walk.activate("users-select-all").await;
    for select in ["stickiness", "inbound-format", "outbound-format"] {
        walk.tab_to(select).await;
        let before = app.value(select).await;
        walk.press('\u{E015}').await; // Arrow down: the next choice
        let after = app.value(select).await;
        if before == after {
            walk.problems
                .push(format!("{select}: the arrow keys do not change the choice"));
        }
    }
    app.screenshot("52-keyboard-number-editor").await;
    walk.activate("save-number").await;
    app.text_until("numbers-drafted", |t| t.contains("drafted"))
        .await;
    walk.focus_kept("saving the number (and its toast)").await;

    // Readiness drafts its fixes.
    walk.tab_list_to("overview").await;
    app.text_until("readiness-summary", |t| t.contains("of 9 pass"))
        .await;
    walk.activate("readiness-fix-all").await;
    app.wait_for("[data-testid='fix-drafted']").await;
    walk.focus_kept("drafting every fix").await;

    // A dialog opened and closed with Escape: focus goes in, and comes back to its opener.
    walk.activate("test-message-open").await;
    walk.focus_inside("test-message").await;
    walk.press('\u{E00C}').await; // Escape
    let back = walk.focus().await;
    if back["testid"] != "test-message-open" {
        walk.problems.push(format!(
            "focus did not return to the dialog's opener: {back}"
        ));
    }

    // Changes reviewed; Ringotel renamed the desk meanwhile, so Sync stops at the conflict.
    crate::sync_flow::rename_on_server(&ringotel, DESK, "Front desk (portal)");
    walk.tab_list_to("changes").await;
    app.text_until("changes-summary", |t| t.contains("drafted change"))
        .await;
    walk.activate("sync").await;
    app.text_until("changes-blocked", |t| t.contains("Nothing was sent"))
        .await;
    walk.focus_kept("a sync stopped by a conflict").await;
    app.screenshot("53-keyboard-conflict").await;
    walk.tab_until_any("Keep mine (name)", |f| {
        let id = f["testid"].as_str().unwrap_or("");
        id.starts_with("keep-mine-") && id.ends_with("-name")
    })
    .await;
    walk.press('\u{E007}').await;
    app.text_until("changes-summary", |t| !t.contains("waiting"))
        .await;
    walk.activate("sync").await;
    let result = app
        .text_until("sync-result", |t| t.contains("Sync finished"))
        .await;
    assert!(!result.contains("failed"), "{result}");
    walk.focus_kept("the sync finished").await;
    app.screenshot("54-keyboard-synced").await;

    assert!(
        walk.problems.is_empty(),
        "keyboard problems:\n{}",
        walk.problems.join("\n")
    );
    app.close().await;
}
