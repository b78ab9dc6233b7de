//! `discount`: money off, prices in a pitch, promo codes, free shipping.

use super::{from_hits, Finding, RuleInfo, SELLS};
use crate::analysis::Analysis;
use crate::features::ids::named;
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

/// Whether a price token's amount is below 1,000 (from there up, prices are
/// salaries, funding rounds or fundraising totals far more often than shop
/// prices); `false` for "$3.5k"-style big money and for digits that are not
/// a number ("1.2.3").
///
/// Decided on the digits rather than with `str::parse::<f64>` (whose tables
/// are a large share of the WebAssembly module, see decimal.rs), with the
/// same outcome: the parsed amount is below 1000 exactly when the whole
/// part is at most 998, or 999 with a fraction below [`ROUNDS_UP`] (from
/// there on the amount rounds to 1000; the tie goes to 1000, the even one).
fn is_small_amount(text: &str) -> bool {
    let Some(digits) = amount_digits(text) else {
        return false;
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    if fraction.contains('.') {
        return false;
    }
    match whole.trim_start_matches('0') {
        "999" => {
            let (f, r) = (fraction.as_bytes(), ROUNDS_UP.as_bytes());
            let digit = |s: &[u8], i: usize| s.get(i).copied().unwrap_or(b'0');
            (0..f.len().max(r.len()))
                .map(|i| digit(f, i).cmp(&digit(r, i)))
                .find(|o| o.is_ne())
                .is_some_and(std::cmp::Ordering::is_lt)
        }
        w => w.len() <= 3,
    }
}

/// The digits of a price's amount, thousands separators dropped; `None`
/// for "$3.5k"-style big money and for a price without digits.
fn amount_digits(text: &str) -> Option<String> {
    if no_amount(text) {
        return None;
    }
    Some(
        text.chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
            .filter(|c| *c != ',')
            .collect(),
    )
}

/// Whether a price has no amount [`amount_digits`] reads: "$3.5k"-style big
/// money (thousands, millions, billions) or no digits at all.
fn no_amount(text: &str) -> bool {
    let rest = text.trim_start_matches(|c: char| !c.is_ascii_digit());
    let suffix = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    rest.is_empty() || suffix.starts_with(['k', 'K', 'm', 'M', 'b', 'B'])
}

/// The fraction of 1000 - 2^-44, halfway between 1000 and the largest `f64`
/// below it.
const ROUNDS_UP: &str = "99999999999994315658113919198513031005859375";

/// A price reads as a shop price when it is a small amount in a draft that is
/// selling; "I paid $5 for coffee" and "we raised $14,620" are not discounts.
fn is_shop_price(a: &Analysis, t: &Token) -> bool {
    a.scores[0] >= SELLS && is_small_amount(a.slice(t.span))
}

/// Whether the price at token `i` sells nothing: a sum in thousands or
/// millions ("$50k", "$1.2M": a salary, a funding round, a budget), or pay
/// for work (`pay-rate`, whose starts are `pay`, starts at it, or it opens
/// a range whose other end it starts: "$27-$34/hr", "$27 to $34/hr").
fn not_for_sale(a: &Analysis, pay: &[usize], i: usize) -> bool {
    let starts_pay = |k: usize| {
        a.tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Price && pay.binary_search(&t.span.start).is_ok())
    };
    let dash = a
        .tokens
        .get(i + 1)
        .is_some_and(|t| matches!(a.slice(t.span), "-" | "\u{2013}" | "\u{2014}" | "to"));
    no_amount(a.slice(a.tokens[i].span)) || starts_pay(i) || (dash && starts_pay(i + 2))
}

/// A phrase around a price that sells nothing ([`not_for_sale`]).
fn around_no_sale(a: &Analysis, pay: &[usize], r: std::ops::Range<usize>) -> bool {
    r.into_iter()
        .any(|i| a.tokens[i].kind == TokenKind::Price && not_for_sale(a, pay, i))
}

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    let first = out.len();
    from_hits(a, Signal::Discount, out, |phrase| {
        (format!("\"{phrase}\" {MESSAGE_SUFFIX}"), SUGGESTION)
    });
    // Without a price there is nothing more to do.
    if !a.tokens.iter().any(|t| t.kind == TokenKind::Price) {
        return;
    }
    // Pay for work sells nothing, and neither do sums in thousands or
    // millions: a phrase around such a price ("from $50k", "only $32/hr")
    // is not an offer. (A shop price can pass 1,000: "from €1,290" still
    // fires.) The pay's starts are in text order, as the features are made.
    let mut pay = Vec::new();
    for f in &a.features {
        if f.named == named!("pay-rate") {
            pay.push(f.span.start);
        }
    }
    super::drop_read_as(a, out, first, &pay, around_no_sale);
    // The offers found so far are sorted and disjoint: a binary search, not a
    // scan per price (a draft of many prices was quadratic).
    let offers = out.len();
    for (i, t) in a.tokens.iter().enumerate() {
        if t.kind != TokenKind::Price {
            continue;
        }
        let found = &out[first..offers];
        let j = found.partition_point(|f| f.span.end <= t.span.start);
        let covered = found.get(j).is_some_and(|f| f.span.overlaps(&t.span));
        if !covered && !a.is_allowed(&t.span) && is_shop_price(a, t) && !not_for_sale(a, &pay, i) {
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
    use super::{amount_digits, is_small_amount};
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
    fn quiet_on_pay_and_big_sums() {
        // Pay for work, alone or as a range, in a post that sells a job.
        assert!(flagged(
            "discount",
            "Now hiring a barista! $18-$22/hr plus tips, apply today."
        )
        .is_empty());
        assert!(flagged(
            "discount",
            "Join our team: line cooks from $21/hr, weekends off. Apply now!"
        )
        .is_empty());
        // A phrase around a big sum is not money off.
        assert!(flagged(
            "discount",
            "Budgets run from $50k to $80k, so ask before you pitch."
        )
        .is_empty());
        assert!(flagged(
            "discount",
            "Book the lake cabin! Weeks from $1,290, only 3 left."
        )
        .contains(&"from $1,290".to_owned()));
        // A shop price still fires next to pay.
        assert!(
            flagged("discount", "Order now: mugs only $12! Also hiring, $20/hr.")
                .contains(&"only $12".to_owned())
        );
    }

    /// The amount as the rule read it before: `str::parse`, then `< 1000`.
    fn parsed_below_limit(text: &str) -> bool {
        amount_digits(text)
            .and_then(|d| d.parse::<f64>().ok())
            .is_some_and(|v| v < 1000.0)
    }

    #[test]
    fn amounts() {
        for (text, small) in [
            ("$19.99", true),
            ("$1,000", false),
            ("$999", true),
            ("$0999.5", true),
            ("€5", true),
            ("$5.", true),
            ("$12M", false),
            ("$1.2.3", false),
            ("$", false),
            ("$999.99999999999994315658113919198513031005859375", false),
            ("$999.99999999999994315658113919198513031005859374999", true),
            (
                "$999.9999999999999431565811391919851303100585937500001",
                false,
            ),
            ("$000000000000000000000000000000000000000999.9", true),
        ] {
            assert_eq!(is_small_amount(text), small, "{text}");
            assert_eq!(parsed_below_limit(text), small, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn amounts_read_as_parsed(text in "[$€]?((0|9){0,3}[0-9,.]{0,60}|999\\.9{12,16}[0-9]{0,40})[kM]?") {
            proptest::prop_assert_eq!(is_small_amount(&text), parsed_below_limit(&text));
        }
    }
}
