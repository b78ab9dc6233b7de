//! `shouting`: runs of ALL-CAPS words and stacked exclamation marks.

use super::{Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::report::{Dimension, Severity, Span};
use crate::tokenizer::TokenKind;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "shouting",
    dimension: Dimension::Salesy,
    default_severity: Severity::Warning,
    description: "Runs of ALL-CAPS words, \"!!!\" and stacked emphasis.",
};

/// Consecutive capitalised words that make a shout (one acronym does not).
const CAPS_RUN: usize = 3;
/// `!` marks in one run that make a shout.
const BANGS: usize = 3;

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    // (span, capitalised words, trailing exclamation marks)
    let mut run: Option<(Span, usize, usize)> = None;
    let flush = |run: &mut Option<(Span, usize, usize)>, out: &mut Vec<Finding>| {
        let Some((span, words, bangs)) = run.take() else {
            return;
        };
        if words >= CAPS_RUN {
            out.push(Finding::new(
                span,
                format!("{words} words in capitals in a row read as shouting."),
                Some("Write in sentence case and let one well-chosen word carry the emphasis."),
            ));
        } else if bangs >= BANGS {
            out.push(Finding::new(
                span,
                format!("{bangs} exclamation marks in a row read as shouting."),
                Some("One exclamation mark is plenty; let the words carry the excitement."),
            ));
        }
    };
    for t in &a.tokens {
        let text = a.slice(t.span);
        match t.kind {
            TokenKind::Word | TokenKind::Hashtag if t.all_caps => {
                run = Some(match run {
                    Some((s, n, _)) if n > 0 || s.len() <= 1 => (s.union(&t.span), n + 1, 0),
                    _ => {
                        flush(&mut run, out);
                        (t.span, 1, 0)
                    }
                });
            }
            // "I" and "A" neither start nor break a shouted run.
            TokenKind::Word if text.len() == 1 && text.chars().all(|c| c.is_uppercase()) => {
                if let Some((s, n, _)) = run {
                    run = Some((s.union(&t.span), n, 0));
                } else {
                    run = Some((t.span, 0, 0));
                }
            }
            TokenKind::Punctuation => {
                let bangs = text.chars().filter(|&c| c == '!' || c == '！').count();
                match run {
                    // "!!" and "?!" belong to the shout; a comma does not.
                    Some((s, n, _)) if n > 0 && text.contains(['!', '?']) => {
                        run = Some((s.union(&t.span), n, bangs))
                    }
                    Some(_) => {}
                    _ if bangs >= BANGS => {
                        flush(&mut run, out);
                        run = Some((t.span, 0, bangs));
                        flush(&mut run, out);
                    }
                    _ => {}
                }
            }
            // Numbers and emoji do not break a shouted run.
            TokenKind::Number
            | TokenKind::Emoji
            | TokenKind::Percentage
            | TokenKind::Price
            | TokenKind::Symbol => {}
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
        assert_eq!(flagged("shouting", "so happy!!!!"), ["!!!!"]);
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
    }
}
