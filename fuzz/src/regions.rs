//! Where applied fixes land: shared by the `fixes` fuzz target and
//! `tests/fixes.rs` (included there by path), so both check the same
//! non-overlapping choice `Report::apply_fixes` makes.

use postlint::{Diagnostic, Fix, Report, Span};

/// Each applied fix with its rule and the byte region its replacement
/// occupies in the fixed text, in text order.
pub fn fixed_regions(r: &Report) -> Vec<(String, &Fix, Span)> {
    let mut fixes: Vec<_> = r
        .diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref().map(|f| (d.rule.to_string(), f)))
        .collect();
    fixes.sort_by_key(|(_, f)| (f.span.start, f.span.end));
    let (mut at, mut shift) = (0usize, 0isize);
    let mut out = Vec::new();
    for (rule, f) in fixes {
        if f.span.start < at {
            continue;
        }
        let start = (f.span.start as isize + shift) as usize;
        out.push((rule, f, Span::new(start, start + f.replacement.len())));
        shift += f.replacement.len() as isize - f.span.len() as isize;
        at = f.span.end;
    }
    out
}

/// The diagnostic of `rule` in the re-linted text `again` that shows a fixed
/// finding again: `hashtag-stuffing` (a deletion, one per draft) anywhere,
/// any other rule over the replacement's `region`.
pub fn back_after_fix<'a>(again: &'a Report, rule: &str, region: &Span) -> Option<&'a Diagnostic> {
    again
        .diagnostics
        .iter()
        .find(|d| d.rule == rule && (rule == "hashtag-stuffing" || d.span.overlaps(region)))
}
