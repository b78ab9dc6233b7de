//! Structural signals that single lexicon phrases cannot list.
//!
//! - Whom the draft addresses: an opening that greets a group ("Hey
//!   neighbours!", "To every nurse...") puts the audience at the centre
//!   (`identity_reflecting`, DIMENSIONS.md).
//! - Whom it answers: the draft's own words before a quoted post ("Congrats
//!   to the team! RT @dana ...", or "MT @dana") reply to someone.
//! - Deadlines and limits on an offer ("ends Monday", "6 tables left"),
//!   as `urgency` hits the rule and the model read like lexicon ones.
//!
//! These read the tokens and hits the extractor already has: no pass of
//! their own over the text, no allocation.

use crate::lazy::Lazy;

use super::{ids::named, Doc, Feature, Repeats};
use crate::lexicon::{Hit, Signal};
use crate::report::Span;
use crate::text::{self, lower_ends_with, WordSet};
use crate::tokenizer::{Token, TokenKind};

/// Adds `greets-group` when the draft opens by greeting a group ("Hey
/// neighbours!", "Calling all makers") or a sentence dedicates itself to
/// people ("To every nurse who...").
pub(super) fn audience(doc: Doc, rep: &mut Repeats, out: &mut Vec<Feature>) {
    if let Some(span) = greeting(doc) {
        rep.push(out, named!("greets-group"), span, 1.0);
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
pub(crate) const DEDICATED_WORDS: [&str; 9] = [
    "every",
    "everyone",
    "everybody",
    "all",
    "anyone",
    "anybody",
    "those",
    "each",
    "whoever",
];
static DEDICATED_TO: Lazy<WordSet> = Lazy::new(|| WordSet::new(&DEDICATED_WORDS));

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
    if let (Some((i, a)), Some((_, b))) = (it.next(), it.next()) {
        if a.kind == TokenKind::Word && b.kind == TokenKind::Word && doc.is_in(i, &GREETINGS) {
            return Some(a.span.union(&b.span));
        }
    }
    // A sentence opened by "to every ...": only when the draft has both
    // words (the walk's keys say so).
    let to_every = crate::words::TRIGGER_TO | crate::words::TRIGGER_DEDICATED;
    if doc.triggers & to_every != to_every {
        return None;
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
/// post ("Congrats to the team! RT @dana ...", or "MT @dana ...", a quoted
/// post the quoter shortened): it answers someone.
pub(super) fn comments_on_post(doc: Doc, rep: &mut Repeats, out: &mut Vec<Feature>) {
    // Most drafts hold no "RT" at all: a byte search says so.
    let b = doc.text.as_bytes();
    let mut from = 0;
    loop {
        match memchr::memchr2(b'R', b'M', &b[from..]) {
            Some(k) if b.get(from + k + 1) == Some(&b'T') => break,
            Some(k) => from += k + 1,
            None => return,
        }
    }
    let mut own_words = false;
    for pair in doc.tokens.windows(2) {
        let (rt, m) = (&pair[0], &pair[1]);
        if rt.kind == TokenKind::Word
            && m.kind == TokenKind::Mention
            && matches!(doc.slice(rt.span), "RT" | "MT")
        {
            if own_words {
                rep.push(out, named!("comments-on-post"), rt.span.union(&m.span), 1.0);
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
pub(crate) fn deadlines(doc: Doc, hits: &mut Vec<Hit>) {
    let (text, tokens) = (doc.text, doc.tokens);
    // A call to act alone ("Apply by Aug 9") is no offer in a job post or
    // a public notice.
    // The signals with a live hit (no negator, not quoted), as bits: one
    // pass over the hits for all the questions below.
    let live_bits = hits
        .iter()
        .filter(|h| h.negator.is_none() && !h.quoted)
        .fold(0u64, |bits, h| bits | 1 << (h.signal as u32 % 64));
    let live = |s: Signal| live_bits & 1 << (s as u32 % 64) != 0;
    // (A loop that reads every kind without a branch: most drafts have
    // neither, and an early-exit search cost more.)
    let priced = tokens.iter().fold(false, |p, t| {
        p | matches!(t.kind, TokenKind::Price | TokenKind::Percentage)
    });
    let offer = priced
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
                if doc.is_in(i, &CLOSES) {
                    next(i + 1).and_then(|(j, n)| {
                        let date = is(n, &DATES)
                            || (n.kind == TokenKind::Number && !UNTIL.contains_lower(w));
                        date.then_some(j)
                    })
                } else if doc.is_in(i, &PERIODS) {
                    tokens
                        .get(i + 1)
                        .filter(|n| word(n).is_some_and(|n| n.eq_ignore_ascii_case("only")))
                        .map(|_| i + 1)
                } else if w.eq_ignore_ascii_case("only") || w.eq_ignore_ascii_case("just") {
                    // "only 150 made", "only 12 a day", "only this week",
                    // "only until the batch runs out".
                    tokens.get(i + 1).and_then(|n| {
                        // A count of a few digits, not a year or a decade.
                        let count = n.kind == TokenKind::Number
                            && (1..=3).contains(&n.text(text).len())
                            && n.text(text).bytes().all(|b| b.is_ascii_digit());
                        let limit = count || (w.eq_ignore_ascii_case("only") && is(n, &SOON));
                        limit.then_some(i + 1)
                    })
                } else if w.eq_ignore_ascii_case("limited") {
                    // "limited spots", "limited dates", "limited edition".
                    tokens
                        .get(i + 1)
                        .filter(|n| n.kind == TokenKind::Word && !is(n, &NOT_LIMITED))
                        .map(|_| i + 1)
                } else if doc.is_in(i, &SELL_OUT) {
                    // "they go fast", "fills up quickly", "we will sell out".
                    let particle = tokens.get(i + 1).filter(|n| is(n, &UP)).map(|_| i + 1);
                    let after = particle.map_or(i + 1, |p| p + 1);
                    if tokens.get(after).is_some_and(|n| is(n, &FAST)) {
                        Some(after)
                    } else {
                        let sells = w.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("sell"));
                        particle.filter(|&p| {
                            sells && word(&tokens[p]).is_some_and(|x| x.eq_ignore_ascii_case("out"))
                        })
                    }
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

/// Adds a call to buy for a texting short code: "text WIN to 80082",
/// "reply STOP to 87239", "send HELP to 2345", a keyword texted to a number
/// of four to six digits, as subscription and prize services ask.
/// Runs before overlaps are settled: one inside a lexicon phrase is dropped.
pub(crate) fn short_codes(text: &str, tokens: &[Token], hits: &mut Vec<Hit>) {
    // From the code back to its verb: numbers are few, words many.
    for (last, n) in tokens.iter().enumerate() {
        if n.kind != TokenKind::Number
            || !(4..=6).contains(&n.span.len())
            || last < 2
            || !n.text(text).bytes().all(|b| b.is_ascii_digit())
        {
            continue;
        }
        let word = |k: usize| {
            let t = &tokens[k];
            (t.kind == TokenKind::Word).then(|| t.text(text))
        };
        if !word(last - 1).is_some_and(|w| w.eq_ignore_ascii_case("to")) {
            continue;
        }
        // The verb, then a keyword or none: "text WIN to", "send to".
        let verb = |k: usize| word(k).is_some_and(|w| TEXTING.contains_lower(w));
        let first = if verb(last - 2) {
            last - 2
        } else if last >= 3 && word(last - 2).is_some() && verb(last - 3) {
            last - 3
        } else {
            continue;
        };
        hits.push(Hit {
            signal: Signal::CallToBuy,
            strength: 0.9,
            span: tokens[first].span.union(&n.span),
            first_token: first,
            last_token: last,
            negated: false,
            negator: None,
            quoted: false,
        });
    }
}

/// Verbs that send a text message.
static TEXTING: Lazy<WordSet> =
    Lazy::new(|| WordSet::new(&["text", "txt", "send", "reply", "sms", "texting"]));

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

/// Words after "only" that limit an offer in time ("only this week",
/// "only until Friday", "only today").
static SOON: Lazy<WordSet> =
    Lazy::new(|| WordSet::new(&["this", "today", "tonight", "until", "till", "til", "while"]));

/// Words after "limited" that say how, not what ("limited to members").
static NOT_LIMITED: Lazy<WordSet> = Lazy::new(|| {
    WordSet::new(&[
        "to", "by", "for", "in", "and", "or", "at", "of", "with", "only",
    ])
});

/// Verbs of stock or places running out ("go fast", "sell out", "fill up").
static SELL_OUT: Lazy<WordSet> = Lazy::new(|| {
    WordSet::new(&[
        "go", "goes", "going", "sell", "sells", "fill", "fills", "book", "books",
    ])
});

/// Particles after [`SELL_OUT`] verbs ("sell out", "fill up").
static UP: Lazy<WordSet> = Lazy::new(|| WordSet::new(&["up", "out"]));

/// How fast they run out.
static FAST: Lazy<WordSet> = Lazy::new(|| WordSet::new(&["fast", "quickly", "quick"]));

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

/// Adds `invites-readers` for a sentence opened by a verb that asks readers
/// to show or tell something of their own ("Show us your garden", "Tell us
/// in the comments", "Tag someone who...").
pub(super) fn invitations(doc: Doc, rep: &mut Repeats, out: &mut Vec<Feature>) {
    // No word of the draft is an inviting verb (the walk's keys say so).
    if doc.triggers & crate::words::TRIGGER_INVITING == 0 {
        return;
    }
    for s in doc.sentences {
        let Some(i) = doc.sentence_range(*s).find(|&i| {
            !matches!(
                doc.tokens[i].kind,
                TokenKind::Emoji | TokenKind::Symbol | TokenKind::Punctuation
            )
        }) else {
            continue;
        };
        let t = &doc.tokens[i];
        if t.kind == TokenKind::Word && doc.is_in(i, &INVITING_VERBS) {
            rep.push(out, named!("invites-readers"), t.span, 1.0);
        }
    }
}

/// Verbs that, opening a sentence, invite readers to show or tell
/// something of their own.
pub(crate) const INVITING_WORDS: [&str; 11] = [
    "tell",
    "show",
    "share",
    "tag",
    "comment",
    "nominate",
    "submit",
    "send",
    "drop",
    "introduce",
    "celebrate",
];
static INVITING_VERBS: Lazy<WordSet> = Lazy::new(|| WordSet::new(&INVITING_WORDS));

/// "you" and "y'all", packed as the word walk keys them.
pub(crate) const YOU: [u128; 2] = text::pack_all(["you", "y'all"]);

/// Adds `credits-readers` where "you" is the subject of something done in
/// the past ("you showed up", "you raised $4,000", "you made this year"):
/// the audience credited, at the centre of the post.
pub(super) fn credits_readers(doc: Doc, rep: &mut Repeats, out: &mut Vec<Feature>) {
    // No word of the draft is "you" (the walk's keys say so): nothing to find.
    if doc.triggers & crate::words::TRIGGER_YOU == 0 {
        return;
    }
    let words = |from: usize| {
        doc.tokens[from..]
            .iter()
            .filter(|t| !matches!(t.kind, TokenKind::Emoji | TokenKind::Symbol))
    };
    let mut prev: Option<&Token> = None;
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.kind != TokenKind::Word {
            if !matches!(t.kind, TokenKind::Emoji | TokenKind::Symbol) {
                prev = None;
            }
            continue;
        }
        let here = prev.replace(t);
        // By the walk's key where it made one (any ASCII word "you" has
        // one), else by the text.
        let you = match doc.keys.get(i) {
            Some(&key) => key == YOU[0] || key == YOU[1],
            None => {
                let w = doc.slice(t.span);
                w.eq_ignore_ascii_case("you") || w.eq_ignore_ascii_case("y'all")
            }
        };
        if !you {
            continue;
        }
        // "thank you", "did you", "if you", "have you": not a credit.
        if here.is_some_and(|p| NOT_CREDITING.contains_lower(doc.slice(p.span))) {
            continue;
        }
        let Some(v) = words(i + 1).next().filter(|v| v.kind == TokenKind::Word) else {
            continue;
        };
        let verb = doc.slice(v.span);
        let past =
            (verb.len() > 4 && lower_ends_with(verb, "ed")) || PAST_VERBS.contains_lower(verb);
        if past {
            rep.push(out, named!("credits-readers"), t.span.union(&v.span), 1.0);
        }
    }
}

/// Words before "you" that make it no credit.
static NOT_CREDITING: Lazy<WordSet> = Lazy::new(|| {
    WordSet::new(&[
        "thank", "did", "have", "had", "if", "when", "once", "before", "after", "unless",
        "whether", "until", "as", "could", "would", "should", "can", "will", "were", "are",
    ])
});

/// Irregular past tenses of doing, giving and coming.
static PAST_VERBS: Lazy<WordSet> = Lazy::new(|| {
    WordSet::new(&[
        "made", "gave", "came", "built", "brought", "kept", "won", "ran", "grew", "took", "found",
        "sent", "wrote", "sang", "did", "went", "stood", "fought", "helped", "showed", "raised",
        "turned", "became", "put", "got", "spent", "taught", "told", "held",
    ])
});

/// Adds `please-request` where "please" opens a request to the reader: it
/// opens its sentence ("Please RT", "Can you please ...") or comes right
/// before a verb asking for an answer ("... so please let me know", "please
/// share"). A "please" elsewhere ("pleased", "as you please") is no request.
pub(super) fn requests(doc: Doc, rep: &mut Repeats, out: &mut Vec<Feature>) {
    // No word of the draft is a "please" (the walk's keys say so).
    if doc.triggers & crate::words::TRIGGER_PLEASE == 0 {
        return;
    }
    for (i, t) in doc.tokens.iter().enumerate() {
        // The set turns most words away on their first byte and length.
        if t.kind != TokenKind::Word || !doc.is_in(i, &PLEASE) {
            continue;
        }
        let next = doc.tokens[i + 1..]
            .iter()
            .find(|n| !matches!(n.kind, TokenKind::Emoji | TokenKind::Symbol));
        let answers = next.is_some_and(|n| {
            n.kind == TokenKind::Word && ANSWER_VERBS.contains_lower(doc.slice(n.span))
        });
        if answers || opens_request(doc, i) {
            let span = match next.filter(|n| n.kind == TokenKind::Word) {
                Some(n) => t.span.union(&n.span),
                None => t.span,
            };
            rep.push(out, named!("please-request"), span, 1.0);
        }
    }
}

/// True when word token `i` opens its sentence, or follows whom a request
/// is put to ("can you please", "could someone please").
fn opens_request(doc: Doc, i: usize) -> bool {
    let start = doc.sentence_at(doc.tokens[i].span.start).start;
    let mut before = doc.tokens[..i]
        .iter()
        .rev()
        .take_while(|t| t.span.start >= start)
        .filter(|t| t.is_wordlike());
    let Some(p) = before.next() else {
        return true;
    };
    let word = |t: &Token| (t.kind == TokenKind::Word).then(|| doc.slice(t.span));
    let Some(asked) = word(p) else {
        return false;
    };
    // "anyone please" asks on its own; "you" only after a modal ("can you
    // please", not "as you please").
    ASKED.contains_lower(asked)
        || (text::lower_is_one_of(asked, &["you", "u", "ya"])
            && before
                .next()
                .and_then(word)
                .is_some_and(|w| MODALS.contains_lower(w)))
}

/// Modals that turn "you please" into a request ("could you please").
static MODALS: Lazy<WordSet> =
    Lazy::new(|| WordSet::new(&["can", "could", "would", "will", "won't", "wont", "might"]));

/// Whom a request is put to, right before "please" ("you" aside: it needs
/// a modal before it).
static ASKED: Lazy<WordSet> = Lazy::new(|| {
    WordSet::new(&[
        "someone", "somebody", "anyone", "anybody", "y'all", "yall", "guys", "everyone", "folks",
    ])
});

/// "Please" as people type it.
pub(crate) const PLEASE_WORDS: [&str; 4] = ["please", "pls", "plz", "plse"];
static PLEASE: Lazy<WordSet> = Lazy::new(|| WordSet::new(&PLEASE_WORDS));

/// Verbs after "please" that ask the reader for an answer or a hand.
static ANSWER_VERBS: Lazy<WordSet> = Lazy::new(|| {
    WordSet::new(&[
        "let",
        "share",
        "reply",
        "rsvp",
        "tell",
        "send",
        "help",
        "answer",
        "comment",
        "advise",
        "respond",
        "explain",
        "recommend",
        "suggest",
        "confirm",
        "retweet",
        "rt",
        "spread",
        "pray",
        "dm",
        "message",
        "email",
        "call",
        "text",
        "vote",
        "sign",
    ])
});

// Whose people a community word names: the author's own are no audience.

/// True when the words before token `first` make the phrase there the
/// author's own people or self: "my", "his" or "her" ("my parents"), or
/// "I was a", "I'm a" ("I'm a local"). (Not inlined into the extractor's
/// loop in the WebAssembly module: inlined, the module grew 600 gzip bytes.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(crate) fn owns_phrase(doc: Doc, first: usize) -> bool {
    let mut before = doc.tokens[..first]
        .iter()
        .rev()
        .take_while(|t| t.kind != TokenKind::LineBreak)
        .filter(|t| !matches!(t.kind, TokenKind::Emoji | TokenKind::Symbol))
        .map(|t| (t.kind == TokenKind::Word).then(|| doc.slice(t.span)));
    match before.next().flatten() {
        Some(w) if text::lower_is_one_of(w, &["my", "his", "her"]) => true,
        Some(w) if text::lower_is_one_of(w, &["a", "an"]) => before
            .next()
            .flatten()
            .is_some_and(|w| text::lower_is_one_of(w, &["i'm", "i\u{2019}m", "im", "was", "am"])),
        _ => false,
    }
}

// Rates a price is quoted at: pay for work, or a price per item.

/// Adds `pay-rate` for a price quoted as pay for work ("$32/hr", "$90k
/// base", "$40,000 a year": a job post, which sells nothing) and
/// `unit-price` for one quoted per item, person or period ("$5 each",
/// "€35 pp", "$8/slice", "£15/month": a price list, which does). Only the
/// token or two after each price are read. (`maybe`: false only when no
/// token is a price.)
#[inline(never)]
pub(super) fn rates(doc: Doc, maybe: bool, rep: &mut Repeats, out: &mut Vec<Feature>) {
    if !maybe {
        return;
    }
    let toks = doc.tokens;
    // The text and span of word token `k`, if it is a word.
    let word = |k: usize| {
        toks.get(k)
            .filter(|n| n.kind == TokenKind::Word)
            .map(|n| (doc.slice(n.span), n.span))
    };
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Price {
            continue;
        }
        let large = is_large_amount(doc.slice(t.span));
        // A range of two large amounts ("$120,000–$140,000", "€48,000 to
        // €56,000"): a salary band, not a price list.
        let band = if large { large_range_end(doc, i) } else { None };
        let slash = toks
            .get(i + 1)
            .is_some_and(|n| n.kind == TokenKind::Punctuation && doc.slice(n.span) == "/");
        // (Whether the rate is pay, and where it ends.)
        let rate = match (slash, word(i + 1)) {
            _ if band.is_some() => band.map(|end| (true, toks[end].span)),
            // "$8/slice", "$32/hr"; a large amount a year or a month
            // ("$61,500/yr") is a salary, not a subscription.
            (true, _) => word(i + 2).map(|(u, end)| (is_pay_unit(u, large), end)),
            (false, Some((w, end))) if text::lower_is_one_of(w, &["base", "hourly", "salary"]) => {
                Some((true, end))
            }
            (false, Some((w, end))) if text::lower_is_one_of(w, &["each", "ea", "pp", "pax"]) => {
                Some((false, end))
            }
            // "$20 per person", "$30 per hour", "$40,000 a year"; "a"
            // only before a length of time worked ("$3 a slice" reads
            // either way).
            (false, Some((w, _))) if text::lower_is_one_of(w, &["per", "a", "an"]) => word(i + 2)
                .and_then(|(u, end)| {
                    let time = is_pay_unit(u, large);
                    (time || w.eq_ignore_ascii_case("per")).then_some((time, end))
                }),
            _ => None,
        };
        // Pay for work first; then a price the writer paid ("paid $6 for",
        // "spent £40 on": a customer's story, not an offer); then a price
        // per item.
        let (name, span) = match (rate, payer_before(doc, i)) {
            (Some((true, end)), _) => (named!("pay-rate"), t.span.union(&end)),
            (_, Some(k)) => (named!("paid-price"), toks[k].span.union(&t.span)),
            (Some((false, end)), None) => (named!("unit-price"), t.span.union(&end)),
            (None, None) => continue,
        };
        rep.push(out, name, span, 1.0);
    }
}

/// Verbs of paying: before a price in its sentence, the writer (or someone)
/// paid it.
const PAYING: &[&str] = &[
    "paid", "paying", "spent", "spend", "spending", "bought", "charged", "saved", "wasted",
];

/// Words a paying verb may stand before its price ("paid over $5 for").
const PAYER_REACH: usize = 8;

/// The index of a verb of paying up to [`PAYER_REACH`] tokens before the
/// price at token `i`, in its sentence.
fn payer_before(doc: Doc, i: usize) -> Option<usize> {
    let from = i.saturating_sub(PAYER_REACH);
    for k in (from..i).rev() {
        if crate::normalize::ends_sentence(doc.text, doc.tokens, k) {
            return None;
        }
        let t = &doc.tokens[k];
        if t.kind == TokenKind::Word && text::lower_is_one_of(doc.slice(t.span), PAYING) {
            return Some(k);
        }
    }
    None
}

/// True for an amount of 10,000 or more ("$70,000", "$90k", "£1.2M"): pay,
/// funding or revenue, seldom what a post sells. Read from the digits
/// before any decimal point and a multiplier at the end.
fn is_large_amount(price: &str) -> bool {
    let b = price.as_bytes();
    let digits = b
        .iter()
        .take_while(|&&c| c != b'.')
        .filter(|c| c.is_ascii_digit())
        .count();
    match b.last() {
        Some(b'k' | b'K') => digits >= 2,
        Some(b'm' | b'M' | b'b' | b'B') => true,
        _ => digits >= 5,
    }
}

/// A unit a price is paid per when it is pay for work: an hour, or, for a
/// large amount, a year or a month ("$61,500/yr"; "$90/yr" is a membership).
#[inline(never)]
fn is_pay_unit(u: &str, large: bool) -> bool {
    text::lower_is_one_of(u, &["hr", "hrs", "hour", "h"])
        || (large && text::lower_is_one_of(u, &["year", "yr", "annum", "month", "mo"]))
}

/// If the price at token `i` opens a range that ends on a second large
/// amount ("–", "-", "—" or "to" between them), the second one's index.
fn large_range_end(doc: Doc, i: usize) -> Option<usize> {
    let (link, end) = (doc.tokens.get(i + 1)?, doc.tokens.get(i + 2)?);
    let joins = matches!(doc.slice(link.span), "-" | "–" | "—" | "to" | "TO");
    (joins && end.kind == TokenKind::Price && is_large_amount(doc.slice(end.span))).then_some(i + 2)
}

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

    /// `feature` is among the features of every `yes` draft and of no `no`
    /// draft.
    fn found_in_exactly(feature: &str, yes: &[&str], no: &[&str]) {
        for text in yes {
            assert!(has(text, feature), "{feature} missing: {text}");
        }
        for text in no {
            assert!(!has(text, feature), "{feature} found: {text}");
        }
    }

    #[test]
    fn a_greeting_to_a_group_is_a_feature() {
        found_in_exactly(
            "greets-group",
            &[
                "Hey neighbours! The park cleanup is on Saturday.",
                "🎉 Calling all makers: the fair is back.",
                "Big week. To every parent who drove to practice at 6am, thank you.",
            ],
            &[
                "@dana hey, thanks for this",
                "Hey, quick question about the invoice",
                "I went to every game this season.",
            ],
        );
    }

    #[test]
    fn own_words_before_a_quoted_post_answer_it() {
        assert!(has(
            "Congrats to the team! RT @dana We won the cup",
            "comments-on-post"
        ));
        assert!(!has("RT @dana We won the cup", "comments-on-post"));
        // "MT": a quoted post the quoter shortened.
        assert!(has(
            "What a lovely shot, thank you! MT @dana Our crew planted six oaks",
            "comments-on-post"
        ));
        assert!(!has(
            "MT @dana Our crew planted six oaks",
            "comments-on-post"
        ));
        assert!(!has("Meet the crew at 5 MT", "comments-on-post"));
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
        for (text, span) in [
            ("Linen scarves, $30. Only 40 made.", "Only 40"),
            (
                "Soup of the day $7, only until the pot is empty",
                "only until",
            ),
            (
                "Portrait sessions from $90, limited slots.",
                "limited slots",
            ),
            ("Peach pie $18 a slice. These go fast!", "go fast"),
            (
                "Workshop seats $25; they fill up quickly",
                "fill up quickly",
            ),
            (
                "Tickets $12 at the door, and we usually sell out.",
                "sell out",
            ),
        ] {
            assert_eq!(flagged("urgency", text), [span], "{text}");
        }
    }

    #[test]
    fn dates_without_an_offer_are_not_urgency() {
        for text in [
            "My vacation ends Monday and I am not ready.",
            "We're hiring a line cook. Apply by Aug 9 at the front desk.",
            "I earned $0 from my first 3 podcasts.",
            "Open until 9 tonight, $5 pints.",
            "3 days left of school!",
            "Books $5 each, sorted only 1990s paperbacks.",
            "Classes $40, limited to members.",
            "Lamps $60. We go out on Sundays.",
        ] {
            assert!(flagged("urgency", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_invitation_to_show_or_tell_is_a_feature() {
        found_in_exactly(
            "invites-readers",
            &[
                "Show us your balcony tomato plants!",
                "🌷 Tell us which teacher changed your life.",
                "Big day. Tag a neighbour who keeps the street tidy.",
            ],
            &["We will show the film at 8.", "Our tell-all memoir is out."],
        );
    }

    #[test]
    fn a_texting_short_code_is_a_call_to_buy() {
        found_in_exactly(
            "call-to-buy",
            &[
                "Quiz night! Text QUIZ to 80123 for entry",
                "New ringtones weekly, txt TONES to 8888",
                "Want the list? Send to 54321 now",
            ],
            &[
                "I will text you to 5 ideas",
                "We sent them to 2019 players",
                "Reply to 3 emails before lunch",
            ],
        );
    }

    #[test]
    fn readers_credited_with_a_deed_are_a_feature() {
        found_in_exactly(
            "credits-readers",
            &[
                "Last spring you planted 300 trees along the river.",
                "Thanks to all of you: you raised enough for a new roof.",
                "Y'all made this the best fair yet.",
            ],
            &[
                "If you ordered before Monday, check your inbox.",
                "Have you tried the new menu?",
                "You need a ticket.",
            ],
        );
    }

    #[test]
    fn please_opening_a_request_is_a_feature() {
        found_in_exactly(
            "please-request",
            &[
                "Please RT, the shelter needs foster homes.",
                "Our van broke down. Can you please share this?",
                "If the bus is late again, please let me know.",
                "Anyone please tell me the ferry runs on Sundays.",
            ],
            &[
                "I was so pleased with the turnout.",
                "Come as you please, the door is open.",
                "Everyone said please and thank you all night.",
            ],
        );
    }

    #[test]
    fn community_words_for_the_authors_own_people_are_no_feature() {
        found_in_exactly(
            "community",
            &[
                "Proud of our neighbours for the clean-up today.",
                "Every parent knows this feeling.",
                "If you're a first-time buyer, start here.",
            ],
            &[
                "Happy anniversary to my parents, married forty years today.",
                "Dinner at her parents tonight.",
                "I was a first-generation student with no idea how any of it worked.",
            ],
        );
    }

    #[test]
    fn a_price_the_writer_paid_is_a_feature() {
        found_in_exactly(
            "paid-price",
            &[
                "I paid $12 for a sandwich at the airport.",
                "Spent about £40 on plants again.",
                "We bought the older model for $80 last spring.",
            ],
            &[
                "Sandwiches $12 at the counter.",
                "I paid for lunch. Salads are $9 today.",
                "Save $20 on every order this week.",
            ],
        );
    }

    #[test]
    fn pay_for_work_and_a_price_per_item_are_features() {
        found_in_exactly(
            "pay-rate",
            &[
                "Now hiring a line cook, $21/hr plus tips.",
                "Senior designer, $120k base, remote.",
                "The assistant role pays $45,000 a year.",
                "Tutors earn $30 per hour.",
                "Data analyst, pay $58,000 to $66,000, hybrid.",
                "Band: £41k–£47k plus pension.",
                "Starting pay is $52,500/yr for this post.",
            ],
            &[
                "Scones are $4 each today.",
                "I paid $30 for an hour of parking.",
                "Dinner was $60 and an hour late.",
            ],
        );
        found_in_exactly(
            "unit-price",
            &[
                "Scones are $4 each today.",
                "Fresh peaches, $6/basket.",
                "Tasting menu €80 pp, book ahead.",
                "Tickets $20 per person at the door.",
                "Plans from £12/month.",
                "Season passes $90/yr for members.",
            ],
            &[
                "Now hiring a line cook, $21/hr plus tips.",
                "I paid $30 for an hour of parking.",
                "Lunch was $14 a head, which was fair.",
                "It costs $5.",
            ],
        );
    }
}
