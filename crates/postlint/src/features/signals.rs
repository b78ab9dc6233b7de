//! Structural signals that single lexicon phrases cannot list.
//!
//! - Whom the draft addresses: an opening that greets a group ("Hey
//!   neighbours!", "To every nurse...") puts the audience at the centre
//!   (`identity_reflecting`, DIMENSIONS.md).
//! - Whom it answers: the draft's own words before a quoted post ("Congrats
//!   to the team! RT @dana ...") reply to someone.
//! - Deadlines and limits on an offer ("ends Monday", "6 tables left"),
//!   as `urgency` hits the rule and the model read like lexicon ones.
//!
//! These read the tokens and hits the extractor already has: no pass of
//! their own over the text, no allocation.

use crate::lazy::Lazy;

use super::{Doc, Feature, Repeats};
use crate::lexicon::{Hit, Signal};
use crate::report::Span;
use crate::text::WordSet;
use crate::tokenizer::{Token, TokenKind};

/// Adds `greets-group` when the draft opens by greeting a group ("Hey
/// neighbours!", "Calling all makers") or a sentence dedicates itself to
/// people ("To every nurse who...").
pub(super) fn audience(doc: Doc, rep: &mut Repeats, out: &mut Vec<Feature>) {
    if let Some(span) = greeting(doc) {
        rep.push(out, "greets-group", span, 1.0);
    }
}

/// Words that greet whoever follows them ("Hey runners", "Calling all
/// makers", "Dear neighbours").
static GREETINGS: Lazy<WordSet> = Lazy::new(|| {
    WordSet::new(&[
        "hey",
        "hi",
        "hello",
        "hiya",
        "howdy",
        "dear",
        "calling",
        "attention",
        "welcome",
        "greetings",
        "morning",
        "evening",
    ])
});

/// Words after a sentence-opening "to" that dedicate the sentence to people
/// ("To every parent who...", "To all the night-shift workers").
static DEDICATED_TO: Lazy<WordSet> = Lazy::new(|| {
    WordSet::new(&[
        "every",
        "everyone",
        "everybody",
        "all",
        "anyone",
        "anybody",
        "those",
        "each",
        "whoever",
    ])
});

/// The span of a greeting to a group: the draft's first word a greeting
/// followed by a word (not an @mention: that is a reply), or a sentence
/// opened by "to every/all/anyone ...".
fn greeting(doc: Doc) -> Option<Span> {
    let words = |from: usize| {
        doc.tokens[from..]
            .iter()
            .enumerate()
            .filter(|(_, t)| !matches!(t.kind, TokenKind::Emoji | TokenKind::Symbol))
            .map(move |(k, t)| (from + k, t))
    };
    let mut it = words(0);
    if let (Some((_, a)), Some((_, b))) = (it.next(), it.next()) {
        if a.kind == TokenKind::Word
            && b.kind == TokenKind::Word
            && GREETINGS.contains_lower(doc.slice(a.span))
        {
            return Some(a.span.union(&b.span));
        }
    }
    for s in doc.sentences {
        let first = doc.tokens.partition_point(|t| t.span.start < s.start);
        let mut it = words(first).take_while(|(_, t)| t.span.start < s.end);
        if let (Some((_, a)), Some((_, b))) = (it.next(), it.next()) {
            if a.kind == TokenKind::Word
                && b.kind == TokenKind::Word
                && doc.slice(a.span).eq_ignore_ascii_case("to")
                && DEDICATED_TO.contains_lower(doc.slice(b.span))
            {
                return Some(a.span.union(&b.span));
            }
        }
    }
    None
}

/// Adds `comments-on-post` when the draft's own words come before a quoted
/// post ("Congrats to the team! RT @dana ..."): it answers someone.
pub(super) fn comments_on_post(doc: Doc, rep: &mut Repeats, out: &mut Vec<Feature>) {
    let mut own_words = false;
    for pair in doc.tokens.windows(2) {
        let (rt, m) = (&pair[0], &pair[1]);
        if rt.kind == TokenKind::Word && m.kind == TokenKind::Mention && doc.slice(rt.span) == "RT"
        {
            if own_words {
                rep.push(out, "comments-on-post", rt.span.union(&m.span), 1.0);
            }
            return;
        }
        own_words |= rt.kind == TokenKind::Word;
    }
}

/// Adds urgency hits for deadlines and limits the lexicon cannot list: a
/// number of places left ("6 tables left", "38 seats remaining"), a close
/// with a date ("ends Monday", "order by June 30", "closes at midnight"), a
/// period and "only" ("this weekend only"), the first so many ("first 20
/// orders"), in a draft that offers something (a price or a sales phrase).
/// An application deadline ("Deadline: January 15") is not pressure to buy.
/// Runs before overlaps are settled: one inside a lexicon phrase is dropped.
pub(crate) fn deadlines(text: &str, tokens: &[Token], hits: &mut Vec<Hit>) {
    // A call to act alone ("Apply by Aug 9") is no offer in a job post or
    // a public notice.
    let live = |s: Signal| {
        hits.iter()
            .any(|h| h.signal == s && h.negator.is_none() && !h.quoted)
    };
    let offer = tokens
        .iter()
        .any(|t| matches!(t.kind, TokenKind::Price | TokenKind::Percentage))
        || live(Signal::Discount)
        || live(Signal::SoftSell)
        || live(Signal::Urgency)
        || (live(Signal::CallToBuy) && !live(Signal::Notice));
    if !offer {
        return;
    }
    let word = |t: &Token| (t.kind == TokenKind::Word).then(|| t.text(text));
    let is = |t: &Token, set: &WordSet| word(t).is_some_and(|w| set.contains_lower(w));
    for (i, t) in tokens.iter().enumerate() {
        // Skip the little words between a keyword and its date ("ends this
        // Sunday", "order by the 20th").
        let next = |from: usize| {
            tokens[from..]
                .iter()
                .enumerate()
                .take(3)
                .find(|(_, n)| !is(n, &FILLER) && n.kind != TokenKind::Punctuation)
                .map(|(k, n)| (from + k, n))
        };
        let found = match t.kind {
            // "6 tables left", "4 dates remaining", "3 left".
            TokenKind::Number => tokens[i + 1..]
                .iter()
                .enumerate()
                .take(2)
                .find(|(_, n)| is(n, &LEFT))
                .map(|(k, _)| i + 1 + k),
            TokenKind::Word => {
                let w = t.text(text);
                if CLOSES.contains_lower(w) {
                    next(i + 1).and_then(|(j, n)| {
                        let date = is(n, &DATES)
                            || (n.kind == TokenKind::Number && !UNTIL.contains_lower(w));
                        date.then_some(j)
                    })
                } else if PERIODS.contains_lower(w) {
                    tokens
                        .get(i + 1)
                        .filter(|n| word(n).is_some_and(|n| n.eq_ignore_ascii_case("only")))
                        .map(|_| i + 1)
                } else if w.eq_ignore_ascii_case("first") {
                    // "the first 20 orders", not "my first 11 courses".
                    tokens
                        .get(i + 1)
                        .filter(|n| n.kind == TokenKind::Number)
                        .and_then(|_| tokens.get(i + 2).filter(|u| is(u, &TAKERS)))
                        .map(|_| i + 2)
                } else {
                    None
                }
            }
            _ => None,
        };
        let Some(last) = found else { continue };
        hits.push(Hit {
            signal: Signal::Urgency,
            strength: 0.8,
            span: t.span.union(&tokens[last].span),
            first_token: i,
            last_token: last,
            negated: false,
            negator: None,
            quoted: false,
        });
    }
}

/// Words that end or limit an offer at a date.
static CLOSES: Lazy<WordSet> = Lazy::new(|| {
    WordSet::new(&[
        "ends", "ending", "closes", "closing", "expires", "until", "til", "till", "thru", "by",
        "before",
    ])
});

/// Of [`CLOSES`], those that also give opening hours ("open until 9"): a
/// bare number after them is a time of day, not a deadline.
static UNTIL: Lazy<WordSet> =
    Lazy::new(|| WordSet::new(&["until", "til", "till", "thru", "by", "before"]));

/// Who or what an offer to "the first 20 ..." is limited to.
static TAKERS: Lazy<WordSet> = Lazy::new(|| {
    WordSet::new(&[
        "customers",
        "orders",
        "buyers",
        "shoppers",
        "callers",
        "guests",
        "people",
        "visitors",
        "registrations",
        "signups",
        "sign-ups",
        "bookings",
        "clients",
        "subscribers",
    ])
});

/// Words between a deadline word and its date.
static FILLER: Lazy<WordSet> =
    Lazy::new(|| WordSet::new(&["the", "this", "next", "on", "at", "end", "of"]));

/// Places or things left.
static LEFT: Lazy<WordSet> = Lazy::new(|| WordSet::new(&["left", "remaining", "remain"]));

/// The days of the week.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The months of the year.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Short forms of the days.
const DAYS_SHORT: [&str; 10] = [
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

/// Short forms of the months.
pub(crate) const MONTHS_SHORT: [&str; 12] = [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Periods an offer can be limited to ("this weekend only").
static PERIODS: Lazy<WordSet> = Lazy::new(|| {
    let periods = [
        "today", "tonight", "weekend", "week", "month", "day", "days", "hours",
    ];
    WordSet::new(&[&periods[..], &WEEKDAYS].concat())
});

/// Days and months a deadline names.
static DATES: Lazy<WordSet> = Lazy::new(|| {
    let days = [
        "midnight", "noon", "tonight", "tomorrow", "today", "weekend",
    ];
    WordSet::new(&[&days[..], &WEEKDAYS, &MONTHS, &DAYS_SHORT, &MONTHS_SHORT].concat())
});

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged;
    use crate::{Context, Linter};

    fn has(text: &str, feature: &str) -> bool {
        Linter::default()
            .features(text, &Context::default())
            .iter()
            .any(|(n, _)| n == feature)
    }

    #[test]
    fn a_greeting_to_a_group_is_a_feature() {
        for text in [
            "Hey neighbours! The park cleanup is on Saturday.",
            "🎉 Calling all makers: the fair is back.",
            "Big week. To every parent who drove to practice at 6am, thank you.",
        ] {
            assert!(has(text, "greets-group"), "{text}");
        }
        for text in [
            "@dana hey, thanks for this",
            "Hey, quick question about the invoice",
            "I went to every game this season.",
        ] {
            assert!(!has(text, "greets-group"), "{text}");
        }
    }

    #[test]
    fn own_words_before_a_quoted_post_answer_it() {
        assert!(has(
            "Congrats to the team! RT @dana We won the cup",
            "comments-on-post"
        ));
        assert!(!has("RT @dana We won the cup", "comments-on-post"));
        assert!(!has(
            "Congrats to the team, rt if you agree",
            "comments-on-post"
        ));
    }

    #[test]
    fn deadlines_and_limits_on_an_offer_are_urgency() {
        assert_eq!(
            flagged("urgency", "Spring tune-ups $49. Book by Friday!"),
            ["by Friday"]
        );
        assert_eq!(
            flagged("urgency", "Tasting menu $120pp. 6 tables left."),
            ["6 tables left"]
        );
        assert_eq!(
            flagged("urgency", "20% off all candles, this weekend only"),
            ["weekend only"]
        );
        assert_eq!(
            flagged(
                "urgency",
                "The first 50 customers get a free tote. Shop now!"
            ),
            ["first 50 customers"]
        );
    }

    #[test]
    fn dates_without_an_offer_are_not_urgency() {
        for text in [
            "My vacation ends Monday and I am not ready.",
            "We're hiring a line cook. Apply by Aug 9 at the front desk.",
            "I made $0 from my first 11 courses.",
            "Open until 9 tonight, $5 pints.",
            "3 days left of school!",
        ] {
            assert!(flagged("urgency", text).is_empty(), "{text}");
        }
    }
}
