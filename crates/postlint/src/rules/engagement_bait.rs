//! `engagement-bait`: asking for likes, follows, shares or tags, often in
//! exchange for something.

use super::{from_hits, Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity};

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "engagement-bait",
    dimension: Dimension::Salesy,
    default_severity: Severity::Error,
    description: "Asking for likes, follows, shares or tags (\"follow us\", \"like and share to win\", \"tag 3 friends\").",
};

/// "Follow us on our journey" and "follow along as we..." invite people into
/// a story rather than trading a follow for nothing: the lexicon lists them
/// as neutral phrases, so the "follow us" inside them never reaches here.
pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    from_hits(a, Signal::EngagementBait, out, |phrase| {
        (
            format!("\"{phrase}\" asks for a like, follow or share without giving a reason to."),
            "Give people a reason to follow: post something worth following and let it earn the click.",
        )
    });
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged;

    #[test]
    fn fires_on_bait() {
        assert_eq!(
            flagged("engagement-bait", "Like us on Facebook!"),
            ["Like us on Facebook"]
        );
        assert_eq!(
            flagged("engagement-bait", "Follow us for more tips"),
            ["Follow us for"]
        );
        assert_eq!(
            flagged("engagement-bait", "LIKE & SHARE to win a TV!"),
            ["LIKE & SHARE to win"]
        );
        assert_eq!(
            flagged("engagement-bait", "Tag 3 friends who need this"),
            ["Tag 3 friends"]
        );
    }

    #[test]
    fn quiet_on_near_misses() {
        assert!(flagged(
            "engagement-bait",
            "Follow us on our journey to open a bakery in Leeds"
        )
        .is_empty());
        assert!(flagged("engagement-bait", "Follow along as we rebuild the barn").is_empty());
        assert!(flagged(
            "engagement-bait",
            "I like to share recipes with my neighbours"
        )
        .is_empty());
    }
}
