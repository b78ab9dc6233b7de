//! `needy`: begging for attention or numbers.

use super::{from_hits, report_unless, token_is, Finding, RuleInfo, REPORTABLE_STRENGTH, SELLS};
use crate::analysis::Analysis;
use crate::lexicon::{Hit, Signal};
use crate::report::{Dimension, Severity};

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "needy",
    dimension: Dimension::Salesy,
    default_severity: Severity::Warning,
    description: "Begging for attention (\"please like\", \"please share\", \"why isn't anyone...\", \"help us reach 10k\").",
};

/// The draft sells: the salesy score says so and a call to buy, an offer,
/// a deadline or a sponsorship is strong enough to report. (A phone number
/// to call about a lost dog lifts the score, but sells nothing.)
fn pitches(a: &Analysis) -> bool {
    a.scores[0] >= SELLS
        && a.hits.iter().any(|p| {
            p.strength >= REPORTABLE_STRENGTH
                && !p.negated
                && matches!(
                    p.signal,
                    Signal::CallToBuy | Signal::Discount | Signal::Urgency | Signal::Sponsored
                )
        })
}

/// A plea that ends in "share" ("please share", "pls share").
fn asks_to_share(a: &Analysis, h: &Hit) -> bool {
    token_is(a, h.last_token, "share")
}

/// "Please share your favourite recipe" asks readers something; the lexicon
/// lists such phrases as neutral, so only the plea for reach arrives here.
///
/// "Please share" is a plea for reach in a draft that sells. Elsewhere it
/// passes the word on: a lost pet, a scam warning, a job or a neighbour's
/// fundraiser wants to reach the people it helps, and a reply asking
/// "please share" asks the other person for their recipe or photo. A plea
/// to share beside a plea for likes, follows or numbers is for the account
/// too: the draft's pleas are reported together or not at all.
pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    // Whether the draft sells is read once, and only for a draft that pleads.
    if a.hits_of(Signal::Needy).next().is_none() {
        return;
    }
    if !a.reply && pitches(a) {
        report(a, out);
    } else {
        report_unless(a, out, Signal::Needy, asks_to_share, report);
    }
}

fn report(a: &Analysis, out: &mut Vec<Finding>) {
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

    #[test]
    fn a_plea_to_share_that_passes_the_word_on_is_not_needy() {
        // Nothing is sold: a lost pet or a warning wants to reach people.
        assert!(flagged(
            "needy",
            "Our grey tabby got out last night near the park. Message me if you see her. Please share!"
        )
        .is_empty());
        // A reply asking the other person to share what they made.
        let reply = crate::Context::reply();
        let linter = crate::Linter::new(crate::Config::default()).unwrap();
        let r = linter.analyze_with(
            "that bread looks amazing, please share the recipe!!",
            &reply,
        );
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
            flagged(
                "needy",
                "Our grey tabby is home safe. Please like and follow!"
            ),
            ["Please like"]
        );
    }
}
