//! `hard-sell`: an imperative call to buy, order, book or click.

use super::{from_hits, Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity};

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "hard-sell",
    dimension: Dimension::Salesy,
    default_severity: Severity::Error,
    description:
        "A direct call to buy, order, book, sign up or click (\"buy now\", \"link in bio\").",
};

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
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
