//! One run of the app under tauri-driver, and the home folder it keeps its data in.

use crate::prerequisites::{app_binary, check_prerequisites};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a screen may take to show what a step waits for (software rendering, debug build).
const PATIENCE: Duration = Duration::from_secs(30);

/// A home folder for the app: its data, cache and config, kept across restarts in one test.
pub struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The environment the app runs with: this folder as its home and data, cache, config.
    pub fn env(&self) -> Vec<(&'static str, PathBuf)> {
        vec![
            ("HOME", self.path().to_path_buf()),
            ("XDG_DATA_HOME", self.path().join("data")),
            ("XDG_CONFIG_HOME", self.path().join("config")),
            ("XDG_CACHE_HOME", self.path().join("cache")),
        ]
    }

    /// Where everything the app and its driver print goes, appended run after run.
    fn printed(&self) -> std::fs::File {
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.path().join("printed.log"))
            .unwrap()
    }

    /// The app's data folder (Tauri's app data dir for its identifier).
    pub fn app_data(&self) -> PathBuf {
        self.path().join("data/app.smsadmin.ringotel")
    }
}

impl Default for Home {
    fn default() -> Self {
        Self::new()
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// How a control stood in the frames before a click.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stillness {
    /// Where it was two frames before, and usable.
    Still,
    /// Still moving when the wait ended (3 s), or the page did not say.
    Moving,
    /// Disabled or busy meanwhile: a click now would be swallowed.
    Disabled,
}

pub struct AppSession {
    pub client: Client,
    driver: Child,
    artifacts: PathBuf,
    /// When the session was asked for (ms since the epoch): the program starts right after.
    pub requested_at_ms: u128,
}

impl AppSession {
    /// Starts the app with `home` as its home and the given extra environment.
    pub async fn start(home: &Home, env: &[(&str, &str)]) -> Self {
        check_prerequisites();
        Self::start_program(&app_binary(), home, env).await
    }

    /// Starts `program` (the app, or another Tauri program with the same ready marker, such as
    /// the floor app) as [`AppSession::start`] starts the app.
    pub async fn start_program(program: &Path, home: &Home, env: &[(&str, &str)]) -> Self {
        let (port, native_port) = (free_port(), free_port());
        let mut command = Command::new("tauri-driver");
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .envs(home.env())
            // The most the app logs, with all it prints kept in the home folder, so a test
            // that looks for a secret in the home's files also looks at every log line.
            .env("SMSADMIN_LOG", "debug")
            .stdout(home.printed())
            .stderr(home.printed())
            // Its own process group, so WebKitWebDriver and the app go when the session ends.
            .process_group(0);
        for (key, value) in env {
            command.env(key, value);
        }
        let driver = command.spawn().expect("tauri-driver starts");
        let deadline = Instant::now() + PATIENCE;
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not open port {port}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let capabilities = serde_json::json!({
            "browserName": "wry",
            "tauri:options": { "application": program },
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let loopback = hyper_util::client::legacy::connect::HttpConnector::new();
        let requested_at_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis();
        let client = ClientBuilder::new(loopback)
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a WebDriver session with the app");
        let artifacts = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../artifacts/e2e");
        std::fs::create_dir_all(&artifacts).unwrap();
        let session = Self {
            client,
            driver,
            artifacts,
            requested_at_ms,
        };
        session.wait_for("html[data-ready='true']").await;
        session
    }

    pub async fn wait_for(&self, css: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => element,
            Err(e) => {
                // What the window showed instead is the first thing a reader of the failure needs.
                let name: String = css.chars().filter(char::is_ascii_alphanumeric).collect();
                self.screenshot(&format!("failed-{name}")).await;
                panic!("nothing matched {css} in time (see artifacts/e2e/failed-{name}.png): {e}")
            }
        }
    }

    pub async fn by_testid(&self, testid: &str) -> Element {
        self.wait_for(&format!("[data-testid='{testid}']")).await
    }

    /// Clicks the element once it is enabled and has stopped moving, as a person waits for a
    /// button that is still waiting for its data, and clicks where it is, not where it was.
    pub async fn click(&self, testid: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let element = self
                .wait_for(&format!(
                    "[data-testid='{testid}']:not([disabled]):not([aria-busy='true'])"
                ))
                .await;
            // A control that a screen reloading under it disabled meanwhile would swallow the
            // click: wait for it to be usable again.
            if self.until_still(&element).await != Stillness::Disabled || Instant::now() > deadline
            {
                element
                    .click()
                    .await
                    .unwrap_or_else(|e| panic!("cannot click {testid}: {e}"));
                return;
            }
        }
    }

    /// Waits (up to 3 s) until `element` lies where it lay two frames before: a WebDriver click
    /// goes to the point the element was found at, so one that content arriving above it has
    /// just pushed down would land beside it.
    async fn until_still(&self, element: &Element) -> Stillness {
        let script = "const [el, done] = [arguments[0], arguments[arguments.length - 1]];
            const started = performance.now();
            // Frames may stop coming (a hidden window): the clock still ends the wait.
            const timer = setTimeout(() => done('moving'), 3000);
            const usable = () => !el.disabled && el.getAttribute('aria-busy') !== 'true';
            let [last, still] = ['', 0];
            const look = () => {
              const r = el.getBoundingClientRect();
              const at = [r.x, r.y, r.width, r.height].join();
              still = at === last ? still + 1 : 0;
              last = at;
              if (!usable()) {
                clearTimeout(timer);
                done('disabled');
              } else if (still >= 2 || performance.now() - started > 3000) {
                clearTimeout(timer);
                done(still >= 2 ? 'still' : 'moving');
              } else requestAnimationFrame(look);
            };
            requestAnimationFrame(look);";
        let arg = serde_json::to_value(element).unwrap();
        // A page that never settles is the test's next wait to report, not this one's.
        match self.client.execute_async(script, vec![arg]).await {
            Ok(serde_json::Value::String(s)) if s == "disabled" => Stillness::Disabled,
            Ok(serde_json::Value::String(s)) if s == "still" => Stillness::Still,
            _ => Stillness::Moving,
        }
    }

    /// Clears an input and types `text` into it, as a person would.
    pub async fn fill(&self, testid: &str, text: &str) {
        let input = self.by_testid(testid).await;
        input.clear().await.unwrap();
        // Typing something and erasing it fires the input events a plain clear may not.
        let keys = if text.is_empty() { " \u{E003}" } else { text };
        input.send_keys(keys).await.unwrap();
    }

    /// Chooses the option with `value` in the `<select>` marked `testid`.
    pub async fn select(&self, testid: &str, value: &str) {
        self.wait_for(&format!("[data-testid='{testid}'] option[value='{value}']"))
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("cannot choose {value} in {testid}: {e}"));
    }

    /// Presses and releases `key` (a character, or a WebDriver key such as `'\u{E004}'`, Tab)
    /// with `modifiers` held, as a person types it: to whatever has focus.
    pub async fn press_keys(&self, modifiers: &[Key], key: char) {
        let mut keys = KeyActions::new("keyboard".into());
        for modifier in modifiers {
            keys = keys.then(KeyAction::Down {
                value: (*modifier).into(),
            });
        }
        keys = keys
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        for modifier in modifiers.iter().rev() {
            keys = keys.then(KeyAction::Up {
                value: (*modifier).into(),
            });
        }
        self.client.perform_actions(keys).await.unwrap();
    }

    /// Runs a script in the page and returns what it returns.
    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.client.execute(script, vec![]).await.unwrap()
    }

    pub async fn value(&self, testid: &str) -> String {
        self.by_testid(testid)
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    }

    pub async fn text(&self, testid: &str) -> String {
        self.by_testid(testid).await.text().await.unwrap()
    }

    /// Waits until the element's text satisfies `test`, and returns it.
    pub async fn text_until(&self, testid: &str, test: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let text = match self
                .client
                .find(Locator::Css(&format!("[data-testid='{testid}']")))
                .await
            {
                Ok(element) => element.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if test(&text) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "{testid} never showed what was expected; last text: {text:?}"
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Waits until the element's whole text content (clipped cells included) satisfies `test`.
    pub async fn content_until(&self, testid: &str, test: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let element = self.by_testid(testid).await;
            let text = element
                .prop("textContent")
                .await
                .ok()
                .flatten()
                .unwrap_or_default();
            if test(&text) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "{testid} never held what was expected; last content: {text:?}"
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Clicks the element with `testid` whose text contains `label`.
    pub async fn click_row(&self, testid: &str, label: &str) {
        self.by_testid(testid).await;
        for row in self
            .client
            .find_all(Locator::Css(&format!("[data-testid='{testid}']")))
            .await
            .unwrap()
        {
            if row.text().await.unwrap().contains(label) {
                self.until_still(&row).await;
                row.click().await.unwrap();
                return;
            }
        }
        panic!("no {testid} shows {label:?}");
    }

    /// Waits for the Numbers table's row of `wire` (as Ringotel stores it) and clicks the
    /// button `testid` in it, such as `edit-number`; returns the row's whole text.
    pub async fn click_in_number_row(&self, wire: &str, testid: &str) -> String {
        let row = self
            .wait_for(&format!("[data-testid='number-row'][data-number='{wire}']"))
            .await;
        let text = row.prop("textContent").await.unwrap().unwrap_or_default();
        row.find(Locator::Css(&format!("[data-testid='{testid}']")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        text
    }

    /// Scrolls the element into the middle of the window, then saves the window as `name`.
    pub async fn screenshot_at(&self, name: &str, testid: &str) {
        let element = self.by_testid(testid).await;
        let arg = serde_json::to_value(&element).unwrap();
        self.client
            .execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg])
            .await
            .unwrap();
        self.screenshot(name).await;
    }

    /// Saves what the window shows now as `artifacts/e2e/<name>.png`, once the latest change
    /// has been painted (software rendering paints a frame or two behind the page).
    pub async fn screenshot(&self, name: &str) {
        let painted = "const done = arguments[arguments.length - 1]; \
            requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));";
        self.client.execute_async(painted, vec![]).await.unwrap();
        let png = self.client.screenshot().await.unwrap();
        let path = self.artifacts.join(format!("{name}.png"));
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).unwrap();
        }
        std::fs::write(path, png).unwrap();
    }

    /// Ends the session; the app exits.
    pub async fn close(mut self) {
        self.client.clone().close().await.unwrap();
        self.stop_driver();
    }

    /// Stops tauri-driver and everything it started (WebKitWebDriver, the app).
    fn stop_driver(&mut self) {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.driver.wait();
        // The app must be gone before the next one starts: while it lives it holds the
        // single-instance name, and a new start would hand over to it and exit.
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline
            && Command::new("kill")
                .args(["-0", "--", &group])
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl AppSession {
    /// The processes of `program` started in this session, and every process they started
    /// (WebKit's web and network processes, the Sandbox's server): what the app costs.
    pub fn program_processes(&self, program: &Path) -> Vec<u32> {
        let program = program
            .canonicalize()
            .unwrap_or_else(|_| program.to_path_buf());
        let mut parents = Vec::new();
        for entry in std::fs::read_dir("/proc").unwrap().flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
                continue;
            };
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            // Fields after the command's closing parenthesis: state, ppid, pgrp.
            let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
            let fields: Vec<&str> = after.split_whitespace().collect();
            let (Some(ppid), Some(pgrp)) = (fields.get(1), fields.get(2)) else {
                continue;
            };
            let exe = std::fs::read_link(format!("/proc/{pid}/exe")).ok();
            parents.push((
                pid,
                ppid.parse::<u32>().unwrap_or(0),
                pgrp.parse::<u32>().unwrap_or(0),
                exe,
            ));
        }
        let group = self.driver.id();
        let mut found: Vec<u32> = parents
            .iter()
            .filter(|(_, _, pgrp, exe)| *pgrp == group && exe.as_deref() == Some(program.as_path()))
            .map(|(pid, ..)| *pid)
            .collect();
        let mut i = 0;
        while i < found.len() {
            let parent = found[i];
            found.extend(
                parents
                    .iter()
                    .filter(|(_, ppid, ..)| *ppid == parent)
                    .map(|(pid, ..)| *pid),
            );
            i += 1;
        }
        found
    }
}

impl Drop for AppSession {
    fn drop(&mut self) {
        // A failed test still leaves nothing running behind it.
        if let Ok(None) = self.driver.try_wait() {
            self.stop_driver();
        }
    }
}
