//! `brag`: self-praise and achievements.

use super::{from_hits, Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity, Span};
use crate::text::lower_is_one_of;
use crate::tokenizer::TokenKind;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "brag",
    dimension: Dimension::Salesy,
    default_severity: Severity::Warning,
    description: "Self-praise and achievements (\"award-winning\", \"industry-leading\", \"proud to announce our\").",
};

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    // A person proud of a friend or of a life milestone is not a brand
    // bragging: in a mainly personal draft only unmistakable self-praise counts.
    let personal = a.scores[1] >= 0.75 && a.stats.first_person > 0;
    let start = out.len();
    from_hits(a, Signal::Brag, out, |phrase| {
        (
            format!("\"{phrase}\" praises yourself; readers trust what others say about you more."),
            "Show the work or let a customer's words carry the praise, and say what it means for them.",
        )
    });
    if personal {
        // Strong hits sorted by start, and one filtering pass: a scan of every
        // hit per finding plus Vec::remove made a long draft quadratic.
        let mut strong: Vec<Span> = a
            .hits_of(Signal::Brag)
            .filter(|h| h.strength >= 1.0)
            .map(|h| h.span)
            .collect();
        crate::sort::sort(&mut strong);
        let holds_strong = |f: &Finding| {
            let from = strong.partition_point(|h| h.start < f.span.start);
            strong[from..]
                .iter()
                .take_while(|h| h.start <= f.span.end)
                .any(|h| h.end <= f.span.end)
        };
        let kept: Vec<Finding> = out.drain(start..).filter(holds_strong).collect();
        out.extend(kept);
    }
    then_and_now(a, out);
}

/// Units of a "<number> <unit> ago" that opens a from-to story.
const AGO_UNITS: &[&str] = &["years", "months", "weeks", "year", "month"];
/// Spelled-out counts before such a unit ("two years ago").
const COUNT_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "eighteen",
    "twenty", "a",
];
/// What may open the "now" sentence after "Today": the author or the team.
const NOW_SUBJECTS: &[&str] = &["we", "i", "we're", "i'm", "we've", "i've", "our", "my"];

/// The from-to success story: "<N> years ago I was ... Today we ...". The
/// "Today we/I" sentence after a "<N> <unit> ago" is where the achievement
/// is told; flag it once.
fn then_and_now(a: &Analysis, out: &mut Vec<Finding>) {
    let t = &a.tokens;
    let word = |k: usize, list: &[&str]| {
        t.get(k)
            .is_some_and(|x| x.kind == TokenKind::Word && lower_is_one_of(a.slice(x.span), list))
    };
    let mut ago = false;
    for i in 0..t.len() {
        if t[i].kind != TokenKind::Word {
            continue;
        }
        let w = a.slice(t[i].span);
        if !ago {
            ago = w.eq_ignore_ascii_case("ago")
                && i >= 2
                && word(i - 1, AGO_UNITS)
                && (t[i - 2].kind == TokenKind::Number || word(i - 2, COUNT_WORDS));
            continue;
        }
        if w.eq_ignore_ascii_case("today")
            && a.sentence_at(t[i].span.start).start == t[i].span.start
            && word(i + 1, NOW_SUBJECTS)
        {
            let span = a.sentence_at(t[i].span.start);
            if out.iter().all(|f| !f.span.overlaps(&span)) {
                out.push(Finding::new(
                    span,
                    "A then-and-now story that ends in your own success reads as a boast.",
                    Some("Tell what you learned on the way, or thank the people who made it happen by name."),
                ));
            }
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged;

    #[test]
    fn fires_on_self_praise() {
        assert_eq!(
            flagged("brag", "Our award-winning team delivers"),
            ["award-winning"]
        );
        assert_eq!(
            flagged("brag", "We are proud to announce our $3.5 billion deal."),
            ["proud to announce", "billion deal"]
        );
        assert_eq!(
            flagged("brag", "The #1 rated plumber in Ohio"),
            ["The #1 rated"]
        );
    }

    #[test]
    fn fires_on_then_and_now() {
        let d = "Five years ago I sold jam from a folding table. Today we stock forty shops. Thank you all.";
        assert_eq!(flagged("brag", d), ["Today we stock forty shops."]);
        let d = "2 years ago I could not run a mile.\nToday I finished a marathon!";
        assert_eq!(flagged("brag", d), ["Today I finished a marathon!"]);
    }

    #[test]
    fn quiet_on_near_then_and_now() {
        assert!(flagged(
            "brag",
            "Today we open at noon. Two years ago we opened at nine."
        )
        .is_empty());
        assert!(flagged(
            "brag",
            "Years ago I lived here. Today the street is quieter."
        )
        .is_empty());
        assert!(flagged("brag", "5 years ago we met. What do you remember of today?").is_empty());
    }

    #[test]
    fn quiet_on_near_misses() {
        assert!(flagged(
            "brag",
            "My sister got her first job today and I am so proud of her"
        )
        .is_empty());
        assert!(flagged("brag", "Number two pencils only, said the exam sheet.").is_empty());
        assert!(flagged("brag", "My playoff picks: #1 Oregon, #2 Auburn, #3 TCU").is_empty());
    }
}
