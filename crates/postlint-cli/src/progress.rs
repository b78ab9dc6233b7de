//! The progress line `postlint batch` writes on stderr: lines done and the
//! rate, redrawn in place at most ten times a second, then a final summary.

use std::io::Write;
use std::time::{Duration, Instant};

const REDRAW: Duration = Duration::from_millis(100);

pub struct Progress {
    start: Instant,
    last: Instant,
    lines: usize,
}

impl Progress {
    pub fn new() -> Self {
        let now = Instant::now();
        Self {
            start: now,
            last: now,
            lines: 0,
        }
    }

    /// Records that `lines` lines are done; redraws when it is time.
    pub fn tick(&mut self, lines: usize) {
        self.lines = lines;
        // Instant::now is ~20 ns; only look every 64 lines anyway.
        if lines.is_multiple_of(64) && self.last.elapsed() >= REDRAW {
            self.last = Instant::now();
            self.draw("");
        }
    }

    /// The final line, ended by a newline.
    pub fn finish(&self) {
        self.draw("\n");
    }

    fn draw(&self, end: &str) {
        let secs = self.start.elapsed().as_secs_f64();
        let rate = if secs > 0.0 {
            self.lines as f64 / secs
        } else {
            0.0
        };
        // "\r\x1b[K": back to the line's start and clear it. Errors writing
        // to stderr (a closed pipe) are ignored: progress is a courtesy.
        let _ = write!(
            std::io::stderr().lock(),
            "\r\x1b[Kpostlint: {} lines in {:.1} s ({} lines/s){end}",
            group(self.lines),
            secs,
            group(rate.round() as usize),
        );
    }
}

/// `1234567` → `1,234,567`.
fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::group;

    #[test]
    fn groups_thousands() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1,000");
        assert_eq!(group(1234567), "1,234,567");
    }
}
