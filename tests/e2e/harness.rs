//! Launches an example in a real window through tauri-driver (which runs WebKitWebDriver),
//! and offers the few actions the tests need. Every test saves a screenshot under
//! `target/e2e-screenshots/` and checks that it is not blank.

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};
use tokio::process::{Child, Command};

/// The longest one WebDriver call may take before the test fails (a hung page or driver would
/// otherwise hang the whole run).
const CALL_LIMIT: Duration = Duration::from_secs(60);

pub struct Window {
    pub client: Client,
    driver: Child,
    name: String,
}

fn target_dir() -> PathBuf {
    std::env::var_os("DESKDASH_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"))
}

/// An example's built binary (the profile `DESKDASH_PROFILE` names, debug unless set).
pub fn example_binary(example: &str) -> PathBuf {
    let profile = std::env::var("DESKDASH_PROFILE").unwrap_or_else(|_| "debug".into());
    let binary = target_dir().join(profile).join(example);
    assert!(binary.exists(), "{} is missing: build the examples first (./run test does)", binary.display());
    binary
}

/// Runs `tests/a11y.py` (the app's windows read and driven through the accessibility bus,
/// for a process no WebDriver session drives) and returns its output.
pub fn a11y(args: &[&str]) -> std::process::Output {
    std::process::Command::new("/usr/bin/python3")
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("a11y.py"))
        .args(args)
        .output()
        .expect("/usr/bin/python3 with Debian's python3-gi and gir1.2-atspi-2.0")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free local port")
}

impl Window {
    /// Starts `target/debug/<example>` in a window and waits for its first paint.
    pub async fn launch(example: &str, test: &str) -> Window {
        let w = Self::launch_raw(example).await;
        let w = Window { name: test.to_string(), ..w };
        w.wait_js("return !!document.querySelector('#dd-root[data-ready]')", 60).await;
        w
    }

    pub async fn launch_raw(example: &str) -> Window {
        Self::launch_binary(&example_binary(example), example).await
    }

    /// Starts any app binary (an installed one, say) in a window, named `test` in screenshots.
    pub async fn launch_binary(binary: &std::path::Path, test: &str) -> Window {
        let (port, native) = (free_port(), free_port());
        let driver = Command::new("tauri-driver")
            .args(["--port", &port.to_string(), "--native-port", &native.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .expect("tauri-driver on PATH (cargo install tauri-driver)");
        let deadline = Instant::now() + Duration::from_secs(30);
        while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
            assert!(Instant::now() < deadline, "tauri-driver did not listen on {port}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let mut caps = serde_json::Map::new();
        caps.insert("tauri:options".into(), json!({"application": binary}));
        // tauri-driver listens before WebKitWebDriver behind it is ready: retry the session.
        // Each attempt is bounded too: when the app dies at start (no display, say), the
        // driver may never answer, and an unbounded wait would hang the whole run.
        let mut driver = driver;
        let url = format!("http://127.0.0.1:{port}");
        let client = loop {
            let mut builder = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
            let attempt = builder.capabilities(caps.clone()).connect(&url);
            let failure = match tokio::time::timeout(CALL_LIMIT, attempt).await {
                Ok(Ok(c)) => break c,
                Ok(Err(e)) => e.to_string(),
                Err(_) => format!("no answer within {CALL_LIMIT:?}"),
            };
            if let Ok(Some(status)) = driver.try_wait() {
                panic!("tauri-driver exited ({status}) before a session on {} opened: {failure}", binary.display());
            }
            assert!(Instant::now() < deadline, "no WebDriver session on {}: {failure}", binary.display());
            eprintln!("WebDriver session not ready yet ({failure}); retrying");
            tokio::time::sleep(Duration::from_millis(500)).await;
        };
        Window { client, driver, name: test.to_string() }
    }

    /// Runs a script in the page and returns its value.
    pub async fn js(&self, script: &str) -> Value {
        let call = self.client.execute(script, vec![]);
        match tokio::time::timeout(CALL_LIMIT, call).await {
            Ok(result) => result.unwrap_or_else(|e| panic!("script failed: {e}\n{script}")),
            Err(_) => panic!("the page did not answer within {CALL_LIMIT:?}: {script}"),
        }
    }

    /// Runs an async script; it calls `arguments[arguments.length - 1]` with its result.
    pub async fn js_async(&self, script: &str) -> Value {
        self.js_async_with(script, vec![]).await
    }

    pub async fn js_async_with(&self, script: &str, args: Vec<Value>) -> Value {
        let call = self.client.execute_async(script, args);
        match tokio::time::timeout(CALL_LIMIT * 5, call).await {
            Ok(result) => result.unwrap_or_else(|e| panic!("script failed: {e}\n{script}")),
            Err(_) => panic!("the page did not answer within {:?}: {script}", CALL_LIMIT * 5),
        }
    }

    /// Waits until the script returns true; fails with the script after `secs`.
    pub async fn wait_js(&self, script: &str, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if self.js(script).await == Value::Bool(true) {
                return;
            }
            assert!(Instant::now() < deadline, "timed out after {secs}s waiting for: {script}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn text(&self, id: &str) -> String {
        let el = self.client.find(Locator::Id(id)).await.unwrap_or_else(|e| panic!("#{id}: {e}"));
        el.text().await.unwrap_or_default()
    }

    pub async fn wait_text(&self, id: &str, want: &str, secs: u64) {
        let script = format!("const e = document.getElementById({id:?}); return !!e && e.textContent === {want:?};");
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if self.js(&script).await == Value::Bool(true) {
                return;
            }
            if Instant::now() > deadline {
                panic!("#{id} never read {want:?}; it reads {:?}", self.text(id).await);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn click(&self, id: &str) {
        let el = self.client.find(Locator::Id(id)).await.unwrap_or_else(|e| panic!("#{id}: {e}"));
        el.click().await.unwrap_or_else(|e| panic!("click #{id}: {e}"));
    }

    /// Replaces the text of an input as a user would: End, Backspace over the old text, type.
    /// (WebDriver's clear sets the value behind React's back, so the app never hears of it.)
    pub async fn type_into(&self, id: &str, text: &str) {
        const END: char = '\u{e010}';
        const BACKSPACE: char = '\u{e003}';
        let el = self.client.find(Locator::Id(id)).await.unwrap_or_else(|e| panic!("#{id}: {e}"));
        let old = el.prop("value").await.ok().flatten().unwrap_or_default();
        let keys: String =
            std::iter::once(END).chain(std::iter::repeat_n(BACKSPACE, old.chars().count())).chain(text.chars()).collect();
        el.send_keys(&keys).await.unwrap_or_else(|e| panic!("type into #{id}: {e}"));
    }

    /// Saves a screenshot of the display (see [`screenshot_display`]) named after the test.
    pub async fn screenshot(&self, label: &str) -> PathBuf {
        tokio::time::sleep(Duration::from_millis(300)).await;
        screenshot_display(&format!("{}-{label}", self.name))
    }

    pub async fn close(mut self) {
        let _ = self.client.close().await;
        let _ = self.driver.kill().await;
    }
}

/// Saves a screenshot of the display as `target/e2e-screenshots/<name>.png` (ImageMagick
/// `import`, as a person would see it; WebKitWebDriver's own snapshot can hang on large WebGL
/// canvases) and checks that it shows something (not one flat colour).
pub fn screenshot_display(name: &str) -> PathBuf {
    let dir = target_dir().join("e2e-screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    let path = dir.join(format!("{name}.png"));
    let status = std::process::Command::new("import").args(["-window", "root"]).arg(&path).status().expect("ImageMagick import");
    assert!(status.success(), "import failed for {}", path.display());
    let out = std::process::Command::new("convert")
        .arg(&path)
        .args(["-format", "%[fx:standard_deviation]", "info:"])
        .output()
        .expect("ImageMagick convert");
    let spread: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap_or(0.0);
    assert!(spread > 0.01, "{} is blank (colour spread {spread})", path.display());
    path
}
