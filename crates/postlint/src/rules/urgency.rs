//! `urgency`: time pressure and scarcity.

use super::{from_hits, Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity};

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "urgency",
    dimension: Dimension::Salesy,
    default_severity: Severity::Warning,
    description: "Time pressure and scarcity (\"limited time\", \"only 3 left\", \"ends tonight\", \"hurry\").",
};

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    from_hits(a, Signal::Urgency, out, |phrase| {
        (
            format!("\"{phrase}\" pressures readers to act fast, which reads as a sales tactic."),
            "If the date matters, state it plainly and give the reason people would want to come.",
        )
    });
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged;

    #[test]
    fn fires_on_pressure() {
        assert_eq!(
            flagged("urgency", "Hurry, only 3 left!"),
            ["Hurry", "only 3 left"]
        );
        assert_eq!(
            flagged("urgency", "LIMITED TIME: ends tonight"),
            ["LIMITED TIME", "ends tonight"]
        );
        assert_eq!(
            flagged("urgency", "Last chance to grab one"),
            ["Last chance"]
        );
    }

    #[test]
    fn quiet_on_near_misses() {
        assert!(flagged("urgency", "I only have 3 left on my to-do list, finally").is_empty());
        assert!(flagged(
            "urgency",
            "No need to hurry, the gallery is open all month."
        )
        .is_empty());
        assert!(flagged("urgency", "We spent the last day of vacation at the beach").is_empty());
    }
}
