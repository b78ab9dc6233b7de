//! `brag`: self-praise and achievements.

use super::{from_hits, Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity, Span};

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
