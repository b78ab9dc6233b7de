//! `discount`: money off, prices in a pitch, promo codes, free shipping.

use super::{from_hits, Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity};
use crate::tokenizer::TokenKind;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "discount",
    dimension: Dimension::Salesy,
    default_severity: Severity::Info,
    description: "Prices, money off and promo codes (\"50% off\", \"$19.99\", \"promo code\", \"free shipping\", \"BOGO\").",
};

const MESSAGE_SUFFIX: &str =
    "puts a price tag up front; a feed full of offers reads like an advert.";
const SUGGESTION: &str =
    "Lead with why the offer matters to the reader, and keep deals to a share of your posts.";

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    from_hits(a, Signal::Discount, out, |phrase| {
        (format!("\"{phrase}\" {MESSAGE_SUFFIX}"), SUGGESTION)
    });
    // A price counts when the draft is selling; "I paid $5 for coffee" is not
    // a discount.
    if a.scores[0] >= 0.5 {
        for t in a.tokens.iter().filter(|t| t.kind == TokenKind::Price) {
            let covered = out.iter().any(|f| f.span.overlaps(&t.span));
            if !covered && !a.is_allowed(&t.span) {
                out.push(Finding::new(
                    t.span,
                    format!("The price \"{}\" {MESSAGE_SUFFIX}", a.slice(t.span)),
                    Some(SUGGESTION),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged;

    #[test]
    fn fires_on_offers() {
        assert_eq!(
            flagged("discount", "50% off everything"),
            ["50% off everything"]
        );
        assert_eq!(
            flagged("discount", "Use code SAVE20 for free shipping"),
            ["Use code", "for free shipping"]
        );
        assert_eq!(flagged("discount", "BOGO tacos all day"), ["BOGO"]);
        assert!(
            flagged("discount", "Order now: tote bags $19.99, shipped anywhere.")
                .contains(&"$19.99".to_owned())
        );
    }

    #[test]
    fn quiet_on_near_misses() {
        assert!(flagged("discount", "I paid $5 for a coffee and I regret nothing").is_empty());
        assert!(flagged(
            "discount",
            "There are no promo codes here, I just like the shoes."
        )
        .is_empty());
        assert!(flagged("discount", "My battery is at 50% and so am I").is_empty());
    }
}
