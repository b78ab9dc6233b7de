//! `robotic`: a reply or post with almost no content.

use super::{Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::features::ids::named;
use crate::report::{Dimension, Severity};

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "robotic",
    dimension: Dimension::Conversational,
    default_severity: Severity::Warning,
    description: "A reply or post with almost no content (\"Thanks!\", \"Cool.\", \"Nice post\").",
};

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    // The stock lines (and emoji alone) are found by the feature extractor
    // (`features/stock.rs`): the model weighs the same feature.
    if let Some(f) = a.features.iter().find(|f| f.named == named!("stock-line")) {
        out.push(Finding::new(
            f.span,
            "This reply says almost nothing; a stock line reads like a robot answered.",
            Some("Say what you liked or what it made you think of; one specific detail turns it into a conversation."),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged;

    #[test]
    fn fires_on_stock_replies() {
        assert_eq!(flagged("robotic", "Thanks!"), ["Thanks!"]);
        assert_eq!(flagged("robotic", "  Nice post 👍 "), ["Nice post 👍"]);
        assert_eq!(flagged("robotic", "@dana Cool."), ["@dana Cool."]);
        assert_eq!(flagged("robotic", "Thaaanks!!"), ["Thaaanks!!"]);
        // Either curly quote stands for the apostrophe.
        assert_eq!(flagged("robotic", "I\u{2018}m dead"), ["I\u{2018}m dead"]);
        assert_eq!(flagged("robotic", "I\u{2019}m dead"), ["I\u{2019}m dead"]);
        assert_eq!(flagged("robotic", "No problem! 😊"), ["No problem! 😊"]);
        assert_eq!(
            flagged("robotic", "Great point, agreed"),
            ["Great point, agreed"]
        );
        assert_eq!(
            flagged("robotic", "congrats!! well deserved"),
            ["congrats!! well deserved"]
        );
        assert_eq!(flagged("robotic", "🔥🔥 👏"), ["🔥🔥 👏"]);
        assert_eq!(
            flagged("robotic", "very nice video sir"),
            ["very nice video sir"]
        );
    }

    #[test]
    fn quiet_on_near_misses() {
        assert!(flagged(
            "robotic",
            "Thanks, the tip about soaking the beans overnight saved my chili!"
        )
        .is_empty());
        assert!(flagged("robotic", "Cool, what lens did you use?").is_empty());
        assert!(flagged("robotic", "").is_empty());
        assert!(flagged("robotic", "so very much").is_empty());
        assert!(flagged("robotic", "Great venue, see you there").is_empty());
        assert!(flagged("robotic", "🔥 https://example.com").is_empty());
    }
}
