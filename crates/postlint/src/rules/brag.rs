//! `brag`: self-praise and achievements.

use super::{Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity};

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "brag",
    dimension: Dimension::Salesy,
    default_severity: Severity::Warning,
    description: "Self-praise and achievements (\"award-winning\", \"industry-leading\", \"proud to announce our\").",
};

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    // A person proud of a friend, or a first-person life milestone, is not a
    // brand bragging: only fire when the draft is not mainly personal or
    // the phrase is unmistakable self-praise.
    let personal = a.scores[1] >= 0.75 && a.stats.first_person > 0;
    for h in a.hits_of(Signal::Brag) {
        if h.quoted || (personal && h.strength < 1.0) {
            continue;
        }
        let phrase = a.slice(h.span);
        out.push(Finding::new(
            h.span,
            format!("\"{phrase}\" praises yourself; readers trust what others say about you more."),
            Some("Show the work or let a customer's words carry the praise, and say what it means for them."),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged;

    #[test]
    fn fires_on_self_praise() {
        assert_eq!(
            flagged("brag", "Our award-winning team delivers"),
            ["award-winning"]
        );
        assert_eq!(
            flagged("brag", "We are proud to announce our $3.5 billion deal."),
            ["proud to announce", "billion deal"]
        );
        assert_eq!(flagged("brag", "The #1 rated plumber in Ohio"), ["#1"]);
    }

    #[test]
    fn quiet_on_near_misses() {
        assert!(flagged(
            "brag",
            "My sister got her first job today and I am so proud of her"
        )
        .is_empty());
        assert!(flagged("brag", "Number two pencils only, said the exam sheet.").is_empty());
    }
}
