//! `hard-sell`: an imperative call to buy, order, book or click.

use super::{drop_read_as, from_hits, report_unless, token_is, Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::lexicon::{Hit, Signal};
use crate::report::{Dimension, Severity};
use crate::text::lower_is_one_of;
use crate::tokenizer::TokenKind;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "hard-sell",
    dimension: Dimension::Salesy,
    default_severity: Severity::Error,
    description:
        "A direct call to buy, order, book, sign up or click (\"buy now\", \"link in bio\").",
};

/// Words after "apply" that say where or by when to apply ("Apply at our
/// site", "Apply by May 1", "Apply here:"): the practical line every job,
/// grant or school place needs, not a push to buy.
const WHERE_TO_APPLY: &[&str] = &[
    "at", "by", "here", "via", "online", "in", "on", "below", "from",
];

/// A call that only says where to apply: "apply" and then a place, a date
/// word, a link or an address ("Apply at", "Apply by", "Apply: example.org/jobs").
/// "Apply now" and "apply today" still push.
fn where_to_apply(a: &Analysis, h: &Hit) -> bool {
    token_is(a, h.first_token, "apply")
        && a.tokens.get(h.last_token).is_some_and(|next| {
            next.kind != TokenKind::Word || lower_is_one_of(a.slice(next.span), WHERE_TO_APPLY)
        })
}

/// Nouns that turn a commercial verb before them into a noun ("Tap list
/// update", "Shop owners, ...", "Schedule change: ...", "Order forms went
/// home", "Book club meets Tuesday"): a heading or a subject, not a call.
const COMPOUND_HEADS: &[&str] = &[
    "list", "lists", "owner", "owners", "change", "changes", "form", "forms", "club", "clubs",
];

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    // A job post, grant or course has to say how to apply; saying only
    // that is not a hard sell.
    let first = out.len();
    report_unless(a, out, Signal::CallToBuy, where_to_apply, report);
    // A verb read as a noun ("Tap list") is no call: a two-word finding
    // whose second word is in [`COMPOUND_HEADS`] goes.
    if out.len() > first {
        drop_read_as(a, out, first, &[], is_a_noun);
    }
}

/// A two-word call whose second word makes the pair a noun ([`COMPOUND_HEADS`]).
fn is_a_noun(a: &Analysis, _: &[usize], r: std::ops::Range<usize>) -> bool {
    r.len() == 2 && super::word_in(a, r.end - 1, COMPOUND_HEADS)
}

fn report(a: &Analysis, out: &mut Vec<Finding>) {
    from_hits(a, Signal::CallToBuy, out, |phrase| {
        (format!("\"{phrase}\" tells readers to buy; people scroll past posts that sell at them."), "Show what the thing does for someone, or tell its story, and let interested readers ask.")
    });
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{flagged, flagged_with};
    use crate::Config;

    #[test]
    fn fires_on_calls_to_buy() {
        assert_eq!(
            flagged("hard-sell", "New hoodies are here. Buy now!"),
            ["Buy now"]
        );
        assert_eq!(flagged("hard-sell", "ORDER TODAY 🔥"), ["ORDER TODAY"]);
        assert_eq!(
            flagged("hard-sell", "Only the best. Link in bio"),
            ["Link in bio"]
        );
        assert_eq!(
            flagged("hard-sell", "Big news, click the link"),
            ["click the link"]
        );
    }

    #[test]
    fn quiet_on_near_misses() {
        assert!(flagged(
            "hard-sell",
            "We are buying a house next spring and I'm terrified."
        )
        .is_empty());
        assert!(flagged("hard-sell", "I finally decided to buy. Now I can't sleep.").is_empty());
        assert!(flagged(
            "hard-sell",
            "My dad always said \"buy now, pay later\" was a trap lol"
        )
        .is_empty());
        assert!(flagged("hard-sell", "I went to a workshop nowhere near town").is_empty());
    }

    #[test]
    fn a_verb_read_as_a_noun_is_no_call() {
        for d in [
            "Schedule change: the Thursday class moves to 7pm.",
            "Book club meets at the café on the first Monday.",
            "Shop owners, the street market needs your ideas.",
        ] {
            assert!(flagged("hard-sell", d).is_empty(), "{d}");
        }
        // The verb before an object still calls.
        assert_eq!(
            flagged("hard-sell", "Book tickets today, seats are going."),
            ["Book tickets"]
        );
    }

    #[test]
    fn saying_where_to_apply_is_not_a_sell() {
        // A job or course has to say how to apply.
        for d in [
            "We need a night-shift baker. Apply at our front counter.",
            "Two paid internships this summer. Apply by March 3: example.org/jobs",
            "Looking for a part-time bookkeeper. Apply here: example.org/careers",
            "Volunteer drivers wanted. Apply: jobs@example.org",
        ] {
            assert!(flagged("hard-sell", d).is_empty(), "{d}");
        }
        // Pushing readers to apply today is still a push.
        assert_eq!(
            flagged("hard-sell", "Openings close soon. Apply today!"),
            ["Apply today"]
        );
        assert_eq!(
            flagged("hard-sell", "Our card has no fees. Apply now"),
            ["Apply now"]
        );
    }

    #[test]
    fn extra_phrases_and_allow_list() {
        let c = Config {
            extra_sales_phrases: vec!["grab a bag".into()],
            ..Config::default()
        };
        assert_eq!(
            flagged_with("hard-sell", "Grab a bag before noon", c),
            ["Grab a bag"]
        );
        let c = Config {
            allow: vec!["buy now".into()],
            ..Config::default()
        };
        assert!(flagged_with("hard-sell", "Buy now", c).is_empty());
    }
}
