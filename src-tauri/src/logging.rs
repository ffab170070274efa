//! Logs (tracing) always go to stderr and to `deskdash.<date>.log` in the app's log directory,
//! one file a day, the last week kept. Every line is written by [`OneLine`]: text from a
//! window (ids, values, error messages that quote them) can neither forge log lines nor make
//! one line unbounded.

use std::io::{self, Write};
use std::path::Path;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::fmt::writer::{BoxMakeWriter, MakeWriter, MakeWriterExt};
use tracing_subscriber::EnvFilter;

/// The longest line the log keeps; the rest is replaced by a count of what was cut.
pub const MAX_LINE_BYTES: usize = 2048;
/// How many daily files stay in the log directory.
pub const KEPT_FILES: usize = 7;

/// Writes each formatted event as exactly one line: newlines and other control characters
/// inside it are escaped, and it is cut at [`MAX_LINE_BYTES`].
pub struct OneLine<W>(pub W);

/// One event's text as one bounded, escaped line (its own final newline kept).
pub fn one_line(event: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(event);
    let body = text.strip_suffix('\n').unwrap_or(&text);
    let mut line = String::with_capacity(body.len().min(MAX_LINE_BYTES) + 32);
    let mut cut = 0usize;
    for c in body.chars() {
        if line.len() >= MAX_LINE_BYTES {
            cut += c.len_utf8();
            continue;
        }
        if c.is_control() {
            line.extend(c.escape_default());
        } else {
            line.push(c);
        }
    }
    if cut > 0 {
        line.push_str(&format!(" … ({cut} more bytes cut)"));
    }
    line.push('\n');
    line.into_bytes()
}

impl<W: Write> Write for OneLine<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // The fmt layer hands over one whole event per write.
        self.0.write_all(&one_line(buf))?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// Makes [`OneLine`] writers over another maker's writers.
struct Lines<M>(M);

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for Lines<M> {
    type Writer = OneLine<M::Writer>;
    fn make_writer(&'a self) -> Self::Writer {
        OneLine(self.0.make_writer())
    }
}

fn file_writer(dir: &Path) -> Option<RollingFileAppender> {
    std::fs::create_dir_all(dir).ok()?;
    RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("deskdash")
        .filename_suffix("log")
        .max_log_files(KEPT_FILES)
        .build(dir)
        .ok()
}

/// Installs the subscriber. Falls back to stderr alone when the log directory cannot be
/// used, saying so, rather than failing the app.
pub fn init(log_dir: Option<&Path>) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let writer = match log_dir.and_then(file_writer) {
        Some(file) => BoxMakeWriter::new(Lines(io::stderr).and(Lines(file))),
        None => {
            eprintln!("deskdash: could not open a log file under {log_dir:?}; logging to stderr only");
            BoxMakeWriter::new(Lines(io::stderr))
        }
    };
    if tracing_subscriber::fmt().with_env_filter(filter).with_ansi(false).with_writer(writer).try_init().is_err() {
        eprintln!("deskdash: a tracing subscriber was already installed; keeping it");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forged_line_stays_inside_its_event() {
        let event = b"WARN change refused: unknown component id a\n2026-01-01 INFO forged line\n";
        let line = String::from_utf8(one_line(event)).unwrap_or_default();
        assert_eq!(line.matches('\n').count(), 1, "{line}");
        assert!(line.contains("id a\\n2026-01-01 INFO forged"), "{line}");
    }

    #[test]
    fn a_huge_id_is_cut_with_a_count() {
        let event = format!("WARN unknown component id {}\n", "x".repeat(100_000));
        let line = String::from_utf8(one_line(event.as_bytes())).unwrap_or_default();
        assert!(line.len() < MAX_LINE_BYTES + 64, "{}", line.len());
        assert!(line.contains("more bytes cut"), "{line}");
    }
}
