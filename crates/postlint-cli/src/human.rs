//! The human-readable report of `postlint check` and the `rules` table.

use std::fmt::Write;

use postlint::{Dimension, Linter, OffsetMapper, OffsetUnit, Report, Severity};
use unicode_width::UnicodeWidthStr;

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
    fn severity(&self, sev: Severity) -> String {
        let code = match sev {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.paint(code, sev.as_str())
    }
}

const BAR: usize = 20;

/// Finds lines and columns in one text: a binary search per lookup, so a
/// report with many diagnostics stays linear (scanning the text from the
/// start for each one made `check` quadratic).
struct Locator<'t> {
    text: &'t str,
    /// Byte offset of each line's first byte.
    line_starts: Vec<usize>,
    chars: OffsetMapper,
}

impl<'t> Locator<'t> {
    fn new(text: &'t str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            text,
            line_starts,
            chars: OffsetMapper::new(text, OffsetUnit::Chars),
        }
    }

    /// 1-based line and column (in characters) of byte `at`, and the line's span.
    fn locate(&self, at: usize) -> (usize, usize, usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= at);
        let line_start = self.line_starts[line - 1];
        let line_end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        let col = self.chars.convert(at) - self.chars.convert(line_start) + 1;
        (line, col, line_start, line_end)
    }
}

/// Lines up to this many bytes are shown whole under a diagnostic; longer
/// ones are cut to a window around the span, so a one-line 50 MB draft does
/// not print the whole line once per diagnostic.
const LONG_LINE: usize = 1000;
/// Characters of context either side of the span in a cut line, and the most
/// characters of the span itself that are shown.
const CONTEXT: usize = 40;
const SPAN_SHOWN: usize = 120;

/// The byte offset `n` chars before `at` (not before `floor`).
fn back(text: &str, at: usize, floor: usize, n: usize) -> usize {
    text[floor..at]
        .char_indices()
        .rev()
        .take(n)
        .last()
        .map_or(at, |(i, _)| floor + i)
}

/// The byte offset `n` chars after `at` (not after `ceil`).
fn forward(text: &str, at: usize, ceil: usize, n: usize) -> usize {
    text[at..ceil]
        .char_indices()
        .nth(n)
        .map_or(ceil, |(i, _)| at + i)
}

/// The part of the line `[ls, le)` shown under a diagnostic at `[start, end)`:
/// (text, display columns before the span, display width of the span).
fn excerpt(text: &str, ls: usize, le: usize, start: usize, end: usize) -> (String, usize, usize) {
    let start = start.clamp(ls, le);
    let end = end.clamp(start, le);
    if le - ls <= LONG_LINE {
        let before = UnicodeWidthStr::width(&text[ls..start]);
        let width = UnicodeWidthStr::width(&text[start..end]);
        return (text[ls..le].to_owned(), before, width.max(1));
    }
    let from = back(text, start, ls, CONTEXT);
    let shown_end = forward(text, start, end, SPAN_SHOWN);
    let to = forward(text, shown_end, le, CONTEXT);
    let mut line = String::new();
    if from > ls {
        line.push('…');
    }
    line.push_str(&text[from..to]);
    if to < le {
        line.push('…');
    }
    let before = usize::from(from > ls) + UnicodeWidthStr::width(&text[from..start]);
    let width = UnicodeWidthStr::width(&text[start..shown_end]);
    (line, before, width.max(1))
}

pub fn render(text: &str, report: &Report, linter: &Linter, explain: bool, color: bool) -> String {
    let st = Style { on: color };
    let locator = Locator::new(text);
    let mut out = String::new();
    for d in Dimension::ALL {
        let score = report.scores.get(d);
        let filled = (score * BAR as f64).round() as usize;
        let bar = format!("{}{}", "█".repeat(filled), "░".repeat(BAR - filled));
        let label = if report.labels.get(d) { "yes" } else { "no" };
        let bar = if report.labels.get(d) {
            st.paint("32", &bar)
        } else {
            bar
        };
        let _ = writeln!(
            out,
            "  {:<20} {bar} {score:.2}  {label:<3} (threshold {:.2})",
            d.as_str(),
            linter.threshold(d)
        );
        if explain {
            let mut ev: Vec<_> = report.evidence_for(d).collect();
            ev.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));
            for e in ev {
                let (line, col, _, _) = locator.locate(e.span.start);
                let _ = writeln!(
                    out,
                    "      {:+.2}  {:<20} {:?} at {line}:{col}",
                    e.weight,
                    e.signal,
                    e.span.text(text)
                );
            }
        }
    }
    if let Some(l) = report.length {
        let left = format!("{} left", l.remaining());
        let left = if l.remaining() < 0 {
            st.paint("31", &left)
        } else {
            left
        };
        let _ = writeln!(
            out,
            "  {:<20} {} / {} ({left})",
            format!("length ({})", l.platform),
            l.count,
            l.limit
        );
    }
    out.push('\n');
    for d in &report.diagnostics {
        let (line_no, col, ls, le) = locator.locate(d.span.start);
        let le = ls + text[ls..le].trim_end_matches('\r').len();
        let (line, before, width) = excerpt(text, ls, le, d.span.start, d.span.end);
        let gutter = line_no.to_string().len();
        let pad = " ".repeat(gutter);
        let _ = writeln!(
            out,
            "{}[{}] {line_no}:{col}: {}",
            st.severity(d.severity),
            st.paint("1", &d.rule),
            d.message
        );
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{line_no} | {line}");
        let carets = st.paint("1;31", &"^".repeat(width));
        let _ = writeln!(out, "{pad} | {}{carets}", " ".repeat(before));
        if let Some(s) = &d.suggestion {
            let _ = writeln!(out, "{pad} = {} {s}", st.paint("1", "suggestion:"));
        }
        if let Some(f) = &d.fix {
            let what = if f.replacement.is_empty() {
                format!("delete {:?}", f.span.text(text))
            } else {
                format!("{:?} -> {:?}", f.span.text(text), f.replacement)
            };
            let _ = writeln!(
                out,
                "{pad} = {} {what} (apply with --fix)",
                st.paint("1", "fix:")
            );
        }
        out.push('\n');
    }
    let count = |s: Severity| {
        report
            .diagnostics
            .iter()
            .filter(|d| d.severity == s)
            .count()
    };
    let _ = writeln!(
        out,
        "{} error(s), {} warning(s), {} info",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    );
    out
}

/// The rule catalogue under the config: built-in rules, then custom ones
/// (marked `(custom)`), each at the severity the config gives it.
pub fn rules_table(rules: &[postlint::RuleSummary]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<21} {:<9} {:<20} description",
        "rule", "severity", "dimension"
    );
    for r in rules {
        let _ = writeln!(
            out,
            "{:<21} {:<9} {:<20} {}{}",
            r.id,
            r.severity.map_or("off", |s| s.as_str()),
            r.dimension.map_or("-", |d| d.as_str()),
            r.description,
            if r.custom { " (custom)" } else { "" }
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locator_finds_lines_and_columns() {
        let text = "ab\r\n🌞é x\n\nlast";
        let l = Locator::new(text);
        assert_eq!(l.locate(0), (1, 1, 0, 3));
        let x = text.find('x').unwrap();
        assert_eq!(l.locate(x), (2, 4, 4, x + 1));
        assert_eq!(l.locate(x + 2), (3, 1, x + 2, x + 2));
        assert_eq!(l.locate(text.len()), (4, 5, x + 3, text.len()));
    }

    #[test]
    fn short_lines_are_shown_whole() {
        let text = "Lovely 🌞 day, buy now";
        let at = text.find("buy").unwrap();
        let (line, before, width) = excerpt(text, 0, text.len(), at, at + 7);
        assert_eq!(line, text);
        assert_eq!((before, width), (UnicodeWidthStr::width(&text[..at]), 7));
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let text = format!("{}buy now{}", "é".repeat(5000), "🌞".repeat(5000));
        let at = text.find("buy").unwrap();
        let (line, before, width) = excerpt(&text, 0, text.len(), at, at + 7);
        assert_eq!(
            line,
            format!("…{}buy now{}…", "é".repeat(CONTEXT), "🌞".repeat(CONTEXT))
        );
        assert_eq!((before, width), (1 + CONTEXT, 7));
        // A huge span shows its first SPAN_SHOWN chars.
        let (line, before, width) = excerpt(&text, 0, text.len(), 0, text.len());
        assert_eq!(line, format!("{}…", "é".repeat(SPAN_SHOWN + CONTEXT)));
        assert_eq!((before, width), (0, SPAN_SHOWN));
        // A span past the line's end (on a trimmed \r) gets one caret.
        assert_eq!(excerpt("ab", 0, 2, 2, 3), ("ab".to_owned(), 2, 1));
    }
}
