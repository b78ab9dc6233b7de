//! `all-business`: nothing but industry talk.

use super::{Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity};

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "all-business",
    dimension: Dimension::Personal,
    default_severity: Severity::Info,
    description: "Nothing but industry talk: jargon and market talk with no personal or conversational signal.",
};

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    // Reads English stock phrases and jargon only.
    if a.foreign {
        return;
    }
    let jargon = a.hits_of(Signal::Jargon).count();
    let human = a.scores[1] >= 0.35 || a.scores[2] >= 0.4;
    if human || a.stats.words < 12 || jargon < 2 {
        return;
    }
    out.push(Finding::new(
        a.trimmed(),
        "This is all business: industry talk with nothing personal and nothing to answer.",
        Some("Add the person behind it: what surprised you, what you would ask your readers, or a story from the week."),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged;

    #[test]
    fn fires_on_jargon_only() {
        let d = "Q3 revenue grew 12% YoY as enterprise pipeline conversion improved across all segments and margins expanded.";
        assert_eq!(flagged("all-business", d).len(), 1);
    }

    #[test]
    fn quiet_on_near_misses() {
        let d = "Q3 was brutal for our pipeline, honestly. I cried in the car once. How do you all keep your teams sane at quarter end?";
        assert!(flagged("all-business", d).is_empty());
        assert!(flagged("all-business", "revenue").is_empty());
    }
}
