//! `link-only`: a draft that is little more than a bare link.

use super::{Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::report::{Dimension, Severity};
use crate::tokenizer::TokenKind;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "link-only",
    dimension: Dimension::Personal,
    default_severity: Severity::Warning,
    description: "A draft that is mostly a bare link, with few or no words of the author's own.",
};

/// Fewer own words than this next to a link is "a link and nothing else".
const MIN_OWN_WORDS: usize = 4;

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    if a.stats.urls == 0 || a.stats.words >= MIN_OWN_WORDS {
        return;
    }
    for t in a.tokens.iter().filter(|t| t.kind == TokenKind::Url) {
        out.push(Finding::new(
            t.span,
            "This is a bare link; without a word from you it reads like a link-posting robot.",
            Some("Add a line of your own: why you are sharing it and what you think of it."),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged;

    #[test]
    fn fires_on_bare_links() {
        assert_eq!(
            flagged("link-only", "https://example.com/post/123"),
            ["https://example.com/post/123"]
        );
        assert_eq!(
            flagged("link-only", "new post bit.ly/3xyz"),
            ["bit.ly/3xyz"]
        );
    }

    #[test]
    fn quiet_on_near_misses() {
        assert!(flagged(
            "link-only",
            "This essay changed how I plan my week, worth ten minutes: example.com/essay"
        )
        .is_empty());
        assert!(flagged("link-only", "no link here at all").is_empty());
    }
}
