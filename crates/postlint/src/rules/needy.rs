//! `needy`: begging for attention or numbers.

use super::{from_hits, Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity};

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "needy",
    dimension: Dimension::Salesy,
    default_severity: Severity::Warning,
    description: "Begging for attention (\"please like\", \"please share\", \"why isn't anyone...\", \"help us reach 10k\").",
};

/// "Please share your favourite recipe" asks readers something; the lexicon
/// lists such phrases as neutral, so only the plea for reach arrives here.
pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    from_hits(a, Signal::Needy, out, |phrase| {
        (
            format!("\"{phrase}\" sounds needy; asking for attention rarely earns it."),
            "Share something people will want to pass on, and thank the ones who do.",
        )
    });
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged;

    #[test]
    fn fires_on_begging() {
        assert_eq!(
            flagged("needy", "Please share!! Help us reach 10k"),
            ["Please share", "Help us reach"]
        );
        assert_eq!(
            flagged("needy", "why isn't anyone reading my blog"),
            ["why isn't anyone"]
        );
    }

    #[test]
    fn quiet_on_near_misses() {
        assert!(flagged(
            "needy",
            "Please share your favourite soup recipe, I need ideas"
        )
        .is_empty());
        assert!(flagged(
            "needy",
            "Can you help us find our lost cat? She is grey with a white paw."
        )
        .is_empty());
    }
}
