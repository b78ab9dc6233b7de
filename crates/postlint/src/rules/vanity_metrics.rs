//! `vanity-metrics`: boasting of follower, like or view counts.

use super::{Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity};
use crate::tokenizer::TokenKind;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "vanity-metrics",
    dimension: Dimension::Salesy,
    default_severity: Severity::Warning,
    description: "Boasting of follower, like or view counts (\"we just hit 50k followers!\").",
};

/// Words that turn a count into a boast.
const BOAST: &[&str] = &[
    "hit",
    "hits",
    "reached",
    "crossed",
    "passed",
    "surpassed",
    "just",
    "officially",
    "milestone",
    "we",
    "we've",
    "we're",
    "our",
    "now",
    "over",
    "thank",
    "thanks",
    "celebrate",
    "celebrating",
];

/// Words that may stand capitalised before a count and still quantify it
/// ("Over 10k followers", "Almost 5,000 subscribers").
const QUANTIFIERS: &[&str] = &["over", "almost", "nearly", "about", "around", "all", "only"];

/// Whether the count at token `first` is part of a name: it follows a
/// capitalised word ("Local 2217 members", "Route 66 riders", "Studio 4
/// viewers") that neither boasts nor quantifies, so it numbers a union
/// local, a road or a room, not an audience.
fn names_a_body(a: &Analysis, first: usize) -> bool {
    let Some(before) = first.checked_sub(1).and_then(|i| a.tokens.get(i)) else {
        return false;
    };
    let word = a.slice(before.span);
    before.kind == TokenKind::Word
        && !before.all_caps
        // Capitalised: the one upper-case letter is the first.
        && word.bytes().rposition(|b| b.is_ascii_uppercase()) == Some(0)
        && before.span.end < a.tokens[first].span.start
        && !super::word_in(a, first - 1, BOAST)
        && !super::word_in(a, first - 1, QUANTIFIERS)
}

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    for h in a.hits_of(Signal::VanityMetric) {
        let phrase = a.slice(h.span);
        let lower = crate::text::to_lower(phrase);
        // A count of followers/likes/views must be the subject: "3 followers",
        // or a count in thousands after "hit"/"reached": "we hit 10K".
        let thousands = a
            .tokens
            .get(h.last_token)
            .is_some_and(|t| t.kind == TokenKind::Number)
            && lower.ends_with(['k', 'm'])
            // "hit 50k followers" is told by its "50k followers" hit.
            && !a
                .hits_of(Signal::VanityMetric)
                .any(|o| {
                    o.span != h.span
                        && o.span.overlaps(&h.span)
                        && a.slice(o.span).starts_with(|c: char| c.is_ascii_digit())
                });
        if !lower.chars().next().is_some_and(|c| c.is_ascii_digit()) && !thousands {
            continue;
        }
        if !thousands && names_a_body(a, h.first_token) {
            continue;
        }
        let sentence = crate::text::to_lower(a.slice(a.sentence_at(h.span.start)));
        let boasts = sentence
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .any(|w| BOAST.contains(&w));
        if boasts
            || a.tokens[h.first_token].all_caps
            || phrase.chars().any(|c| c.is_ascii_uppercase())
        {
            out.push(Finding::new(
                h.span,
                format!("\"{phrase}\" counts the audience instead of talking to it; numbers impress the brand more than the reader."),
                Some("Thank people for something they did, or share what the community made possible."),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged;

    #[test]
    fn fires_on_boasts() {
        assert_eq!(
            flagged("vanity-metrics", "We just hit 50k followers!"),
            ["50k followers"]
        );
        assert_eq!(
            flagged("vanity-metrics", "WE HIT 10K FOLLOWERS"),
            ["10K FOLLOWERS"]
        );
        assert_eq!(
            flagged("vanity-metrics", "we just hit 25k!! thank you"),
            ["hit 25k"]
        );
        assert_eq!(
            flagged("vanity-metrics", "Our video passed 2,000,000 views"),
            ["2,000,000 views"]
        );
    }

    #[test]
    fn quiet_on_near_misses() {
        assert!(flagged(
            "vanity-metrics",
            "I have like 12 followers and half are bots lol"
        )
        .is_empty());
        assert!(flagged("vanity-metrics", "The recipe serves 4 people").is_empty());
        assert!(flagged("vanity-metrics", "I just hit 3 red lights in a row").is_empty());
    }

    #[test]
    fn quiet_on_a_numbered_name() {
        // A union local, a road: the number is part of a name.
        assert!(flagged(
            "vanity-metrics",
            "Local 88 members: the contract vote passed, meeting at 6."
        )
        .is_empty());
        // A capitalised word that quantifies or boasts still counts.
        assert_eq!(
            flagged("vanity-metrics", "Over 5,000 members now, thank you!"),
            ["5,000 members"]
        );
        assert_eq!(
            flagged("vanity-metrics", "Celebrating 20k followers today"),
            ["20k followers"]
        );
    }
}
