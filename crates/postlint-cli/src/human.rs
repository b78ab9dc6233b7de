//! The human-readable report of `postlint check` and the `rules` table.

use std::fmt::Write;

use postlint::{Dimension, Linter, Report, Severity};
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

/// 1-based line and column (in characters) of byte `at`, and the line's span.
fn locate(text: &str, at: usize) -> (usize, usize, usize, usize) {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line_no = text[..at].matches('\n').count() + 1;
    let col = text[line_start..at].chars().count() + 1;
    (line_no, col, line_start, line_end)
}

pub fn render(text: &str, report: &Report, linter: &Linter, explain: bool, color: bool) -> String {
    let st = Style { on: color };
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
                let (line, col, _, _) = locate(text, e.span.start);
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
    out.push('\n');
    for d in &report.diagnostics {
        let (line_no, col, ls, le) = locate(text, d.span.start);
        let line = text[ls..le].trim_end_matches('\r');
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
        let before = UnicodeWidthStr::width(&text[ls..d.span.start]);
        let end = d.span.end.min(ls + line.len());
        let width = UnicodeWidthStr::width(&text[d.span.start..end.max(d.span.start)]).max(1);
        let carets = st.paint("1;31", &"^".repeat(width));
        let _ = writeln!(out, "{pad} | {}{carets}", " ".repeat(before));
        if let Some(s) = &d.suggestion {
            let _ = writeln!(out, "{pad} = {} {s}", st.paint("1", "suggestion:"));
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

pub fn rules_table() -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<21} {:<9} {:<20} description",
        "rule", "severity", "dimension"
    );
    for r in postlint::rules() {
        let _ = writeln!(
            out,
            "{:<21} {:<9} {:<20} {}",
            r.id,
            r.default_severity.as_str(),
            r.dimension.as_str(),
            r.description
        );
    }
    out
}
