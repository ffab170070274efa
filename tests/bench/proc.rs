//! What the benches read about a running app from /proc: when it started, how much memory
//! it and its WebKit processes take, and the wall clock they are compared with.

use std::time::{SystemTime, UNIX_EPOCH};

pub fn epoch_ms() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64() * 1000.0).unwrap_or(0.0)
}

/// Proportional set size (MB) of the app and its WebKit processes.
pub fn pss_mb(app: &str) -> f64 {
    let mut kb = 0u64;
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let dir = entry.path();
        let cmd = std::fs::read_to_string(dir.join("cmdline")).unwrap_or_default();
        let ours = cmd.contains(app)
            || ((cmd.contains("WebKitWebProcess") || cmd.contains("WebKitNetworkProcess")) && !cmd.contains("WebKitWebDriver"));
        if !ours || cmd.contains("tauri-driver") {
            continue;
        }
        let rollup = std::fs::read_to_string(dir.join("smaps_rollup")).unwrap_or_default();
        kb += rollup.lines().find(|l| l.starts_with("Pss:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()).unwrap_or(0);
    }
    kb as f64 / 1024.0
}

/// When the machine booted (ms since the epoch), to 10 ms: now less /proc/uptime. /proc/stat's
/// `btime` is whole seconds, which put an error of up to a second (442 ms on one boot here)
/// into every startup figure.
fn boot_ms() -> Option<f64> {
    let uptime_s: f64 = std::fs::read_to_string("/proc/uptime").ok()?.split_whitespace().next()?.parse().ok()?;
    Some(epoch_ms() - uptime_s * 1000.0)
}

/// When the app's process started (ms since the epoch), from /proc.
pub fn process_start_ms(app: &str) -> Option<f64> {
    let boot = boot_ms()?;
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let cmd = std::fs::read_to_string(entry.path().join("cmdline")).unwrap_or_default();
        if cmd.split('\0').next().is_some_and(|exe| exe.ends_with(app)) {
            let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
            let after = stat.rsplit_once(')')?.1;
            // Field 22, starttime, in clock ticks (100 per second here) since boot.
            let ticks: f64 = after.split_whitespace().nth(19)?.parse().ok()?;
            return Some(boot + ticks * 10.0);
        }
    }
    None
}
