//! The signed packages `./run package <example>` makes (under `target/packages/<example>`),
//! checked offline: the updater signatures (minisign, through the `minisign-verify` crate) and
//! the .deb's origin signature (debsig-verify with the policy shipped beside it) verify, and a
//! copy with one byte changed is refused by each; the .deb installs with dpkg, the installed
//! binary opens its window, and the package removes cleanly. Ignored in `./run test`: they need
//! the release packages, which `./run package-test` builds before running them.

#[path = "e2e/harness.rs"]
#[allow(dead_code)]
mod harness;

use std::path::{Path, PathBuf};
use std::process::Command;

fn packages_dir() -> PathBuf {
    std::env::var_os("DESKDASH_PACKAGES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/packages"))
}

/// Every example that was packaged, with its directory.
fn packaged() -> Vec<PathBuf> {
    let dir = packages_dir();
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("no packages under {} ({e}): run ./run package-test", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no packages under {}: run ./run package-test", dir.display());
    found
}

fn with_extension(dir: &Path, ext: &str) -> PathBuf {
    std::fs::read_dir(dir)
        .ok()
        .and_then(|entries| entries.flatten().map(|e| e.path()).find(|p| p.extension().is_some_and(|e| e == ext)))
        .unwrap_or_else(|| panic!("no .{ext} in {}", dir.display()))
}

/// A copy of `file` with one byte in its middle changed.
fn tampered(file: &Path) -> PathBuf {
    let mut bytes = std::fs::read(file).expect("the package");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let copy = std::env::temp_dir().join(format!("tampered-{}-{name}", std::process::id()));
    std::fs::write(&copy, bytes).expect("the tampered copy");
    copy
}

/// Tauri writes minisign's text files base64-encoded, the public key and the signature alike.
fn decoded(path: &Path) -> String {
    use base64::Engine;
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let bytes = base64::engine::general_purpose::STANDARD.decode(text.trim()).expect("base64 of a minisign file");
    String::from_utf8(bytes).expect("a minisign text file")
}

fn updater_signature_holds(public_key: &minisign_verify::PublicKey, file: &Path, signature: &Path) -> bool {
    let signature = minisign_verify::Signature::decode(&decoded(signature)).expect("a minisign signature");
    let bytes = std::fs::read(file).expect("the signed file");
    public_key.verify(&bytes, &signature, false).is_ok()
}

#[test]
#[ignore = "needs the signed packages: ./run package-test"]
fn updater_signatures_verify_and_a_changed_byte_is_refused() {
    for dir in packaged() {
        let public_key = minisign_verify::PublicKey::decode(&decoded(&dir.join("updater.pub"))).expect("the updater key");
        for ext in ["deb", "rpm"] {
            let package = with_extension(&dir, ext);
            let signature = PathBuf::from(format!("{}.sig", package.display()));
            assert!(updater_signature_holds(&public_key, &package, &signature), "{} verifies", package.display());
            let changed = tampered(&package);
            assert!(!updater_signature_holds(&public_key, &changed, &signature), "a changed {} is refused", package.display());
            let _ = std::fs::remove_file(changed);
        }
    }
}

fn debsig_verify(dir: &Path, deb: &Path) -> std::process::Output {
    Command::new("debsig-verify")
        .arg("--policies-dir")
        .arg(dir.join("policies"))
        .arg("--keyrings-dir")
        .arg(dir.join("keyrings"))
        .arg(deb)
        .output()
        .expect("debsig-verify (Debian's debsig-verify)")
}

#[test]
#[ignore = "needs the signed packages: ./run package-test"]
fn the_deb_origin_signature_verifies_offline_and_a_changed_byte_is_refused() {
    for dir in packaged() {
        let deb = with_extension(&dir, "deb");
        let ok = debsig_verify(&dir, &deb);
        assert!(ok.status.success(), "{}: {}", deb.display(), String::from_utf8_lossy(&ok.stdout));
        let changed = tampered(&deb);
        let refused = debsig_verify(&dir, &changed);
        assert!(!refused.status.success(), "a changed {} is refused", deb.display());
        let _ = std::fs::remove_file(changed);
    }
}

fn dpkg(args: &[&str]) -> std::process::Output {
    Command::new("dpkg").args(args).output().expect("dpkg")
}

/// The package's name and the installed binary, read from the .deb itself.
fn deb_package_and_binary(deb: &Path) -> (String, PathBuf) {
    let field = |name: &str| {
        let out = Command::new("dpkg-deb").arg("--field").arg(deb).arg(name).output().expect("dpkg-deb");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    let package = field("Package");
    let contents = Command::new("dpkg-deb").arg("--contents").arg(deb).output().expect("dpkg-deb");
    // Lines as `tar tv` prints them: a file's starts with '-', its path last.
    let binary = String::from_utf8_lossy(&contents.stdout)
        .lines()
        .filter(|l| l.starts_with('-'))
        .filter_map(|l| l.split_whitespace().last())
        .map(|p| p.trim_start_matches("./"))
        .find(|p| p.starts_with("usr/bin/"))
        .map(|p| Path::new("/").join(p))
        .unwrap_or_else(|| panic!("{} installs no binary under /usr/bin", deb.display()));
    (package, binary)
}

/// What each packaged example's first page shows, and a script true once it is all drawn
/// (crossfilter's four charts come from plotly.js, loaded when the first graph needs it).
fn expected_text(example: &str) -> (&'static str, &'static str) {
    match example {
        "hello" => ("Hello, world!", "return true"),
        "crossfilter" => ("Crossfilter", "return document.querySelectorAll('.js-plotly-plot .main-svg').length >= 4"),
        other => panic!("no expected text for the packaged example {other}: add it here"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the signed packages: ./run package-test"]
async fn the_deb_installs_opens_its_window_and_removes_cleanly() {
    for dir in packaged() {
        let example = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let deb = with_extension(&dir, "deb");
        let (package, binary) = deb_package_and_binary(&deb);
        let installed = dpkg(&["-i", &deb.to_string_lossy()]);
        assert!(installed.status.success(), "dpkg -i {}: {}", deb.display(), String::from_utf8_lossy(&installed.stderr));
        assert!(binary.exists(), "{} is installed", binary.display());
        let desktop_entry = dpkg(&["-L", &package]);
        let files = String::from_utf8_lossy(&desktop_entry.stdout).into_owned();
        assert!(files.lines().any(|l| l.ends_with(".desktop")), "a desktop entry is installed: {files}");
        assert!(files.lines().any(|l| l.contains("/icons/")), "icons are installed: {files}");

        let w = harness::Window::launch_binary(&binary, &format!("installed-{example}")).await;
        w.wait_js("return !!document.querySelector('#dd-root[data-ready]')", 60).await;
        let (text, drawn) = expected_text(&example);
        w.wait_js(drawn, 60).await;
        let shown = w.js("return document.body.innerText").await.as_str().unwrap_or_default().to_string();
        assert!(shown.contains(text), "the installed {example} draws its layout: {shown}");
        w.screenshot("window").await;
        w.close().await;

        let removed = dpkg(&["-r", &package]);
        assert!(removed.status.success(), "dpkg -r {package}: {}", String::from_utf8_lossy(&removed.stderr));
        assert!(!binary.exists(), "{} is gone after removal", binary.display());
        let status = dpkg(&["-s", &package]);
        let state = String::from_utf8_lossy(&status.stdout).into_owned();
        assert!(!status.status.success() || state.contains("deinstall"), "{package} is no longer installed: {state}");
    }
}

/// The update test's packages: `<dir>/0.1.0` and `<dir>/0.1.1`, both built to ask
/// `http://127.0.0.1:<DESKDASH_UPDATE_PORT>/latest.json` for updates.
fn update_packages() -> (PathBuf, PathBuf, u16) {
    let dir = std::env::var_os("DESKDASH_UPDATES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/updates"));
    let port = std::env::var("DESKDASH_UPDATE_PORT").ok().and_then(|p| p.parse().ok()).expect("DESKDASH_UPDATE_PORT");
    (with_extension(&dir.join("0.1.0"), "deb"), with_extension(&dir.join("0.1.1"), "deb"), port)
}

fn installed_version(package: &str) -> String {
    let out = Command::new("dpkg-query").args(["-W", "-f=${Version}", package]).output().expect("dpkg-query");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Everything the app logged under `home` (its log files live in its data directory).
fn logged(home: &Path) -> String {
    let mut text = String::new();
    let mut dirs = vec![home.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.parent().is_some_and(|p| p.ends_with("logs")) {
                text.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    text
}

/// Waits up to `secs` for `done`, which is asked twice a second.
fn wait_for(secs: u64, what: &str, mut done: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while !done() {
        assert!(std::time::Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
}

/// Waits until a window of the running `binary` shows `text`, read through the accessibility
/// bus (`a11y.py`): the app restarted by its updater is no WebDriver session's.
fn wait_until_shown(binary: &Path, text: &str, secs: u64) -> String {
    let application = binary.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let out = harness::a11y(&["shows", &application, text, &secs.to_string()]);
    assert!(out.status.success(), "the window of {application} never showed {text:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Kills every process running `binary` (the restarted app is no child of the test).
fn kill_all(binary: &Path) {
    let _ = Command::new("pkill").arg("-f").arg(format!("^{}", binary.display())).status();
}

/// Serves `dir` on 127.0.0.1:`port` the way a release server would, for as long as it lives.
struct UpdateServer(std::process::Child);

impl UpdateServer {
    fn start(dir: &Path, port: u16) -> UpdateServer {
        let child = Command::new("python3")
            .args(["-m", "http.server", &port.to_string(), "--bind", "127.0.0.1", "--directory"])
            .arg(dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("python3 -m http.server");
        wait_for(20, "the update server", || std::net::TcpStream::connect(("127.0.0.1", port)).is_ok());
        UpdateServer(child)
    }
}

impl Drop for UpdateServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// What the update endpoint answers: version 0.1.1 at `url` with `signature`.
fn manifest(url: &str, signature: &str) -> String {
    let platform = serde_json::json!({"url": url, "signature": signature});
    serde_json::json!({
        "version": "0.1.1",
        "notes": "The update test's release",
        "pub_date": "2026-12-01T00:00:00Z",
        "platforms": {"linux-x86_64-deb": platform, "linux-x86_64": platform},
    })
    .to_string()
}

fn start_app(binary: &Path, home: &Path) -> std::process::Child {
    Command::new(binary)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the installed app")
}

#[test]
#[ignore = "needs the update test's packages: ./run package-test"]
fn an_installed_app_updates_itself_and_refuses_a_tampered_update() {
    let (old_deb, new_deb, port) = update_packages();
    let (package, binary) = deb_package_and_binary(&old_deb);
    let served = std::env::temp_dir().join(format!("deskdash-update-server-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&served);
    std::fs::create_dir_all(&served).expect("the server's directory");
    let signature = std::fs::read_to_string(format!("{}.sig", new_deb.display())).expect("the update's signature");
    let url = format!("http://127.0.0.1:{port}/update.deb");
    std::fs::write(served.join("latest.json"), manifest(&url, signature.trim())).expect("latest.json");
    let _server = UpdateServer::start(&served, port);

    // 0.1.0 installed finds 0.1.1, verifies, installs it and restarts in it.
    std::fs::copy(&new_deb, served.join("update.deb")).expect("the update");
    assert!(dpkg(&["-i", &old_deb.to_string_lossy()]).status.success(), "0.1.0 installs");
    assert_eq!(installed_version(&package), "0.1.0");
    let home = served.join("home-update");
    let mut app = start_app(&binary, &home);
    wait_for(180, "the update to be installed", || installed_version(&package) == "0.1.1");
    // The start line itself: "an update was found" names version=0.1.1 too, before the install.
    let restarted = |log: String| log.lines().any(|l| l.contains(" started ") && l.contains("version=0.1.1"));
    wait_for(60, "the restarted app, in 0.1.1", || restarted(logged(&home)));
    let log = logged(&home);
    assert!(log.contains("update installed: restarting"), "{log}");
    eprintln!("{}", log.lines().filter(|l| l.contains("update") || l.contains("started")).collect::<Vec<_>>().join("\n"));
    // The relaunched window says so itself.
    let shown = wait_until_shown(&binary, "was updated from 0.1.0 to 0.1.1", 60);
    assert!(shown.contains("Hello, world!"), "the updated app draws its page: {shown}");
    harness::screenshot_display("update-installed");
    let _ = app.wait();
    kill_all(&binary);

    // A changed byte: the signature no longer holds, nothing is installed, 0.1.0 runs on.
    std::fs::write(served.join("update.deb"), std::fs::read(tampered(&new_deb)).expect("the tampered update")).expect("serve it");
    assert!(dpkg(&["-i", &old_deb.to_string_lossy()]).status.success(), "0.1.0 installs again");
    let home = served.join("home-tampered");
    let mut app = start_app(&binary, &home);
    wait_for(120, "the tampered update to be refused", || logged(&home).contains("update refused"));
    let log = logged(&home);
    assert!(log.contains("signature"), "the refusal names the signature: {log}");
    eprintln!("{}", log.lines().find(|l| l.contains("update refused")).unwrap_or_default());
    assert_eq!(installed_version(&package), "0.1.0", "the installed version is untouched");
    assert!(app.try_wait().ok().flatten().is_none(), "0.1.0 goes on running");
    // The window tells the user too, and goes on working as 0.1.0.
    let shown = wait_until_shown(&binary, "Version 0.1.1 was found but not installed", 60);
    assert!(shown.contains("Update refused") && shown.contains("signature"), "the notice says why: {shown}");
    assert!(shown.contains("This version (0.1.0) goes on working") && shown.contains("Hello, world!"), "{shown}");
    harness::screenshot_display("update-refused");
    let _ = app.kill();
    let _ = app.wait();
    kill_all(&binary);
    assert!(dpkg(&["-r", &package]).status.success());
    let _ = std::fs::remove_dir_all(&served);
}
