//! `hashtag-stuffing`: more hashtags than the words can carry.

use super::{Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::report::{Dimension, Severity};
use crate::tokenizer::TokenKind;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "hashtag-stuffing",
    dimension: Dimension::Salesy,
    default_severity: Severity::Warning,
    description: "More hashtags than the words can carry.",
};

/// This many hashtags is too many whatever the length.
const MAX_TAGS: usize = 6;

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    let n = a.stats.hashtags;
    let words = a.stats.words;
    if n < 4 || (n < MAX_TAGS && n * 3 < words) {
        return;
    }
    let mut tags = a.tokens.iter().filter(|t| t.kind == TokenKind::Hashtag);
    let (Some(first), Some(last)) = (tags.next(), tags.next_back()) else {
        return;
    };
    out.push(Finding::new(
        first.span.union(&last.span),
        format!("{n} hashtags for {words} words: the tags drown out what you are saying."),
        Some("Keep the two or three tags your readers actually follow."),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged;

    #[test]
    fn fires_on_stuffing() {
        let d = "sunset #beach #sun #sea #summer #vibes #travel #love";
        assert_eq!(
            flagged("hashtag-stuffing", d),
            ["#beach #sun #sea #summer #vibes #travel #love"]
        );
        assert_eq!(flagged("hashtag-stuffing", "#a1 #b2 #c3 #d4 hi").len(), 1);
    }

    #[test]
    fn quiet_on_near_misses() {
        assert!(flagged(
            "hashtag-stuffing",
            "Ran my first 10k today, legs are jelly but I'm so happy #running #10k"
        )
        .is_empty());
        let d = "A long post with many words about the week we had at the farm, the lambs, the rain, the mud and the neighbours who helped #farm #lambs #spring #rain";
        assert!(flagged("hashtag-stuffing", d).is_empty());
    }
}
