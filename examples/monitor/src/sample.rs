//! CPU and memory use from /proc (`/proc/stat`, `/proc/meminfo`), and the recent history the
//! chart draws.

use std::collections::VecDeque;

/// One sample: percentages of CPU busy since the last sample and of memory in use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Now {
    pub cpu: f64,
    pub memory: f64,
}

/// Reads /proc; keeps the last CPU counters, since CPU use is a difference of two readings.
pub struct Sampler {
    last: Option<(u64, u64)>,
}

impl Sampler {
    pub fn new() -> Self {
        Sampler { last: None }
    }

    pub fn sample(&mut self) -> Result<Now, String> {
        let stat = std::fs::read_to_string("/proc/stat").map_err(|e| format!("/proc/stat: {e}"))?;
        let meminfo = std::fs::read_to_string("/proc/meminfo").map_err(|e| format!("/proc/meminfo: {e}"))?;
        let (busy, total) = cpu_counters(&stat).ok_or("/proc/stat has no cpu line")?;
        let cpu = match self.last.replace((busy, total)) {
            Some((last_busy, last_total)) if total > last_total => {
                100.0 * busy.saturating_sub(last_busy) as f64 / (total - last_total) as f64
            }
            _ => 0.0,
        };
        let memory = memory_used(&meminfo).ok_or("/proc/meminfo lacks MemTotal or MemAvailable")?;
        Ok(Now { cpu, memory })
    }
}

/// The busy and total jiffies of the first `cpu` line (busy: all but idle and iowait).
fn cpu_counters(stat: &str) -> Option<(u64, u64)> {
    let line = stat.lines().find(|l| l.starts_with("cpu "))?;
    let fields: Vec<u64> = line.split_whitespace().skip(1).filter_map(|f| f.parse().ok()).collect();
    let total: u64 = fields.iter().sum();
    let idle = fields.get(3)? + fields.get(4).copied().unwrap_or(0);
    Some((total.saturating_sub(idle), total))
}

/// The percentage of memory in use: 1 − MemAvailable / MemTotal.
fn memory_used(meminfo: &str) -> Option<f64> {
    let field =
        |name: &str| -> Option<f64> { meminfo.lines().find(|l| l.starts_with(name))?.split_whitespace().nth(1)?.parse().ok() };
    let (total, available) = (field("MemTotal:")?, field("MemAvailable:")?);
    (total > 0.0).then(|| 100.0 * (1.0 - available / total))
}

/// The last `capacity` samples, oldest first.
pub struct History {
    samples: VecDeque<Now>,
    capacity: usize,
    cpu: Vec<f64>,
    memory: Vec<f64>,
    seconds: Vec<f64>,
}

impl History {
    pub fn new(capacity: usize) -> Self {
        History { samples: VecDeque::with_capacity(capacity), capacity, cpu: Vec::new(), memory: Vec::new(), seconds: Vec::new() }
    }

    pub fn push(&mut self, now: Now) {
        if self.samples.len() == self.capacity {
            self.samples.pop_front();
        }
        self.samples.push_back(now);
        self.cpu = self.samples.iter().map(|s| s.cpu).collect();
        self.memory = self.samples.iter().map(|s| s.memory).collect();
        let n = self.samples.len();
        self.seconds = (0..n).map(|i| (n - 1 - i) as f64 / 10.0).collect();
    }

    pub fn len(&self) -> usize {
        self.samples.len()
    }
    pub fn cpu(&self) -> &[f64] {
        &self.cpu
    }
    pub fn memory(&self) -> &[f64] {
        &self.memory
    }
    /// How long ago each sample was taken, in seconds (ten samples a second).
    pub fn seconds(&self) -> &[f64] {
        &self.seconds
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_and_memory_parse_procs_format() {
        let stat = "cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 1 2 3 4\n";
        assert_eq!(cpu_counters(stat), Some((150, 1000)));
        let meminfo = "MemTotal:       1000 kB\nMemFree:         100 kB\nMemAvailable:    250 kB\n";
        assert_eq!(memory_used(meminfo), Some(75.0));
        assert_eq!(memory_used("MemTotal: 0 kB\nMemAvailable: 0 kB\n"), None);
    }

    #[test]
    fn history_keeps_the_last_samples_oldest_first() {
        let mut h = History::new(2);
        for cpu in [1.0, 2.0, 3.0] {
            h.push(Now { cpu, memory: 50.0 });
        }
        assert_eq!(h.cpu(), &[2.0, 3.0]);
        assert_eq!(h.seconds(), &[0.1, 0.0]);
    }
}
