//! `urgency`: time pressure and scarcity.

use super::phrases::{Phrases, Slot, ANY, NUM};
use super::{from_hits, Finding, RuleInfo, SELLS};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity, Span};

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "urgency",
    dimension: Dimension::Salesy,
    default_severity: Severity::Warning,
    description: "Time pressure and scarcity (\"limited time\", \"only 3 left\", \"ends tonight\", \"hurry\").",
};

const MESSAGE: &str = "pressures readers to act fast, which reads as a sales tactic.";
const SUGGESTION: &str =
    "If the date matters, state it plainly and give the reason people would want to come.";

/// The salesy score under which a draft has no sales colour at all. Chosen
/// from the gold `urgency` drafts of all five writers: their salesy scores
/// start well above it, while most personal and chatty drafts sit below.
const SALES_COLOUR: f64 = 0.2;

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    let start = out.len();
    from_hits(a, Signal::Urgency, out, |phrase| {
        (format!("\"{phrase}\" {MESSAGE}"), SUGGESTION)
    });
    // The shapes below read English words, and they pressure only in a
    // draft with some sales colour: "before it's gone" about a sunset or a
    // friend's last day is not a tactic. (This also spares most drafts the
    // scan.)
    if a.foreign || a.scores[0] < SALES_COLOUR {
        return;
    }
    let push = |span: Span| {
        Finding::new(
            span,
            format!("\"{}\" {MESSAGE}", a.slice(span)),
            Some(SUGGESTION),
        )
    };
    PRESSURE.find(a, out, start, &push);
    // A count of places pressures only in an offer: "8 spots" at a picnic
    // table and "don't sleep on this album" from a fan do not.
    if a.scores[0] >= SELLS {
        IN_AN_OFFER.find(a, out, start, &push);
    }
}

// Every word in a slot below is checked by `scripts/lexicon-audit.py`
// like a lexicon phrase: no expansion of a shape may be seen in only one
// writer's drafts. That left out common forms ("until they're gone",
// "limited edition", "this weekend only"): each appeared in one writer's
// drafts only, so keeping it would have scored that writer on its own
// wording.

/// Words that close an offer: "before" (they're gone).
const CLOSES: Slot = &["till", "til", "before", "when"];
/// "they're", with either apostrophe.
const THEY_ARE: Slot = &["they're", "they\u{2019}re"];
/// Periods an offer is confined to.
const PERIOD: Slot = &["week", "month", "season"];
/// Places and items counted out to buyers.
const PLACES: Slot = &["spots", "places", "spaces", "copies"];
const ONLY: Slot = &["only"];
const THIS: Slot = &["this"];

/// Scarcity and haste that read as pressure wherever they stand. Each
/// shape is general sales language (no writer's wording): what runs out
/// ("before they're gone"), an offer confined to a period ("this
/// month only"), a limited supply and a count of what is left.
const PRESSURE: Phrases = Phrases::new(&[
    &[CLOSES, THEY_ARE, &["gone"]],
    &[THIS, PERIOD, ONLY],
    &[&["limited"], &["places", "numbers"]],
    &[NUM, PLACES, &["left", "remaining"]],
]);

/// A cap on an offer ("(5 slots)", "10 people max") and
/// haste that only an offer turns into pressure.
const IN_AN_OFFER: Phrases = Phrases::new(&[
    &[&["don't", "don\u{2019}t"], &["sleep"], &["on"]],
    &[NUM, &["slots", "spots"]],
    &[NUM, ANY, &["max"]],
]);

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged;

    #[test]
    fn fires_on_pressure() {
        assert_eq!(
            flagged("urgency", "Hurry, only 3 left!"),
            ["Hurry", "only 3 left"]
        );
        assert_eq!(
            flagged("urgency", "LIMITED TIME: ends tonight"),
            ["LIMITED TIME", "ends tonight"]
        );
        assert_eq!(
            flagged("urgency", "Last chance to grab one"),
            ["Last chance"]
        );
    }

    #[test]
    fn fires_on_scarcity_shapes() {
        assert_eq!(
            flagged(
                "urgency",
                "Fresh pies today, get one before they\u{2019}re gone!"
            ),
            ["before they\u{2019}re gone"]
        );
        assert_eq!(
            flagged(
                "urgency",
                "Coaching packages $300. I have 2 spots left for March."
            ),
            ["2 spots left"]
        );
        assert_eq!(
            flagged(
                "urgency",
                "Portrait sessions $150, 4 slots this season. Book now!"
            ),
            ["4 slots"]
        );
        assert_eq!(
            flagged(
                "urgency",
                "Knitted hats $25 at the market, this month only, till they're gone"
            ),
            ["this month only", "till they're gone"]
        );
    }

    #[test]
    fn counts_pressure_only_in_an_offer() {
        for chat in [
            "Our new picnic table has 8 spots, finally",
            "Honestly, don't sleep on this album, it grew on me",
        ] {
            assert!(flagged("urgency", chat).is_empty(), "{chat}");
        }
        assert_eq!(
            flagged(
                "urgency",
                "Tickets $20 at the door. Don't sleep on it, buy now!"
            )
            .len(),
            1
        );
    }

    #[test]
    fn quiet_without_sales_colour() {
        assert!(flagged(
            "urgency",
            "Watching the fireflies from the porch, trying to enjoy them till they're gone"
        )
        .is_empty());
    }

    #[test]
    fn quiet_on_near_misses() {
        assert!(flagged("urgency", "My grandmother's garden is almost done").is_empty());
        assert!(flagged("urgency", "We had 3 spots picked out for the picnic").is_empty());
        assert!(flagged("urgency", "I only have 3 left on my to-do list, finally").is_empty());
        assert!(flagged(
            "urgency",
            "No need to hurry, the gallery is open all month."
        )
        .is_empty());
        assert!(flagged("urgency", "We spent the last day of vacation at the beach").is_empty());
    }
}
