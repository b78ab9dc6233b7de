//! `needy`: begging for attention or numbers.

use super::{Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity};

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "needy",
    dimension: Dimension::Salesy,
    default_severity: Severity::Warning,
    description: "Begging for attention (\"please like\", \"please share\", \"why isn't anyone...\", \"help us reach 10k\").",
};

/// After "please share", these make it a question to readers ("please share
/// your favourite recipe"), not a plea for reach.
const ASKING_READERS: &[&str] = &[
    "your", "yours", "what", "how", "any", "a", "one", "tips", "ideas", "thoughts", "below", "in",
];

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    for h in a.hits_of(Signal::Needy) {
        if h.quoted {
            continue;
        }
        let next = a.tokens[h.last_token + 1..]
            .iter()
            .find(|t| t.is_wordlike())
            .map(|t| a.slice(t.span).to_lowercase());
        if next.is_some_and(|w| ASKING_READERS.contains(&w.as_str())) {
            continue;
        }
        let phrase = a.slice(h.span);
        out.push(Finding::new(
            h.span,
            format!("\"{phrase}\" sounds needy; asking for attention rarely earns it."),
            Some("Share something people will want to pass on, and thank the ones who do."),
        ));
    }
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
