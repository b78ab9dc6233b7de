//! `robotic`: a reply or post with almost no content.

use crate::lazy::Lazy;

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
    "no problem",
    "np",
    "you're welcome",
    "welcome",
    "sure",
    "cheers",
    "grateful",
    "blessed",
    "100% agree",
    "agree with this",
    "100% agree with this",
    "same here",
    "me too",
    "so good",
    "i'm crying",
    "lmao i'm crying",
    "i'm dead",
    "dead",
    "crying",
    "omg",
    "yay",
    "love",
    "perfect",
    "facts",
    "mood",
    "big mood",
    "real",
    "so real",
    "preach",
    "yup",
    "yep",
    "word",
    "bravo",
    "respect",
    "nice read",
    "great insights",
    "great insight",
    "insightful",
    "very insightful",
    "good luck",
    "happy birthday",
];

/// Endings that add nothing to a stock line ("thanks so much", "cool man").
const FILLER: &[&str] = &[
    "",
    " so much",
    " all",
    " guys",
    " everyone",
    " man",
    " dude",
    " lol",
    " haha",
    " with this",
];

/// Lower-cases and collapses elongation ("Thaaanks" and "thanks" compare equal).
fn fold(s: &str) -> String {
    let mut out = String::new();
    fold_into(s, &mut String::new(), &mut out);
    out
}

/// [`fold`], appended to `out` (`scratch` is reused: no allocation per word).
fn fold_into(s: &str, scratch: &mut String, out: &mut String) {
    scratch.clear();
    if s.is_ascii() {
        scratch.push_str(s);
        scratch.make_ascii_lowercase();
    } else {
        let lower = s.to_lowercase();
        scratch.extend(
            lower
                .chars()
                .map(|c| if c == '\u{2019}' { '\'' } else { c }),
        );
    }
    crate::text::collapse_runs(scratch, 1, out);
}

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    // Reads English stock phrases and jargon only.
    if a.foreign {
        return;
    }
    if a.stats.words == 0 || a.stats.words > 5 || a.stats.urls > 0 || a.stats.questions > 0 {
        return;
    }
    // The words of the draft, without @mentions, emoji and punctuation,
    // folded and joined by spaces.
    let (mut joined, mut scratch) = (String::new(), String::new());
    for t in a.tokens.iter().filter(|t| {
        matches!(
            t.kind,
            TokenKind::Word | TokenKind::Number | TokenKind::Symbol | TokenKind::Percentage
        )
    }) {
        fold_into(a.slice(t.span), &mut scratch, &mut joined);
        joined.push(' ');
    }
    // No separator after the last word.
    joined.pop();
    static FOLDED: Lazy<Vec<String>> = Lazy::new(|| STOCK.iter().map(|s| fold(s)).collect());
    let stock = FOLDED.iter().any(|s| {
        joined
            .strip_prefix(s.as_str())
            .is_some_and(|rest| FILLER.contains(&rest))
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
        assert_eq!(flagged("robotic", "Thaaanks!!"), ["Thaaanks!!"]);
        assert_eq!(flagged("robotic", "No problem! 😊"), ["No problem! 😊"]);
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
