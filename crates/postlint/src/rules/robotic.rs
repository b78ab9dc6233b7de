//! `robotic`: a reply or post with almost no content.

use super::{Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::report::{Dimension, Severity};
use crate::tokenizer::TokenKind;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "robotic",
    dimension: Dimension::Conversational,
    default_severity: Severity::Warning,
    description: "A reply or post with almost no content (\"Thanks!\", \"Cool.\", \"Nice post\").",
};

/// Stock replies that say nothing about what they reply to.
const STOCK: &[&str] = &[
    "thanks",
    "thank you",
    "thx",
    "ty",
    "cool",
    "nice",
    "nice post",
    "great post",
    "great article",
    "nice article",
    "good post",
    "great read",
    "good read",
    "awesome",
    "great",
    "love it",
    "love this",
    "so true",
    "agreed",
    "agree",
    "well said",
    "interesting",
    "nice one",
    "great job",
    "good job",
    "congrats",
    "congratulations",
    "wow",
    "amazing",
    "lol",
    "lol same",
    "same",
    "this",
    "yes",
    "+1",
    "great share",
    "thanks for sharing",
    "thank you for sharing",
    "great stuff",
    "good stuff",
    "ok",
    "okay",
    "noted",
    "great work",
    "nice work",
    "fantastic",
    "brilliant",
    "true",
    "exactly",
    "so cool",
    "very nice",
    "very cool",
    "great point",
    "good point",
    "nice pic",
    "nice photo",
    "beautiful",
    "cute",
    "haha",
    "lmao",
    "interesting read",
    "makes sense",
    "spot on",
    "indeed",
];

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    if a.stats.words > 4 {
        return;
    }
    // The words of the draft, without @mentions, emoji and punctuation.
    let words: Vec<String> = a
        .tokens
        .iter()
        .filter(|t| {
            matches!(
                t.kind,
                TokenKind::Word | TokenKind::Number | TokenKind::Symbol
            )
        })
        .map(|t| a.slice(t.span).to_lowercase().replace('’', "'"))
        .collect();
    if words.is_empty() || words.len() > 4 || a.stats.urls > 0 || a.stats.questions > 0 {
        return;
    }
    let joined = words.join(" ");
    let stock = STOCK.contains(&joined.as_str())
        || STOCK.iter().any(|s| {
            joined.strip_prefix(s).is_some_and(|rest| {
                ["", " so much", " all", " guys", " everyone", " man"].contains(&rest)
            })
        });
    if stock {
        out.push(Finding::new(
            a.trimmed(),
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
    }
}
