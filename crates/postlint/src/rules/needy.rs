//! `needy`: begging for attention or numbers.

use super::{from_hits, Finding, RuleInfo, REPORTABLE_STRENGTH, SELLS};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity, Span};
use crate::text::lower_is_one_of;
use crate::tokenizer::TokenKind;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "needy",
    dimension: Dimension::Salesy,
    default_severity: Severity::Warning,
    description: "Begging for attention (\"please like\", \"please share\", \"why isn't anyone...\", \"help us reach 10k\").",
};

/// Words after "please share" that send the post on to the people who need
/// it ("please share with the street", "share this so it gets to..."),
/// or that stand between ("this", "it", "widely").
const ON_TO: &[&str] = &["with", "so"];
const BETWEEN: &[&str] = &["this", "it", "widely", "far", "around"];

/// A plea to share (not to like, follow or subscribe): "please share",
/// "pls share", "share this please".
fn asks_to_share(phrase: &str) -> bool {
    phrase
        .split(|c: char| !c.is_alphanumeric())
        .take(3)
        .any(|w| w.eq_ignore_ascii_case("share"))
}

/// The draft sells: the salesy score says so and a call to buy, an offer
/// or a deadline is strong enough to report. (A phone number to call about
/// a lost dog lifts the score, but sells nothing.)
fn pitches(a: &Analysis) -> bool {
    a.scores[0] >= SELLS
        && a.hits.iter().any(|h| {
            !h.negated
                && !h.quoted
                && h.strength >= REPORTABLE_STRENGTH
                && matches!(
                    h.signal,
                    Signal::CallToBuy | Signal::Discount | Signal::Urgency | Signal::Sponsored
                )
        })
}

/// "Please share" is a plea for reach in a draft that sells or promotes.
/// Elsewhere it passes the word on: a lost pet, a scam warning, a job or
/// a neighbour's fundraiser wants to reach the people it helps, and a
/// reply asking "please share" asks the other person for their recipe or
/// photo. A request that names whom to pass it to ("please share with
/// anyone who...") passes the word on wherever it is.
fn passes_the_word_on(a: &Analysis, span: Span) -> bool {
    if a.reply || !pitches(a) {
        return true;
    }
    let i = a.tokens.partition_point(|t| t.span.start < span.end);
    let after = a.tokens.get(i..).unwrap_or_default();
    for t in after.iter().filter(|t| t.kind == TokenKind::Word).take(3) {
        let w = a.slice(t.span);
        if lower_is_one_of(w, ON_TO) {
            return true;
        }
        if !lower_is_one_of(w, BETWEEN) {
            return false;
        }
    }
    false
}

/// "Please share your favourite recipe" asks readers something; the lexicon
/// lists such phrases as neutral, so only the plea for reach arrives here.
pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    let from = out.len();
    from_hits(a, Signal::Needy, out, |phrase| {
        (
            format!("\"{phrase}\" sounds needy; asking for attention rarely earns it."),
            "Share something people will want to pass on, and thank the ones who do.",
        )
    });
    // Next to a plea for likes, follows or numbers, a plea to share is
    // for the account too.
    let begs = out[from..].iter().any(|f| !asks_to_share(a.slice(f.span)));
    if out.len() > from && !begs {
        let mut k = 0;
        out.retain(|f| {
            k += 1;
            k <= from || !(asks_to_share(a.slice(f.span)) && passes_the_word_on(a, f.span))
        });
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

    #[test]
    fn a_plea_to_share_that_passes_the_word_on_is_not_needy() {
        // Nothing is sold: a lost pet or a warning wants to reach people.
        assert!(flagged(
            "needy",
            "Our grey tabby got out last night near the park. Message me if you see her. Please share!"
        )
        .is_empty());
        // Sent on to whom it helps, even in a draft that sells.
        assert!(flagged(
            "needy",
            "Buy now: 20% off every print this week only, shop the link. Please share this with anyone who loves maps."
        )
        .is_empty());
        // A reply asking the other person to share what they made.
        let reply = crate::Context::reply();
        let linter = crate::Linter::new(crate::Config::default()).unwrap();
        let r = linter.analyze_with("that bread looks amazing, please share the recipe!!", &reply);
        assert!(r.diagnostics.iter().all(|d| d.rule != "needy"));
    }

    #[test]
    fn a_plea_to_share_a_sale_is_needy() {
        assert_eq!(
            flagged(
                "needy",
                "Buy now: 20% off every print this week only, shop the link. Please share!"
            ),
            ["Please share"]
        );
        // Likes and follows are for the account, whatever the draft.
        assert_eq!(
            flagged("needy", "Our grey tabby is home safe. Please like and follow!"),
            ["Please like"]
        );
    }
}
