//! Comfort for everyone: every screen follows the system's light or dark theme, and no control
//! is clipped at 125 % and 150 % zoom (Ctrl +) or at the window's minimum size.

use crate::readiness_flow::open_harbor_with_thinq;
use e2e::{AppSession, Home};
use fantoccini::key::Key;
use std::time::{Duration, Instant};

/// The screens an administrator works in, each reached as they reach it.
#[derive(Debug, Clone, Copy)]
enum Screen {
    Organizations,
    Workspaces,
    Diagnostics,
    Tab(&'static str),
}

const SCREENS: [Screen; 9] = [
    Screen::Organizations,
    Screen::Workspaces,
    Screen::Diagnostics,
    Screen::Tab("overview"),
    Screen::Tab("integrations"),
    Screen::Tab("numbers"),
    Screen::Tab("changes"),
    Screen::Tab("history"),
    Screen::Tab("connections"),
];

impl Screen {
    fn name(self) -> &'static str {
        match self {
            Self::Organizations => "organizations",
            Self::Workspaces => "workspaces",
            Self::Diagnostics => "diagnostics",
            Self::Tab(tab) => tab,
        }
    }

    /// Goes to the screen (Harbor's tabs from wherever the app is) and waits until it has
    /// loaded what it shows. Clicks in the page: WebDriver's own clicks land beside their
    /// target once the page is zoomed.
    async fn open(self, app: &AppSession) {
        match self {
            Self::Organizations => click_in_page(app, "nav-organizations", "").await,
            Self::Workspaces => click_in_page(app, "workspace-switcher", "").await,
            Self::Diagnostics => click_in_page(app, "nav-diagnostics", "").await,
            Self::Tab(tab) => {
                if app
                    .eval(
                        "return document.querySelector(\"[data-testid='tab-overview']\") !== null",
                    )
                    .await
                    != serde_json::Value::Bool(true)
                {
                    click_in_page(app, "nav-organizations", "").await;
                    click_in_page(app, "org-row", "Harbor Dental Group").await;
                }
                click_in_page(app, &format!("tab-{tab}"), "").await;
            }
        }
        settle(app).await;
    }
}

/// Clicks, in the page, the first element marked `testid` whose text holds `text`, once the
/// page shows it.
async fn click_in_page(app: &AppSession, testid: &str, text: &str) {
    let script = format!(
        "const hit = [...document.querySelectorAll(\"[data-testid='{testid}']\")]
           .find(e => !e.disabled && e.textContent.includes({text:?}));
         if (hit) hit.click();
         return !!hit;"
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    while app.eval(&script).await != serde_json::Value::Bool(true) {
        assert!(Instant::now() < deadline, "no {testid} showing {text:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until no part of the screen still says it is loading, and the result is painted.
async fn settle(app: &AppSession) {
    let deadline = Instant::now() + Duration::from_secs(30);
    let loading = "return [...document.querySelectorAll('p.muted')]\
        .some(p => p.textContent.trim() === 'Loading…')";
    while app.eval(loading).await == serde_json::Value::Bool(true) {
        assert!(Instant::now() < deadline, "a screen kept loading");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let painted = "const done = arguments[arguments.length - 1]; \
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)));";
    app.client.execute_async(painted, vec![]).await.unwrap();
}

/// Every control on the page that cannot be seen whole, even scrolled into view: cut off by
/// the window or by a box that clips, or with its own label cut; and every table cell whose
/// content runs over its neighbours. Each as "tag 'label' why".
const CLIPPED_CONTROLS: &str = r#"
const controls = [...document.querySelectorAll(
  'button, input, select, textarea, a[href], [role="tab"], [tabindex]:not([tabindex="-1"])')]
  .filter(el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
const found = [];
for (const el of controls) {
  el.scrollIntoView({ block: 'center', inline: 'center' });
  const box = el.getBoundingClientRect();
  let clip = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
  for (let up = el.parentElement; up; up = up.parentElement) {
    const style = getComputedStyle(up);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const r = up.getBoundingClientRect();
    clip = { left: Math.max(clip.left, r.left), top: Math.max(clip.top, r.top),
             right: Math.min(clip.right, r.right), bottom: Math.min(clip.bottom, r.bottom) };
  }
  const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder')
    || el.getAttribute('data-testid') || '').trim().slice(0, 40);
  const what = `${el.tagName.toLowerCase()} '${name}'`;
  if (box.left < clip.left - 1 || box.right > clip.right + 1
      || box.top < clip.top - 1 || box.bottom > clip.bottom + 1) {
    found.push(`${what} is cut off (${Math.round(box.left)},${Math.round(box.top)} to ${Math.round(box.right)},${Math.round(box.bottom)}; visible ${Math.round(clip.left)},${Math.round(clip.top)} to ${Math.round(clip.right)},${Math.round(clip.bottom)})`);
  } else if (el.tagName === 'BUTTON' && el.scrollWidth > el.clientWidth + 2) {
    found.push(`${what} has its label cut (${el.scrollWidth} px of text in ${el.clientWidth} px)`);
  }
}
// A table cell whose content is wider than the cell, and not cut with an ellipsis on purpose,
// runs over its neighbours.
for (const cell of document.querySelectorAll('td, th')) {
  if (cell.getClientRects().length === 0) continue;
  const style = getComputedStyle(cell);
  if (style.overflowX !== 'visible' || cell.scrollWidth <= cell.clientWidth + 2) continue;
  const text = (cell.textContent || '').trim().slice(0, 40);
  found.push(`cell '${text}' runs over its neighbours (${cell.scrollWidth} px in ${cell.clientWidth} px)`);
}
window.scrollTo(0, 0);
return found;
"#;

async fn clipped_controls(app: &AppSession) -> Vec<String> {
    serde_json::from_value(app.eval(CLIPPED_CONTROLS).await).unwrap()
}

/// The page's zoom as the app applied it, once it has.
async fn zoom_until(app: &AppSession, expected: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let zoom = app
            .eval("return document.documentElement.dataset.zoom ?? '1'")
            .await;
        if zoom.as_str() == Some(expected) {
            return;
        }
        assert!(Instant::now() < deadline, "the zoom stayed at {zoom}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Harbor with its thinQ settings and *Fix all* drafted, so Numbers, Changes and the Overview
/// show what they show on a working day; and a Ringotel account beside the Sandbox, so the
/// Workspaces screen shows an account's row with all its actions (Use, Replace key…, Remove).
async fn harbor_with_a_draft(app: &AppSession) {
    // Added behind the page's back (only the Workspaces screen's layout is checked with it):
    // it is never used, so its address need not answer. Adding makes it active for a moment,
    // so the Sandbox's organizations are listed first.
    app.wait_for("[data-testid='org-row']").await;
    let added = app
        .eval(
            "return (async () => {
                const invoke = window.__TAURI_INTERNALS__.invoke;
                const outcome = await invoke('add_ringotel_workspace', {
                    input: { name: 'Acme Managed Services (West)', baseUrl: 'https://uk2.ringotel.co',
                             thinqBaseUrl: '', apiKey: 'layout-only-key' },
                    persistence: 'keychain' });
                await invoke('activate_workspace', { id: 'sandbox' });
                return outcome.outcome;
            })()",
        )
        .await;
    assert_eq!(added, "saved");
    open_harbor_with_thinq(app).await;
    app.click("tab-overview").await;
    app.text_until("readiness-summary", |t| t.contains("of 9 pass"))
        .await;
    app.click("readiness-fix-all").await;
    app.wait_for("[data-testid='fix-drafted']").await;
}

#[tokio::test]
async fn every_screen_follows_the_systems_light_or_dark_theme() {
    for (theme, gtk_theme, dark) in [("light", "Adwaita", false), ("dark", "Adwaita:dark", true)] {
        let home = Home::new();
        let app = AppSession::start(&home, &[("GTK_THEME", gtk_theme)]).await;
        harbor_with_a_draft(&app).await;
        let prefers_dark = app
            .eval("return matchMedia('(prefers-color-scheme: dark)').matches")
            .await;
        assert_eq!(prefers_dark, serde_json::Value::Bool(dark), "{theme}");
        for screen in SCREENS {
            screen.open(&app).await;
            // The page's own background: dark on dark, light on light.
            let luminance = app
                .eval(
                    "const [r, g, b] = getComputedStyle(document.body).backgroundColor\
                     .match(/\\d+/g).map(Number); return (0.2126*r + 0.7152*g + 0.0722*b) / 255;",
                )
                .await
                .as_f64()
                .unwrap();
            assert_eq!(
                luminance < 0.5,
                dark,
                "{theme} {screen:?}: luminance {luminance}"
            );
            // Every select is drawn by the page (its arrow from the text colour), not by GTK in
            // the system's own colours.
            let native = app
                .eval(
                    "return [...document.querySelectorAll('select')]\
                     .filter(s => s.getClientRects().length > 0)\
                     .filter(s => { const c = getComputedStyle(s);\
                       return c.appearance !== 'none' || c.backgroundImage === 'none'; })\
                     .map(s => s.dataset.testid || s.id)",
                )
                .await;
            assert_eq!(
                native,
                serde_json::json!([]),
                "{theme} {screen:?}: selects drawn by GTK"
            );
            app.screenshot(&format!("themes/{theme}-{}", screen.name()))
                .await;
        }
        app.close().await;
    }
}

#[tokio::test]
async fn no_control_is_clipped_at_125_or_150_percent_zoom_or_at_the_minimum_window() {
    let home = Home::new();
    let app = AppSession::start(&home, &[]).await;
    harbor_with_a_draft(&app).await;
    let mut clipped = Vec::new();

    // Ctrl + twice is 125 %, three times 150 %, as in a browser.
    for (presses, zoom) in [(2, "1.25"), (1, "1.5")] {
        for _ in 0..presses {
            app.press_keys(&[Key::Control], '=').await;
        }
        zoom_until(&app, zoom).await;
        // The page really is zoomed: its width in CSS pixels shrank by the zoom.
        let width = app.eval("return window.innerWidth").await.as_f64().unwrap();
        let expected = 1200.0 / zoom.parse::<f64>().unwrap();
        assert!(
            (width - expected).abs() < 30.0,
            "{width} px wide at {zoom}×"
        );
        for screen in SCREENS {
            screen.open(&app).await;
            for problem in clipped_controls(&app).await {
                clipped.push(format!("at {zoom}× on {}: {problem}", screen.name()));
            }
            app.screenshot(&format!("zoom/{zoom}-{}", screen.name()))
                .await;
        }
    }

    // Back to 100 %, in the smallest window the app allows (tauri.conf.json).
    app.press_keys(&[Key::Control], '0').await;
    zoom_until(&app, "1").await;
    app.client.set_window_size(880, 560).await.unwrap();
    let width = app.eval("return window.innerWidth").await.as_f64().unwrap();
    assert!(
        (860.0..=880.0).contains(&width),
        "the page is {width} px wide"
    );
    for screen in SCREENS {
        screen.open(&app).await;
        for problem in clipped_controls(&app).await {
            clipped.push(format!("at 880×560 on {}: {problem}", screen.name()));
        }
        app.screenshot(&format!("zoom/min-window-{}", screen.name()))
            .await;
    }
    assert!(
        clipped.is_empty(),
        "clipped controls:\n{}",
        clipped.join("\n")
    );
    app.close().await;
}
