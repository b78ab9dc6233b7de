//! `shouting`: runs of ALL-CAPS words and stacked exclamation marks.

use super::{Finding, RuleInfo, SELLS};
use crate::analysis::Analysis;
use crate::report::{Dimension, Severity, Span};
use crate::tokenizer::TokenKind;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "shouting",
    dimension: Dimension::Salesy,
    default_severity: Severity::Warning,
    description: "Runs of ALL-CAPS words, \"!!!\" and stacked emphasis.",
};

/// Capitalised words in a row that make a shout on their own.
const CAPS_RUN: usize = 4;
/// A three-word capitals headline ("FLASH SALE TODAY") shouts in a draft
/// that sells, or where more capitals follow it; a notice headline does not.
pub(crate) const SELLING_CAPS_RUN: usize = 3;
/// Capitalised words in the whole draft that make a short run part of a
/// shouted draft.
const CAPS_WORDS: usize = 4;
/// A shorter capitals run shouts when it ends in this many `!`.
const CAPS_RUN_WITH_BANGS: (usize, usize) = (2, 2);
/// `!` (or `?`) marks in one run that shout on their own; "so happy!!!"
/// does not, nor does "really???".
const BANGS: usize = 4;

/// Words that make a capitals run the headline of a public notice ("BOIL
/// WATER ADVISORY", "ALL SCHOOLS CLOSED TODAY", "NOTICE OF ANNUAL
/// MEETING"): in a draft that does not sell, and without `!`, the capitals
/// mark the notice's kind, not a raised voice.
const NOTICE: &[&str] = &[
    "notice",
    "advisory",
    "closed",
    "cancelled",
    "meeting",
    "outage",
    "warning",
    "reminder",
];

/// Whether the capitals run over `span` heads a public notice: it holds a
/// [`NOTICE`] word. (Runs are disjoint, so all of them are read once.)
fn heads_a_notice(a: &Analysis, span: Span) -> bool {
    crate::normalize::tokens_in(&a.tokens, span).any(|k| super::word_in(a, k, NOTICE))
}

/// Capitalised words (and numbers with capitals, "10K") in the draft.
fn caps_words(a: &Analysis) -> usize {
    a.tokens
        .iter()
        .filter(|t| {
            t.all_caps
                && matches!(
                    t.kind,
                    TokenKind::Word | TokenKind::Hashtag | TokenKind::Number
                )
        })
        .count()
}

/// The bytes of the quotation mark ending at byte `at`: `"` or `'` (1),
/// or a curly one (`“ ” ‘ ’`: E2 80 98-9D, 3).
fn quote_before(b: &[u8], at: usize) -> usize {
    match b.get(..at).unwrap_or_default() {
        [.., b'"' | b'\''] => 1,
        [.., 0xE2, 0x80, 0x98..=0x9D] => 3,
        _ => 0,
    }
}

/// A run that fills a quotation on its own ("a ticket titled \"FIX IT
/// NOW\"", the sign said "NO PARKING ANY TIME") shows what someone else
/// wrote: a quote mark just before it, not opening the draft (some
/// exports wrap every message in quotes), and one just after it, past any
/// closing `.` or `,`.
fn quoted(b: &[u8], span: Span) -> bool {
    let mut end = span.end;
    while matches!(b.get(end), Some(b'.' | b',')) {
        end += 1;
    }
    let open = quote_before(b, span.start);
    open > 0
        && open < span.start
        && (quote_before(b, end) > 0
            || quote_before(b, end + 1) == 1
            || quote_before(b, end + 3) == 3)
}

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    // (span, capitalised words, trailing exclamation marks)
    let mut run: Option<(Span, usize, usize)> = None;
    // Counted only when a three-word run needs it, once.
    let mut draft_caps: Option<usize> = None;
    let mut flush = |run: &mut Option<(Span, usize, usize)>, out: &mut Vec<Finding>| {
        let Some((span, words, bangs)) = run.take() else {
            return;
        };
        if words > 0 && quoted(a.text.as_bytes(), span) {
            return;
        }
        let selling_run = words >= SELLING_CAPS_RUN
            && (a.scores[0] >= SELLS
                || *draft_caps.get_or_insert_with(|| caps_words(a)) >= CAPS_WORDS);
        let shouts = words >= CAPS_RUN
            || selling_run
            || (words >= CAPS_RUN_WITH_BANGS.0 && bangs >= CAPS_RUN_WITH_BANGS.1);
        if shouts && bangs == 0 && a.scores[0] < SELLS && heads_a_notice(a, span) {
            return;
        }
        if shouts {
            out.push(Finding::new(
                span,
                format!("{words} words in capitals in a row read as shouting."),
                Some("Write in sentence case and let one well-chosen word carry the emphasis."),
            ));
        } else if bangs >= BANGS {
            out.push(Finding::new(
                span,
                format!("{bangs} exclamation or question marks in a row read as shouting."),
                Some("One exclamation mark is plenty; let the words carry the excitement."),
            ));
        }
    };
    let bytes = a.text.as_bytes();
    for t in &a.tokens {
        // The text is read only for numbers, one-letter words and
        // punctuation: this runs on every token of every draft.
        let caps = match t.kind {
            TokenKind::Word | TokenKind::Hashtag => t.all_caps,
            TokenKind::Number => a.slice(t.span).chars().any(char::is_uppercase),
            _ => false,
        };
        match t.kind {
            _ if caps => {
                run = Some(match run {
                    Some((s, n, _)) => (s.union(&t.span), n + 1, 0),
                    None => (t.span, 1, 0),
                });
            }
            // "I" and "A" neither start nor break a shouted run.
            TokenKind::Word
                if t.span.len() == 1
                    && bytes.get(t.span.start).is_some_and(u8::is_ascii_uppercase) =>
            {
                run = Some(match run {
                    Some((s, n, b)) => (s.union(&t.span), n, b),
                    None => (t.span, 0, 0),
                });
            }
            TokenKind::Punctuation => {
                // A one-byte mark, nearly every one, is read as a byte.
                let (bangs, marks) = match (t.span.len(), bytes.get(t.span.start)) {
                    (1, Some(&c)) => {
                        let bang = usize::from(c == b'!' || c == b'?');
                        (bang, bang > 0)
                    }
                    _ => {
                        let text = a.slice(t.span);
                        let bangs = text
                            .chars()
                            .filter(|&c| matches!(c, '!' | '！' | '?' | '？'))
                            .count();
                        (bangs, text.contains(['!', '?']))
                    }
                };
                match run {
                    // "!!" and "?!" belong to the shout; a comma does not.
                    Some((s, n, b)) if n > 0 && marks => {
                        run = Some((s.union(&t.span), n, b.max(bangs)))
                    }
                    Some(_) => {}
                    None if bangs >= BANGS => {
                        run = Some((t.span, 0, bangs));
                        flush(&mut run, out);
                    }
                    None => {}
                }
            }
            // Numbers and emoji do not break a shouted run.
            TokenKind::Number
            | TokenKind::Emoji
            | TokenKind::Percentage
            | TokenKind::Price
            | TokenKind::Symbol => {}
            // Most tokens end no run: no call then.
            _ if run.is_none() => {}
            _ => flush(&mut run, out),
        }
    }
    flush(&mut run, out);
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged;

    #[test]
    fn fires_on_shouting() {
        assert_eq!(
            flagged("shouting", "HUGE SALE THIS WEEKEND"),
            ["HUGE SALE THIS WEEKEND"]
        );
        assert_eq!(
            flagged("shouting", "WOW. BIG NEWS TODAY, friends"),
            ["WOW. BIG NEWS TODAY"]
        );
        assert_eq!(flagged("shouting", "so happy!!!!!"), ["!!!!!"]);
        assert_eq!(flagged("shouting", "you did WHAT????"), ["WHAT????"]);
        assert_eq!(flagged("shouting", "seriously?!?!"), ["?!?!"]);
        assert_eq!(
            flagged("shouting", "WE HIT 10K FOLLOWERS"),
            ["WE HIT 10K FOLLOWERS"]
        );
        assert_eq!(
            flagged(
                "shouting",
                "FLASH SALE TODAY: 40% off every jacket, shop now"
            ),
            ["FLASH SALE TODAY"]
        );
        assert_eq!(
            flagged("shouting", "BIG NEWS FRIDAY and it is HUGE"),
            ["BIG NEWS FRIDAY"]
        );
        assert_eq!(
            flagged("shouting", "I GOT THE JOB!!!"),
            ["I GOT THE JOB!!!"]
        );
    }

    #[test]
    fn quiet_on_near_misses() {
        assert!(flagged("shouting", "Our NASA and ESA friends visited").is_empty());
        assert!(flagged("shouting", "Wow! What a day!").is_empty());
        assert!(flagged("shouting", "I love the USA").is_empty());
        assert!(flagged("shouting", "ROAD CLOSED TODAY on Elm Street for repairs.").is_empty());
        assert!(flagged("shouting", "Finished my first quilt!!!").is_empty());
        assert!(flagged("shouting", "Really???").is_empty());
    }

    #[test]
    fn quiet_on_notice_headlines() {
        for d in [
            "GAS MAIN WARNING FOR THE EAST SIDE: crews are on site, avoid Pine Ave.",
            "⚠️ POOL CLOSED ALL WEEKEND ⚠️ The filter broke; we reopen Monday.",
            "PUBLIC NOTICE: PARK HOURS CHANGE in March, see the board by the gate. FAQ on the site.",
        ] {
            assert!(flagged("shouting", d).is_empty(), "{d}");
        }
        // A notice word does not excuse a shout with `!`, or one in an ad.
        assert!(!flagged("shouting", "STORE CLOSED SUNDAY!! come Monday").is_empty());
        assert!(!flagged(
            "shouting",
            "HOLIDAY HOURS REMINDER: 30% off all coats this week only, shop now"
        )
        .is_empty());
    }

    #[test]
    fn quiet_on_capitals_someone_else_wrote() {
        // A quoted sign, subject line or title is the other person's
        // capitals, not the writer raising their voice.
        for d in [
            "Someone emailed me with the subject \"READ THIS RIGHT NOW\" at midnight.",
            "The gate sign still says “NO ENTRY AFTER DARK” and nobody knows why.",
            "My nephew's band is called 'THE LOUD ONES TOO' and they are quiet.",
            "He texted \"WHERE ARE YOU NOW!!\" twice",
        ] {
            assert!(flagged("shouting", d).is_empty(), "{d}");
        }
        // Quotes around the whole draft are no one else's words.
        assert_eq!(
            flagged("shouting", "\"CALL ME BACK WHEN YOU CAN\""),
            ["CALL ME BACK WHEN YOU CAN"]
        );
        // Quotes around a few words of a longer shout do not hide it.
        assert_eq!(
            flagged("shouting", "BIG RUG CLEARANCE \"FRIDAY\" ONLY"),
            ["BIG RUG CLEARANCE \"FRIDAY\" ONLY"]
        );
    }
}
