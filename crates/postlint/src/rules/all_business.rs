//! `all-business`: nothing but industry talk.

use super::{Finding, RuleInfo, SELLS};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity};
use crate::tokenizer::TokenKind;

/// The personal score from which a human is visible behind the draft.
const HUMAN: f64 = 0.5;
/// Words below which a draft is too short to call all business.
const MIN_WORDS: usize = 15;

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
    let human = a.scores[1] >= HUMAN || a.scores[2] >= 0.4;
    if human || a.stats.words < MIN_WORDS {
        return;
    }
    // An offer to help or a question to readers is a way in, not business only.
    if super::missed_conversation::invites(a, false) {
        return;
    }
    let jargon = a.hits_of(Signal::Jargon).count();
    // Market commentary names one term and tells the rest in percentages
    // ("card spending up 4% y/y"); a price list that sells is an ad instead.
    let market = jargon == 1
        && a.scores[0] < SELLS
        && a.tokens.iter().any(|t| t.kind == TokenKind::Percentage);
    if jargon < 2 && !market {
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
