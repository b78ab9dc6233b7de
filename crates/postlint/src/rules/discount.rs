//! `discount`: money off, prices in a pitch, promo codes, free shipping.

use super::{from_hits, Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity};
use crate::tokenizer::{Token, TokenKind};

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

/// Prices from this amount up are salaries, funding rounds or fundraising
/// totals far more often than shop prices.
const SHOP_PRICE_LIMIT: f64 = 1000.0;

/// The amount of a price token, or `None` for "$3.5k"-style big money.
fn amount(text: &str) -> Option<f64> {
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let rest = text.trim_start_matches(|c: char| !c.is_ascii_digit());
    let suffix = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    if suffix.starts_with(['k', 'K', 'm', 'M', 'b', 'B']) {
        return None;
    }
    digits.parse().ok()
}

/// A price reads as a shop price when it is a small amount in a draft that is
/// selling; "I paid $5 for coffee" and "we raised $14,620" are not discounts.
fn is_shop_price(a: &Analysis, t: &Token) -> bool {
    a.scores[0] >= 0.5 && amount(a.slice(t.span)).is_some_and(|v| v < SHOP_PRICE_LIMIT)
}

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    let first = out.len();
    from_hits(a, Signal::Discount, out, |phrase| {
        (format!("\"{phrase}\" {MESSAGE_SUFFIX}"), SUGGESTION)
    });
    // The offers found so far are sorted and disjoint: a binary search, not a
    // scan per price (a draft of many prices was quadratic).
    let offers = out.len();
    for t in a.tokens.iter().filter(|t| t.kind == TokenKind::Price) {
        let found = &out[first..offers];
        let i = found.partition_point(|f| f.span.end <= t.span.start);
        let covered = found.get(i).is_some_and(|f| f.span.overlaps(&t.span));
        if !covered && !a.is_allowed(&t.span) && is_shop_price(a, t) {
            out.push(Finding::new(
                t.span,
                format!("The price \"{}\" {MESSAGE_SUFFIX}", a.slice(t.span)),
                Some(SUGGESTION),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::amount;
    use crate::rules::test_util::flagged;

    #[test]
    fn fires_on_offers() {
        assert_eq!(flagged("discount", "50% off, this week"), ["50% off"]);
        assert_eq!(
            flagged("discount", "Use code SAVE20 for free shipping"),
            ["Use code", "free shipping"]
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
        assert!(flagged(
            "discount",
            "We're hiring! Apply now: $150k-$185k plus equity."
        )
        .is_empty());
    }

    #[test]
    fn amounts() {
        assert_eq!(amount("$19.99"), Some(19.99));
        assert_eq!(amount("$1,000"), Some(1000.0));
        assert_eq!(amount("€5"), Some(5.0));
        assert_eq!(amount("$12M"), None);
    }
}
