//! `brag`: self-praise and achievements.

use super::{from_hits, word_in, Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity, Span};
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
    if out.len() > start {
        super::drop_read_as(a, out, start, &[], in_the_first_place);
    }
    shapes(a, out, personal);
}

/// "In the first place" means "at all" ("why was it closed in the first
/// place?"), not a prize: a "first place" finding right after "in the" is
/// dropped.
fn in_the_first_place(a: &Analysis, _: &[usize], r: std::ops::Range<usize>) -> bool {
    r.len() == 2
        && r.start >= 2
        && super::token_is(a, r.start, "first")
        && super::token_is(a, r.start + 1, "place")
        && super::token_is(a, r.start - 2, "in")
        && super::token_is(a, r.start - 1, "the")
}

/// The message of a shape that praises the author: one string for all, so
/// the WebAssembly module carries it once.
const SELF_PRAISE: &str = "This praises yourself; readers trust what others say about you more.";

/// Feelings that announce good news about oneself ("thrilled to share"):
/// the shared lexicon spells out "proud to announce" and "so proud to
/// share"; these are the other feelings around the same verb.
const PROUD: &[&str] = &["proud", "thrilled", "honored", "honoured", "humbled"];

/// Units of a "<number> <unit> ago" that opens a from-to story.
const AGO_UNITS: &[&str] = &["years", "months", "weeks", "year", "month"];
/// Spelled-out counts before such a unit ("two years ago").
const COUNT_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "eighteen",
    "twenty", "a",
];
/// What may open the "now" sentence after "Today": the author or the team.
const NOW_SUBJECTS: &[&str] = &["we", "i", "we're", "i'm", "we've", "i've", "our", "my"];

/// A milestone counted in hundreds: "our 200th wedding", "my 1,000th client".
const MILESTONE: u64 = 100;

/// Brag shapes over the draft's tokens, in one pass: the from-to success
/// story ("<N> years ago I was ..." or "in 2015 we ...", then "Today
/// we ..." or "Now I ..."), whose "Today we/I" sentence tells the
/// achievement, a milestone counted in hundreds ("our 500th order") and,
/// outside a personal draft, a business's own star rating ("5-star
/// reviews", whose hyphen the phrase lists cannot cross).
fn shapes(a: &Analysis, out: &mut Vec<Finding>, personal: bool) {
    let t = &a.tokens;
    let word = |k: usize, list: &[&str]| word_in(a, k, list);
    // A brand's news about itself; a person thrilled to share a new job or
    // proud of a child tells a life milestone instead. Someone (I, we) is
    // proud: a draft with neither has no claim.
    let claims = !personal && (a.stats.first_person > 0 || a.stats.self_refs > 0);
    let mut ago = false;
    let mut told = false;
    for i in 0..t.len() {
        if t[i].kind == TokenKind::Number {
            if !personal
                && t.get(i + 1).is_some_and(|x| a.slice(x.span) == "-")
                && word(i + 2, &["star"])
                && word(i + 3, STARRED)
            {
                push(t[i].span.union(&t[i + 3].span), SELF_PRAISE, out);
            }
            // "in 2015 we ..." opens a then-and-now story like "years ago".
            ago |= i > 0 && word(i - 1, &["in", "since"]) && year(a.slice(t[i].span));
            if i > 0 && word(i - 1, &["our", "my"]) && milestone(a.slice(t[i].span)) {
                let end = if t.get(i + 1).is_some_and(|x| x.kind == TokenKind::Word) {
                    i + 1
                } else {
                    i
                };
                push(
                    t[i - 1].span.union(&t[end].span),
                    "Counting your own milestone puts the spotlight on you, not the reader.",
                    out,
                );
            }
            continue;
        }
        if t[i].kind != TokenKind::Word {
            continue;
        }
        // "to" first, by length: most words are not before a "to".
        if claims
            && t.get(i + 1).is_some_and(|n| n.span.len() == 2)
            && word(i + 1, &["to"])
            && word(i, PROUD)
            && word(i + 2, &["share"])
        {
            push(t[i].span.union(&t[i + 2].span), SELF_PRAISE, out);
        }
        if told {
            continue;
        }
        // Compared as bytes: no word of the draft is sliced as a string.
        let is = |w: &str| {
            t[i].span.len() == w.len()
                && a.text
                    .as_bytes()
                    .get(t[i].span.start..t[i].span.end)
                    .is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes()))
        };
        if !ago {
            ago = is("ago")
                && i >= 2
                && word(i - 1, AGO_UNITS)
                && (t[i - 2].kind == TokenKind::Number || word(i - 2, COUNT_WORDS));
            continue;
        }
        if (is("today") || is("now"))
            && a.sentence_at(t[i].span.start).start == t[i].span.start
            && word(i + 1, NOW_SUBJECTS)
        {
            push(
                a.sentence_at(t[i].span.start),
                "A then-and-now story that ends in your own success reads as a boast.",
                out,
            );
            told = true;
        }
    }
}

/// Adds a shape's finding unless an earlier one covers part of it. (One
/// copy, not inlined at each shape.)
#[inline(never)]
fn push(span: Span, message: &'static str, out: &mut Vec<Finding>) {
    if out.iter().all(|f| !f.span.overlaps(&span)) {
        out.push(Finding::new(
            span,
            message,
            Some(
                "Tell what you learned on the way, or thank the people who made it happen by name.",
            ),
        ));
    }
}

/// What a star rating rates: "5-star reviews", "4-star rating".
const STARRED: &[&str] = &["reviews", "rating", "ratings"];

/// A year of the recent past or present: "2015".
fn year(number: &str) -> bool {
    number.len() == 4
        && (number.starts_with("19") || number.starts_with("20"))
        && number.bytes().all(|b| b.is_ascii_digit())
}

/// An ordinal of a hundred or more: "200th", "10,000th".
fn milestone(number: &str) -> bool {
    let Some(digits) = ["th", "st", "nd", "rd"]
        .iter()
        .find_map(|suffix| number.strip_suffix(suffix))
    else {
        return false;
    };
    let mut value: u64 = 0;
    for c in digits.chars() {
        match c {
            '0'..='9' => {
                value = value
                    .saturating_mul(10)
                    .saturating_add(u64::from(c as u8 - b'0'))
            }
            ',' => {}
            _ => return false,
        }
    }
    !digits.is_empty() && value >= MILESTONE
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged;

    #[test]
    fn quiet_on_in_the_first_place() {
        assert!(flagged(
            "brag",
            "Why did the county close the bridge in the first place? Nobody says."
        )
        .is_empty());
        assert_eq!(
            flagged(
                "brag",
                "Our relay team took first place at the county meet."
            ),
            ["first place"]
        );
    }

    #[test]
    fn fires_on_self_praise() {
        assert_eq!(
            flagged("brag", "Our award-winning bakers deliver"),
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
    fn fires_on_milestones() {
        assert_eq!(
            flagged("brag", "Just baked our 1,000th wedding cake!"),
            ["our 1,000th wedding"]
        );
        assert_eq!(flagged("brag", "That was my 300th."), ["my 300th"]);
    }

    #[test]
    fn fires_on_announced_honours() {
        assert_eq!(
            flagged(
                "brag",
                "Truly honored to share that our clinic made the state list"
            ),
            ["honored to share"]
        );
        assert_eq!(
            flagged(
                "brag",
                "Beyond thrilled to share: we won the county contract"
            ),
            ["thrilled to share"]
        );
        assert_eq!(
            flagged("brag", "We are proud to share the clinic's new night hours"),
            ["proud to share"]
        );
    }

    #[test]
    fn fires_on_star_ratings() {
        // Byte spans after a four-byte emoji.
        let d = "\u{1F31F} 4-star ratings from diners three years running. Book a table tonight.";
        assert_eq!(flagged("brag", d), ["4-star ratings"]);
        let l = crate::Linter::default();
        let r = l.analyze_with(d, &crate::Context::default());
        let f = r.diagnostics.iter().find(|x| x.rule == "brag").unwrap();
        assert_eq!((f.span.start, f.span.end), (5, 19));
    }

    #[test]
    fn fires_on_a_year_then_now() {
        let d = "In 2016 we rented one kiln in a shared shed. Now we fire for sixty studios.";
        assert_eq!(flagged("brag", d), ["Now we fire for sixty studios."]);
    }

    #[test]
    fn quiet_on_near_announcements_and_claims() {
        assert!(flagged("brag", "Proud to be here, and so tired after the drive").is_empty());
        assert!(flagged("brag", "Excited to share this soup recipe with you all").is_empty());
        assert!(flagged(
            "brag",
            "I'm thrilled to share that I got married last weekend, and my mum cried all day"
        )
        .is_empty());
        assert!(flagged(
            "brag",
            "Incredibly proud to be your neighbour, said the card"
        )
        .is_empty());
        assert!(flagged(
            "brag",
            "The bakery got a 2-star review and I felt bad for them"
        )
        .is_empty());
        assert!(flagged(
            "brag",
            "In 2016 we moved house. Now is when the fog lifts over the hill"
        )
        .is_empty());
    }

    #[test]
    fn quiet_on_small_or_other_ordinals() {
        assert!(flagged("brag", "Our 3rd attempt at sourdough, still flat").is_empty());
        assert!(flagged("brag", "His 100th swim lesson this morning, in the rain").is_empty());
        assert!(flagged("brag", "Meet us on the 100th floor").is_empty());
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
        assert!(flagged("brag", "My playoff picks: #1 Denver, #2 Austin, #3 Boise").is_empty());
    }
}
