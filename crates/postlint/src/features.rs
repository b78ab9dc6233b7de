//! Fourth stage of the pipeline: lexicon hits and token structure to
//! features, each with the span that shows it.
//!
//! A [`Feature`] names a signal ("call-to-buy", "price", "question"), where
//! it is, and how strongly it is present: the phrase's strength, lowered in
//! quotation marks and for repeats (the k-th repeat of a signal counts
//! `decay^k`: the fifth "I" says less than the first). The model
//! ([`crate::model`]) turns features into weighted evidence; the rules read
//! the same hits, counts and sentences.
//!
//! Context is settled here, before weighting: a commercial phrase after a
//! negation ("not sponsored", "no promo codes") is dropped; inside quotation
//! marks it counts for less; thanks that name no one count for less.

pub(crate) mod ids;
pub(crate) mod signals;
pub(crate) mod stock;

use ids::{named, Named};

use crate::lazy::Lazy;

use crate::lexicon::{Hit, Matches, Signal};
use crate::normalize::sentence_at;
use crate::report::Span;
use crate::text::{is_sentence_end, lower_ends_with, lower_is_one_of, lower_word, WordSet};
use crate::tokenizer::{Token, TokenKind};

/// One feature occurrence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Feature {
    /// The feature's name (a lexicon signal's or a structural feature's)
    /// by its dense id: the model indexes its weights by the id, evidence
    /// shows the name ([`Feature::name`]).
    pub named: Named,
    /// Where the draft shows it.
    pub span: Span,
    /// How strongly: strength × context × repeat decay.
    pub value: f64,
    /// For a learned word (named `"word"`; its evidence is named
    /// `word:<w>`), its index in the model's word list.
    pub word: u32,
}

impl Feature {
    /// The feature's stable name, as shown in evidence.
    pub fn name(&self) -> &'static str {
        self.named.name()
    }
}

/// Gives the index of a learned word (lower-cased), if the model knows it.
pub(crate) type WordIds<'a> = &'a dyn Fn(&str) -> Option<u32>;

/// A draft's learned words: already found (`crate::words`), or to look up
/// word by word.
#[derive(Clone, Copy)]
pub(crate) enum Learned<'a> {
    /// `(token, index)` of each learned word in draft order.
    Found(&'a [(usize, usize)]),
    Lookup(WordIds<'a>),
}

/// `Feature::word` of a feature that is not a learned word.
pub(crate) const NOT_A_WORD: u32 = u32::MAX;

/// How much each repeat of a signal still counts: the k-th repeat weighs
/// `decay^k` of the first.
fn decay(named: Named) -> f64 {
    if named == named!("second-person") {
        0.85
    } else if named == named!("first-person") || named == named!("community") {
        0.75
    } else {
        0.6
    }
}

/// The draft as the feature extractor and the rules see it.
#[derive(Clone, Copy)]
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [Span],
    /// The word walk's lower-cased key of each token (`crate::words`;
    /// zero where it made none): word sets look words up by it, so no
    /// word is lower-cased twice.
    pub keys: &'a [u128],
    /// The trigger bits of the draft's words (`crate::words::TRIGGER_WORDS`):
    /// a pass that looks for a word no word of the draft has is skipped.
    pub triggers: u8,
}

/// Hits after the user's allow list, everyday phrases, imperative openers,
/// overlaps and negations are settled, sorted by span.
pub(crate) struct Settled {
    pub hits: Vec<Hit>,
    /// Spans the user's allow list covers.
    pub allowed: SpanSet,
}

/// Settles raw lexicon matches into the hits that count.
pub(crate) fn settle(doc: Doc, m: &mut Matches) -> Settled {
    let mut hits = std::mem::take(&mut m.hits);
    let allowed = SpanSet::new(
        hits.iter()
            .filter(|h| h.signal == Signal::Allowed)
            .map(|h| h.span),
    );
    hits.retain(|h| h.signal != Signal::Allowed && !allowed.overlaps(&h.span));
    // Commercial words inside everyday phrases ("feel free") do not count.
    let neutral = SpanSet::new(
        hits.iter()
            .filter(|h| h.signal == Signal::Neutral)
            .map(|h| h.span),
    );
    hits.retain(|h| {
        h.signal != Signal::Neutral && !(h.signal.is_commercial() && neutral.contains(&h.span))
    });
    imperative_calls(doc, &mut hits);
    signals::deadlines(doc, &mut hits);
    signals::short_codes(doc.text, doc.tokens, &mut hits);
    drop_contained(&mut hits);
    resolve_negation(&mut hits);
    crate::sort::sort_by_key(&mut hits, |h| (h.span.start, h.span.end));
    Settled { hits, allowed }
}

/// Counts the k-th repeat of each feature name, by its id: one counter
/// per listed name (`ids::NAMES`), on the stack.
struct Repeats {
    seen: [i32; ids::NAMES.len()],
}

impl Default for Repeats {
    fn default() -> Self {
        Self {
            seen: [0; ids::NAMES.len()],
        }
    }
}

impl Repeats {
    fn push(&mut self, out: &mut Vec<Feature>, named: Named, span: Span, value: f64) {
        if value == 0.0 {
            return;
        }
        // (Every `Named` is a listed name: its counter is there.)
        let k = match self.seen.get_mut(usize::from(named.id())) {
            Some(count) => {
                *count += 1;
                *count - 1
            }
            None => 0,
        };
        out.push(Feature {
            named,
            span,
            // A first occurrence counts in full (`decay^0` is exactly 1).
            value: if k == 0 {
                value
            } else {
                value * decay(named).powi(k)
            },
            word: NOT_A_WORD,
        });
    }
}

/// What the caller knows about a draft beyond its text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The draft answers someone (a reply or a comment): it is judged as a
    /// reply, conversational unless it is a stock phrase, and
    /// `missed-conversation` never fires on it.
    pub reply: bool,
}

impl Context {
    /// The context of a reply or comment.
    pub const fn reply() -> Self {
        Self { reply: true }
    }
}

/// Structural features that read English (capitalisation conventions,
/// English diary verbs and limit words): they stand down on a draft in
/// another language, like single lexicon words and learned words. Links,
/// prices, mentions, emoji, question marks and English phrases of two words
/// or more ("shop now" in a Spanish post) still count.
fn is_english_only(name: &str) -> bool {
    matches!(
        name,
        "diary-style"
            | "lowercase-voice"
            | "spoken-opener"
            | "capitals"
            | "long-first-person"
            | "offer-with-limit"
            | "invites-readers"
            | "credits-readers"
            | "please-request"
    )
}

/// Commercial signals strong enough, with a second one or a price, to make
/// the draft a pitch.
fn is_strong_sell(h: &Hit) -> bool {
    h.signal.is_commercial()
        && !h.negated
        && !h.quoted
        && h.strength >= 0.75
        && matches!(
            h.signal,
            Signal::CallToBuy
                | Signal::Urgency
                | Signal::Discount
                | Signal::EngagementBait
                | Signal::Sponsored
                | Signal::SoftSell
        )
}

/// Every feature of a draft, in a fixed order: lexicon hits, brand names,
/// token structure, the draft's opening, mentions, whole-draft features,
/// then questions.
pub(crate) fn extract(
    doc: Doc,
    settled: &Settled,
    brand_hits: &[Hit],
    ctx: Context,
    foreign: bool,
    learned: Learned,
    mut out: Vec<Feature>,
) -> (Vec<Feature>, Stats) {
    // The token counts the rules read, made by the passes below.
    let mut stats = Stats::default();
    let (hits, allowed) = (settled.hits.as_slice(), &settled.allowed);
    out.clear();
    out.reserve(32);
    let mut rep = Repeats::default();
    // One pass for two questions: money named (a price or a phone number),
    // and an amount an offer can name (a price or a percentage).
    let (mut money, mut priced) = (false, false);
    for t in doc.tokens {
        money |= matches!(t.kind, TokenKind::Price | TokenKind::Phone);
        priced |= matches!(t.kind, TokenKind::Price | TokenKind::Percentage);
    }
    // A pitch: two strong sales phrases, or one and a price. Its questions
    // are hooks ("Sick of dropped calls? Switch today!") and its "you" is a
    // customer, so they count as features of their own.
    let pitch = hits.iter().filter(|h| is_strong_sell(h)).take(2).count() + usize::from(money) >= 2;
    for h in hits {
        if (h.negated && h.signal.is_commercial()) || (foreign && h.first_token == h.last_token) {
            continue;
        }
        // A pitch's opener only counts when it opens a question ("Tired
        // of ...?"), not in the middle of one ("what makes you want to").
        if h.signal == Signal::Rhetorical
            && (!is_question(doc.slice(doc.sentence_end_punct(h.span.start)))
                || !doc.opens_sentence(h.first_token))
        {
            continue;
        }
        let mut value = h.strength;
        if h.quoted && h.signal.is_commercial() {
            value *= 0.3;
        }
        // Thanks and congratulations open a conversation when they name
        // someone; a brand thanking "you all" talks to no one in particular.
        if h.signal == Signal::Gratitude && !doc.names_someone(h.span.start) {
            value *= 0.5;
        }
        // Community words about the author's own people ("my parents", "I'm
        // a local") put the author at the centre, not the audience.
        if h.signal == Signal::Community && signals::owns_phrase(doc, h.first_token) {
            continue;
        }
        let name = match h.signal {
            Signal::SecondPerson if pitch => named!("second-person-in-pitch"),
            Signal::AskOpinion if pitch => named!("asks-readers-in-pitch"),
            // "DM me" in a pitch is how to order, not help offered.
            Signal::OfferHelp if pitch => named!("offers-help-in-pitch"),
            s => Named::signal(s),
        };
        rep.push(&mut out, name, h.span, value);
    }
    thanks_to_whom(doc, hits, foreign, &mut rep, &mut out);
    for h in brand_hits {
        rep.push(&mut out, named!("brand-name"), h.span, 1.0);
    }

    // Structure: money, links, phone numbers, faces, diary style (only
    // when some word of the draft can open a diary entry: the walk's keys
    // say so). The same pass counts the tokens the rules read (`Stats`).
    let diary = doc.triggers & crate::words::TRIGGER_DIARY != 0;
    let (mut words, mut hashtags, mut urls, mut mentions) = (0usize, 0usize, 0usize, 0usize);
    for (i, t) in doc.tokens.iter().enumerate() {
        words += usize::from(t.is_wordlike());
        hashtags += usize::from(t.kind == TokenKind::Hashtag);
        urls += usize::from(t.kind == TokenKind::Url);
        mentions += usize::from(t.kind == TokenKind::Mention);
        if allowed.overlaps(&t.span) {
            continue;
        }
        let name = match t.kind {
            TokenKind::Price => named!("price"),
            TokenKind::Percentage => named!("percentage"),
            TokenKind::Url => named!("link"),
            TokenKind::Phone => named!("phone-number"),
            TokenKind::Emoticon => named!("emoticon"),
            TokenKind::Hashtag => named!("hashtag"),
            TokenKind::Emoji if doc.slice(t.span).chars().any(is_feeling_emoji) => {
                named!("feeling-emoji")
            }
            TokenKind::Emoji => named!("emoji"),
            TokenKind::Word if t.all_caps && t.span.len() > 2 => named!("capitals"),
            TokenKind::Word if diary && doc.is_diary_opener(i) => named!("diary-style"),
            // (By bytes: '!' is one in any UTF-8 text; no char search.)
            TokenKind::Punctuation if doc.bytes(t.span).contains(&b'!') => {
                named!("exclamation")
            }
            _ => continue,
        };
        rep.push(&mut out, name, t.span, 1.0);
    }
    (stats.words, stats.hashtags, stats.urls, stats.mentions) = (words, hashtags, urls, mentions);
    // Typing in lower case is how people write, not brands.
    if let Some((i, t)) = doc
        .tokens
        .iter()
        .enumerate()
        .find(|(_, t)| t.kind == TokenKind::Word)
    {
        let word = doc.slice(t.span);
        if word.starts_with(|c: char| c.is_lowercase()) {
            rep.push(&mut out, named!("lowercase-voice"), t.span, 1.0);
        }
        let comma_next = doc.tokens.get(i + 1).is_some_and(|n| {
            n.kind == TokenKind::Punctuation && doc.slice(n.span).starts_with(',')
        });
        if comma_next && doc.is_in(i, &SPOKEN_OPENERS) {
            rep.push(&mut out, named!("spoken-opener"), t.span, 1.0);
        }
    }
    let opening = doc.opening_reply();
    if let Some((_, span)) = opening {
        rep.push(&mut out, named!("reply"), span, 1.0);
    }
    for (_, t) in doc
        .tokens
        .iter()
        .enumerate()
        .filter(|&(i, t)| t.kind == TokenKind::Mention && opening.is_none_or(|(k, _)| k != i))
    {
        rep.push(&mut out, named!("mention"), t.span, 1.0);
    }
    offers_with_limits(doc, hits, priced, &mut rep, &mut out);
    signals::audience(doc, &mut rep, &mut out);
    signals::comments_on_post(doc, &mut rep, &mut out);
    signals::invitations(doc, &mut rep, &mut out);
    signals::credits_readers(doc, &mut rep, &mut out);
    signals::requests(doc, &mut rep, &mut out);
    // Rates a price is quoted at (pay for work, a price per item), read
    // by English units: not on a draft in another language.
    signals::rates(doc, money && priced && !foreign, &mut rep, &mut out);
    let whole = doc.trimmed();
    let first_person = hits
        .iter()
        .filter(|h| h.signal == Signal::FirstPerson)
        .count();
    // Someone telling of their own life at length: a person, seldom a pitch.
    if words >= LONG_POST && first_person >= 3 {
        rep.push(&mut out, named!("long-first-person"), whole, 1.0);
    }
    if words >= LONG_POST {
        rep.push(&mut out, named!("long-post"), whole, 1.0);
    } else if words <= SHORT_POST && words > 0 {
        rep.push(&mut out, named!("short-post"), whole, 1.0);
    }
    if ctx.reply {
        rep.push(&mut out, named!("reply-context"), whole, 1.0);
        // A reply of a word or three ("Nice!", "so true 🔥") answers no one
        // in particular: the robotic kind, not a conversation.
        if words <= SHORT_REPLY {
            rep.push(&mut out, named!("short-reply"), whole, 1.0);
        }
    }
    stock::stock_line(doc, words, foreign, &mut rep, &mut out);
    let q = if pitch {
        named!("sales-hook-question")
    } else {
        named!("question")
    };
    for t in doc.tokens {
        if t.kind == TokenKind::Punctuation && is_question(doc.slice(t.span)) {
            // (Counted for the rules too, in `Stats`.)
            stats.questions += 1;
            let s = doc.sentence_at(t.span.start);
            let span = Span::new(s.start, t.span.end);
            rep.push(&mut out, q, span, 1.0);
            // A question that says "you" is put to the reader.
            let to_you = hits[hits.partition_point(|h| h.span.start < span.start)..]
                .iter()
                .take_while(|h| h.span.start < span.end)
                .any(|h| h.signal == Signal::SecondPerson);
            if to_you && !pitch && !foreign {
                rep.push(&mut out, named!("question-to-reader"), span, 1.0);
            }
            // A draft that opens with its question leads with the reader.
            if doc.sentences.first().is_some_and(|f| f.start == s.start) && !pitch {
                rep.push(&mut out, named!("opening-question"), span, 1.0);
            }
        }
    }
    if foreign {
        out.retain(|f| !is_english_only(f.name()));
    } else {
        learned_words(doc, allowed, learned, words, &mut out);
    }
    (out, stats)
}

/// Whom each thanks turn to: someone addressed right after them
/// ("Thank you, Raj", "Congratulations, graduates!": `thanks-addressed`) or
/// the audience's support at large ("thank you for your patience":
/// `thanks-for-support`). (A pass of its own, not inlined: inside the
/// extractor's loop the WebAssembly module grew 1.6 KB gzip.)
#[inline(never)]
fn thanks_to_whom(
    doc: Doc,
    hits: &[Hit],
    foreign: bool,
    rep: &mut Repeats,
    out: &mut Vec<Feature>,
) {
    for h in hits {
        if h.signal != Signal::Gratitude || h.quoted || (foreign && h.first_token == h.last_token) {
            continue;
        }
        if let Some((name, end)) = doc.thanked(h.last_token) {
            rep.push(out, name, Span::new(h.span.start, end), 1.0);
        }
    }
}

/// Calls `f` with each word token's index and its lower-cased form (curly
/// apostrophes straightened), skipping words longer than 24 bytes.
fn for_each_word(doc: Doc, mut f: impl FnMut(usize, &str)) {
    // Room for a word of 24 bytes lower-cased (rarely more): one allocation.
    let mut buf = String::with_capacity(32);
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.kind != TokenKind::Word || t.span.len() > 24 {
            continue;
        }
        let w = doc.slice(t.span);
        // Most words are lower case already: no copy then.
        if w.is_ascii() && !w.bytes().any(|c| c.is_ascii_uppercase()) {
            f(i, w);
            continue;
        }
        lower_word(w, &mut buf);
        f(i, &buf);
    }
}

/// Drafts up to this many words give each learned word its full weight;
/// longer ones `sqrt(this / words)` of it.
const WORDS_AT_FULL_WEIGHT: f64 = 12.0;

/// A feature for the first occurrence of each word the model has learned,
/// in draft order; `n` is the draft's word count.
fn learned_words(doc: Doc, allowed: &SpanSet, learned: Learned, n: usize, out: &mut Vec<Feature>) {
    let looked_up;
    let found = match learned {
        Learned::Found(found) => found,
        Learned::Lookup(words) => {
            let mut v = Vec::new();
            for_each_word(doc, |i, w| v.extend(words(w).map(|id| (i, id as usize))));
            looked_up = v;
            &looked_up
        }
    };
    if found.is_empty() {
        return;
    }
    // In a long draft each word says less: without this, dozens of small
    // weights of everyday words would add up to a verdict.
    let value = (WORDS_AT_FULL_WEIGHT / n.max(1) as f64).min(1.0).sqrt();
    // The ids already used, as a bit set: ids are small and dense. The
    // first 1,024 live on the stack (the built-in model has fewer words).
    let mut small = [0u64; 16];
    let mut large: Vec<u64> = Vec::new();
    let mut first_time = |id: u32| {
        let (slot, bit) = (id as usize / 64, 1u64 << (id % 64));
        let word = match small.get_mut(slot) {
            Some(w) => w,
            None => {
                let slot = slot - small.len();
                if slot >= large.len() {
                    large.resize(slot + 1, 0);
                }
                &mut large[slot]
            }
        };
        let new = *word & bit == 0;
        *word |= bit;
        new
    };
    for &(i, id) in found {
        let span = doc.tokens[i].span;
        let id = id as u32;
        if !allowed.overlaps(&span) && first_time(id) {
            out.push(Feature {
                named: named!("word"),
                span,
                value,
                word: id,
            });
        }
    }
}

/// Words after "thanks," that go on talking rather than name
/// whom the thanks are for (as the word walk keys them).
const VOCATIVE_NOT: [u128; 9] =
    crate::text::pack_all(["i", "i'm", "i'll", "we", "we're", "it", "it's", "but", "so"]);

/// "for", then the words between it and what thanks are for.
const THANKS_FOR: [u128; 4] = crate::text::pack_all(["for", "your", "the", "all"]);

/// What an audience at large is thanked for (or doing it).
const SUPPORT_WORDS: [u128; 7] = crate::text::pack_all([
    "support",
    "patience",
    "understanding",
    "love",
    "prayers",
    "supporting",
    "being",
]);

/// Words up to which a reply says almost nothing.
const SHORT_REPLY: usize = 3;
/// Words from which a post is long (a story, an announcement).
const LONG_POST: usize = 40;
/// Words up to which a post is short (a quip, a reply).
const SHORT_POST: usize = 8;

/// Words that put a limit on an offer: a date, a deadline, a count.
static LIMIT_WORDS: Lazy<WordSet> = Lazy::new(|| {
    let limits = [
        "until",
        "till",
        "thru",
        "through",
        "ends",
        "before",
        "by",
        "deadline",
        "last",
        "left",
        "limit",
        "limited",
        "per",
        "only",
        "first",
        "remaining",
        "spots",
        "seats",
        "slots",
        "tonight",
        "tomorrow",
        "weekend",
    ];
    // Short months, not short days: "sat" and "sun" are everyday words.
    WordSet::new(
        &[
            &limits[..],
            &signals::WEEKDAYS,
            &signals::MONTHS,
            &signals::MONTHS_SHORT,
        ]
        .concat(),
    )
});

/// Adds an "offer-with-limit" feature for each sentence that names a price,
/// money off or a free thing together with a date, a deadline or a count
/// ("$12 a dozen until Sunday", "two per customer").
/// (`any_priced`: some token is a price or a percentage.)
fn offers_with_limits(
    doc: Doc,
    hits: &[Hit],
    any_priced: bool,
    rep: &mut Repeats,
    out: &mut Vec<Feature>,
) {
    // Most drafts name no price, percentage or discount at all: then no
    // sentence is read.
    let priced = |t: &Token| matches!(t.kind, TokenKind::Price | TokenKind::Percentage);
    if !any_priced
        && !hits
            .iter()
            .any(|h| h.signal == Signal::Discount && !h.negated)
    {
        return;
    }
    for s in doc.sentences {
        let toks = doc.sentence_tokens(*s);
        let offer = toks.iter().any(priced)
            || hits[hits.partition_point(|h| h.span.start < s.start)..]
                .iter()
                .take_while(|h| h.span.start < s.end)
                .any(|h| h.signal == Signal::Discount && !h.negated);
        if !offer {
            continue;
        }
        let limit = toks
            .iter()
            .any(|t| t.kind == TokenKind::Word && LIMIT_WORDS.contains_lower(doc.slice(t.span)));
        if limit {
            rep.push(out, named!("offer-with-limit"), *s, 1.0);
        }
    }
}

impl<'a> Doc<'a> {
    /// The text of a span.
    pub fn slice(&self, span: Span) -> &'a str {
        span.text(self.text)
    }

    /// The bytes of a span (empty when it is out of the text).
    pub fn bytes(&self, span: Span) -> &'a [u8] {
        self.text
            .as_bytes()
            .get(span.start..span.end)
            .unwrap_or_default()
    }

    /// True when token `i`, lower-cased, is a word of `set`: by the walk's
    /// key when it made one, else by the token's text. (Always inlined
    /// natively, where most calls end on the key's length or first byte;
    /// in the WebAssembly module one copy is smaller.)
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn is_in(&self, i: usize, set: &WordSet) -> bool {
        match self.keys.get(i) {
            Some(&key) if key != 0 => set.contains_walked(key),
            _ => self.text_is_in(i, set),
        }
    }

    /// [`Doc::is_in`] of a token the walk made no key of: by its text.
    #[inline(never)]
    fn text_is_in(&self, i: usize, set: &WordSet) -> bool {
        set.contains_lower(self.slice(self.tokens[i].span))
    }

    /// The sentence containing byte `at`.
    pub fn sentence_at(&self, at: usize) -> Span {
        sentence_at(self.sentences, at)
    }

    /// The tokens of sentence `s` (one of `sentences`).
    pub fn sentence_tokens(&self, s: Span) -> &'a [Token] {
        &self.tokens[self.sentence_range(s)]
    }

    /// The indices of the tokens of sentence `s`.
    pub fn sentence_range(&self, s: Span) -> std::ops::Range<usize> {
        crate::normalize::tokens_in(self.tokens, s)
    }

    /// The draft's span without leading and trailing whitespace.
    pub fn trimmed(&self) -> Span {
        match (self.tokens.first(), self.tokens.last()) {
            (Some(f), Some(l)) => Span::new(f.span.start, l.span.end),
            _ => Span::new(0, 0),
        }
    }

    /// The @mention a draft opens by answering ("@dana ...", or "replying
    /// to @dana ..." as some apps write a reply): its token index and the
    /// span that shows it.
    fn opening_reply(&self) -> Option<(usize, Span)> {
        let t = self.tokens;
        match t {
            [m, ..] if m.kind == TokenKind::Mention => Some((0, m.span)),
            [a, b, m, ..]
                if m.kind == TokenKind::Mention
                    && lower_is_one_of(self.slice(a.span), &["replying", "reply", "replied"])
                    && lower_is_one_of(self.slice(b.span), &["to"]) =>
            {
                Some((2, Span::new(a.span.start, m.span.end)))
            }
            _ => None,
        }
    }

    /// True when the sentence around byte `at` names a person: an @mention
    /// or a capitalised word that does not open the sentence.
    fn names_someone(&self, at: usize) -> bool {
        self.sentence_tokens(self.sentence_at(at))
            .iter()
            .enumerate()
            .any(|(k, t)| match t.kind {
                TokenKind::Mention => true,
                TokenKind::Word if k > 0 && !t.all_caps => {
                    let w = self.slice(t.span);
                    w.len() > 1 && w.starts_with(|c: char| c.is_uppercase())
                }
                _ => false,
            })
    }

    /// What the thanks ending at token `last` turn to, and the
    /// byte where that ends: a vocative right after them, a comma and one to
    /// three words or @mentions that end the sentence ("Thank you, Raj.",
    /// "Congrats, team!"; not "Thanks, I'll check"), or the audience's
    /// support at large ("thanks for your patience", "thank you so much for
    /// all the love", "thanks for supporting").
    fn thanked(&self, last: usize) -> Option<(Named, usize)> {
        let key = |i: usize| self.keys.get(i).copied().unwrap_or(0);
        let mut k = last + 1;
        if self
            .tokens
            .get(k)
            .is_some_and(|t| self.bytes(t.span) == b",")
        {
            let mut end = 0;
            for n in 0..4 {
                k += 1;
                let Some(t) = self.tokens.get(k) else { break };
                match t.kind {
                    TokenKind::Word | TokenKind::Mention if n < 3 => {
                        if n == 0 && VOCATIVE_NOT.contains(&key(k)) {
                            return None;
                        }
                        end = t.span.end;
                    }
                    TokenKind::Punctuation | TokenKind::LineBreak | TokenKind::Emoji => break,
                    _ => return None,
                }
            }
            let t = self.tokens.get(k);
            let closes = t.is_none_or(|t| {
                t.kind != TokenKind::Punctuation
                    || self
                        .bytes(t.span)
                        .iter()
                        .any(|&b| matches!(b, b'.' | b'!' | b'?'))
            });
            return (end > 0 && closes).then_some((named!("thanks-addressed"), end));
        }
        // "for", perhaps after "much" ("thank you so much for"), then up to
        // two of "your", "the", "all", then what they are for.
        let mut i = last;
        let mut step = 0;
        while i < self.tokens.len().min(last + 7) {
            let w = key(i);
            i += 1;
            if w == 0 {
                continue;
            }
            step = match step {
                0 | 1 if w == THANKS_FOR[0] => 2,
                0 => 1,
                2..=3 if THANKS_FOR[1..].contains(&w) => step + 1,
                2..=4 if SUPPORT_WORDS.contains(&w) => {
                    return Some((named!("thanks-for-support"), self.tokens[i - 1].span.end))
                }
                _ => return None,
            };
        }
        None
    }

    /// True when at most two words come before token `i` in its sentence.
    fn opens_sentence(&self, i: usize) -> bool {
        let start = self.sentence_at(self.tokens[i].span.start).start;
        let first = self.tokens.partition_point(|t| t.span.start < start);
        self.tokens[first..i]
            .iter()
            .filter(|t| t.is_wordlike())
            .count()
            <= 2
    }

    /// The punctuation that ends the sentence containing byte `at`.
    fn sentence_end_punct(&self, at: usize) -> Span {
        let s = self.sentence_at(at);
        let tail = self.slice(s);
        let trimmed = tail.trim_end_matches(|c: char| !c.is_alphanumeric());
        Span::new(s.start + trimmed.len(), s.end)
    }

    /// True when word token `i` opens a sentence in diary style.
    fn is_diary_opener(&self, i: usize) -> bool {
        // A word opens a sentence when it comes first or right after the
        // end of one (`normalize::sentences_into`; a line break ends one too):
        // asked of every word, a look at the token before instead of a
        // search of the sentences.
        if i > 0 && !crate::normalize::ends_sentence(self.text, self.tokens, i - 1) {
            return false;
        }
        if self.is_in(i, &PAST_ONLY) {
            return self
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.kind == TokenKind::Word);
        }
        if !self.is_in(i, &DIARY_VERBS) {
            return false;
        }
        self.tokens[i + 1..]
            .iter()
            .find(|t| t.kind != TokenKind::Emoji)
            .filter(|n| n.kind == TokenKind::Word)
            .is_some_and(|n| {
                let next = self.slice(n.span);
                DIARY_NEXT.contains_lower(next) || lower_ends_with(next, "ed")
            })
    }
}

pub(crate) fn is_question(punct: &str) -> bool {
    // Most punctuation is a byte or two of ASCII: a byte test, no char
    // search (the other two marks are not ASCII).
    if punct.is_ascii() {
        return punct.bytes().any(|b| b == b'?');
    }
    punct.contains(['?', '？', '؟'])
}

/// Past-tense verbs that open a diary-style sentence with the "I" left out
/// ("Went to a pottery class.", "Ran my first 10k.").
pub(crate) const DIARY_WORDS: [&str; 48] = [
    "went",
    "made",
    "ate",
    "took",
    "got",
    "had",
    "ran",
    "saw",
    "found",
    "bought",
    "tried",
    "spent",
    "finished",
    "started",
    "woke",
    "slept",
    "forgot",
    "lost",
    "applied",
    "baked",
    "cooked",
    "visited",
    "watched",
    "learned",
    "learnt",
    "realized",
    "realised",
    "decided",
    "moved",
    "quit",
    "cried",
    "laughed",
    "locked",
    "dropped",
    "broke",
    "burned",
    "burnt",
    "spilled",
    "missed",
    "met",
    "drove",
    "walked",
    "finally",
    "just",
    "still",
    "currently",
    "accidentally",
    "officially",
];
static DIARY_VERBS: Lazy<WordSet> = Lazy::new(|| WordSet::new(&DIARY_WORDS));

/// Past-tense forms that are never participles: a sentence they open is a
/// diary entry whatever follows ("Spent way too much", "Went to bed at 9").
pub(crate) const PAST_ONLY_WORDS: [&str; 24] = [
    "went",
    "ate",
    "spent",
    "took",
    "ran",
    "saw",
    "woke",
    "slept",
    "forgot",
    "drove",
    "wrote",
    "sang",
    "threw",
    "fell",
    "flew",
    "came",
    "began",
    "drank",
    "sat",
    "stood",
    "told",
    "thought",
    "overslept",
    "stayed",
];
static PAST_ONLY: Lazy<WordSet> = Lazy::new(|| WordSet::new(&PAST_ONLY_WORDS));

/// Spoken openers followed by a comma ("great, the printer jammed again",
/// "ok so", "welp,"): how people talk, not how brands write.
static SPOKEN_OPENERS: Lazy<WordSet> = Lazy::new(|| {
    WordSet::new(&[
        "great", "well", "ugh", "so", "ok", "okay", "welp", "wow", "lol", "honestly", "listen",
        "look", "oh", "ah", "hmm", "yeah", "nope", "yep", "cool", "fine", "sure", "anyway",
        "update", "psa",
    ])
});

/// Words that may follow a diary verb.
static DIARY_NEXT: Lazy<WordSet> = Lazy::new(|| {
    WordSet::new(&[
        "my", "a", "an", "the", "to", "up", "out", "in", "on", "into", "off", "home", "it", "me",
        "this", "that", "what", "some", "too", "two", "three", "all", "our", "his", "her", "back",
        "asleep", "married", "engaged", "lost", "again", "another", "over",
    ])
});

/// Emoji that show a face or a gesture: a person, not a logo.
fn is_feeling_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F600..=0x1F64F | 0x1F910..=0x1F92F | 0x1F970..=0x1F97A | 0x1F9D0 | 0x1FAE0..=0x1FAE8)
}

/// Counts the rules and the scoring look at.
#[derive(Clone, Debug, Default)]
pub(crate) struct Stats {
    /// Word and number tokens.
    pub words: usize,
    pub hashtags: usize,
    pub urls: usize,
    pub mentions: usize,
    /// Sentences that end in a question mark.
    pub questions: usize,
    pub first_person: usize,
    pub second_person: usize,
    /// we / our / us and the user's brand names.
    pub self_refs: usize,
}

/// Commercial verbs that, opening a sentence, make it a call to act
/// ("Switch to FastNet today", "Call 555-0148", "Order online or in store").
pub(crate) const IMPERATIVE_WORDS: [&str; 27] = [
    "buy",
    "order",
    "shop",
    "book",
    "call",
    "switch",
    "try",
    "join",
    "register",
    "apply",
    "subscribe",
    "download",
    "visit",
    "grab",
    "claim",
    "reserve",
    "enroll",
    "enrol",
    "schedule",
    "upgrade",
    "save",
    "pre-order",
    "dm",
    "click",
    "tap",
    "sign",
    "rsvp",
];
static IMPERATIVE_VERBS: Lazy<WordSet> = Lazy::new(|| WordSet::new(&IMPERATIVE_WORDS));

/// After the verb, these make the sentence personal ("call me", "text my
/// sister", "save the date", "try it yourself").
static NOT_A_CALL: Lazy<WordSet> = Lazy::new(|| {
    WordSet::new(&[
        "me", "my", "him", "her", "them", "it", "this", "that", "yourself", "the", "mom", "dad",
    ])
});

/// Adds a call-to-buy hit for each sentence opened by a commercial verb.
fn imperative_calls(doc: Doc, hits: &mut Vec<Hit>) {
    // No word of the draft is one of the verbs (the walk's keys say so).
    if doc.triggers & crate::words::TRIGGER_IMPERATIVE == 0 {
        return;
    }
    let (text, tokens) = (doc.text, doc.tokens);
    let mut at_start = true;
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            TokenKind::Emoji | TokenKind::Symbol | TokenKind::Emoticon => continue,
            TokenKind::LineBreak => {
                at_start = true;
                continue;
            }
            TokenKind::Punctuation => {
                at_start |= t.text(text).chars().any(is_sentence_end);
                continue;
            }
            _ => {}
        }
        let opens = std::mem::replace(&mut at_start, false);
        if !opens || t.kind != TokenKind::Word {
            continue;
        }
        let word = t.text(text);
        if !doc.is_in(i, &IMPERATIVE_VERBS) {
            continue;
        }
        let Some((j, next)) = tokens
            .iter()
            .enumerate()
            .skip(i + 1)
            .find(|(_, n)| !matches!(n.kind, TokenKind::Emoji | TokenKind::Punctuation))
        else {
            continue;
        };
        let next_word = next.text(text);
        if next.kind == TokenKind::Word
            && (NOT_A_CALL.contains_lower(next_word)
                || (!lower_is_one_of(word, &["switch"])
                    && lower_is_one_of(next_word, &["to", "and", "not", "again"])))
        {
            continue;
        }
        hits.push(Hit {
            signal: Signal::CallToBuy,
            strength: 0.8,
            span: Span::new(t.span.start, next.span.end),
            first_token: i,
            last_token: j,
            negated: false,
            negator: None,
            quoted: false,
        });
    }
}

/// Sorted, merged spans with logarithmic look-ups (drafts can be megabytes).
#[derive(Clone, Debug, Default)]
pub(crate) struct SpanSet(Vec<Span>);

impl SpanSet {
    pub fn new(spans: impl Iterator<Item = Span>) -> Self {
        let mut v: Vec<Span> = spans.collect();
        crate::sort::sort(&mut v);
        let mut merged: Vec<Span> = Vec::with_capacity(v.len());
        for s in v {
            match merged.last_mut() {
                Some(m) if s.start <= m.end => m.end = m.end.max(s.end),
                _ => merged.push(s),
            }
        }
        Self(merged)
    }

    /// The merged span that could hold or overlap `s`.
    fn candidate(&self, s: &Span) -> Option<&Span> {
        let i = self.0.partition_point(|m| m.start <= s.start);
        match i.checked_sub(1).map(|i| &self.0[i]) {
            Some(b) if b.end > s.start => Some(b),
            _ => self.0.get(i),
        }
    }

    pub fn overlaps(&self, s: &Span) -> bool {
        // Asked of every token; most drafts allow nothing.
        !self.0.is_empty() && self.candidate(s).is_some_and(|m| m.overlaps(s))
    }

    pub fn contains(&self, s: &Span) -> bool {
        self.candidate(s)
            .is_some_and(|m| m.start <= s.start && s.end <= m.end)
    }
}

/// Drops a hit wholly inside another hit of the same signal ("limited time"
/// inside "limited time only"), so a phrase is not counted twice.
fn drop_contained(hits: &mut Vec<Hit>) {
    // A hit is contained when an earlier one of its signal reaches at least
    // as far. Per signal, by start, longest first, strongest first among equals.
    crate::sort::sort_by(hits, |a, b| {
        (a.signal, a.span.start, std::cmp::Reverse(a.span.end))
            .cmp(&(b.signal, b.span.start, std::cmp::Reverse(b.span.end)))
            .then(b.strength.total_cmp(&a.strength))
    });
    let mut reach: Option<(Signal, usize)> = None;
    hits.retain(|h| {
        let contained = matches!(reach, Some((sig, end)) if sig == h.signal && h.span.end <= end);
        if !contained {
            let end = match reach {
                Some((sig, end)) if sig == h.signal => end.max(h.span.end),
                _ => h.span.end,
            };
            reach = Some((h.signal, end));
        }
        !contained
    });
}

/// A negation cancels a commercial phrase unless the negating word belongs to
/// another sales phrase: in "don't miss out, click the link" the "don't" is
/// part of the pitch.
fn resolve_negation(hits: &mut [Hit]) {
    let pitch = SpanSet::new(
        hits.iter()
            .filter(|h| h.signal.is_commercial())
            .map(|h| Span::new(h.first_token, h.last_token + 1)),
    );
    for h in hits.iter_mut() {
        h.negated = h
            .negator
            .is_some_and(|k| !pitch.overlaps(&Span::new(k, k + 1)));
    }
}

/// Adds the hits' counts to `s` (its token counts are `extract`'s).
pub(crate) fn count_hits(hits: &[Hit], s: &mut Stats) {
    for h in hits {
        match h.signal {
            Signal::FirstPerson => s.first_person += 1,
            Signal::SecondPerson => s.second_person += 1,
            Signal::FirstPersonPlural => s.self_refs += 1,
            _ => {}
        }
    }
}

/// Occurrences of capitalised names used more than once mid-sentence
/// ("... choose Meridian", "Meridian Logistics"): how a brand that does not
/// say "we" names itself (read by the `self-centered` rule only, when it
/// needs it).
pub(crate) fn repeated_names(text: &str, tokens: &[Token], sentences: &[Span]) -> usize {
    // (name, in mid-sentence) for every capitalised word; sorted, a name's
    // occurrences are one run (no hash map: a sort is cheap at a draft's length).
    // (`None`, a null pointer, fills the stack slots with zeroes at once.)
    let (mut on_stack, mut count) = ([None; 32], 0);
    let mut on_heap: Vec<(&[u8], bool)> = Vec::new();
    let bytes = text.as_bytes();
    let mut starts = sentences.iter().map(|s| s.start).peekable();
    for t in tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && !t.all_caps)
    {
        while starts.next_if(|&s| s < t.span.start).is_some() {}
        let mid_sentence = starts.peek() != Some(&t.span.start);
        // Names compare as bytes (as their text would); an ASCII first
        // letter is tested as a byte.
        let w = bytes.get(t.span.start..t.span.end).unwrap_or_default();
        let capital = match w.first() {
            Some(c) if c.is_ascii() => c.is_ascii_uppercase(),
            Some(_) => t.text(text).starts_with(|c: char| c.is_uppercase()),
            None => false,
        };
        if w.len() >= 3 && capital {
            // The first few dozen on the stack: no allocation per draft.
            match on_stack.get_mut(count) {
                Some(slot) if on_heap.is_empty() => {
                    *slot = Some((w, mid_sentence));
                    count += 1;
                }
                _ => {
                    if on_heap.is_empty() {
                        on_heap.reserve(4 * on_stack.len());
                        on_heap.extend(on_stack.iter().flatten());
                    }
                    on_heap.push((w, mid_sentence));
                }
            }
        }
    }
    if on_heap.is_empty() {
        // A tweet's few: each name's run counted where it first shows, by
        // comparing it with the others (mostly a length compare), where
        // sorting compared strings byte by byte.
        let names = &on_stack[..count];
        let mut sum = 0;
        for (i, &(w, _)) in names.iter().flatten().enumerate() {
            if names[..i].iter().flatten().any(|&(v, _)| v == w) {
                continue;
            }
            let run = names[i..].iter().flatten().filter(|&&(v, _)| v == w);
            if run.clone().nth(1).is_some() && run.clone().any(|&(_, mid)| mid) {
                sum += run.count();
            }
        }
        return sum;
    }
    let names = &mut on_heap[..];
    crate::sort::sort(names);
    names
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() >= 2 && run.iter().any(|&(_, mid)| mid))
        .map(<[_]>::len)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::Context;
    use crate::Linter;

    fn names(text: &str, ctx: Context) -> Vec<String> {
        Linter::default()
            .features(text, &ctx)
            .into_iter()
            .map(|(n, _)| n.into_owned())
            .filter(|n| !n.starts_with("word:"))
            .collect()
    }

    #[test]
    fn a_draft_that_says_it_replies_is_a_reply() {
        for text in [
            "@dana same here",
            "Replying to @dana yes, it's real",
            "replying to @dana no",
        ] {
            let f = names(text, Context::default());
            assert!(f.contains(&"reply".to_owned()), "{text}: {f:?}");
            assert!(!f.contains(&"mention".to_owned()), "{text}: {f:?}");
        }
        let f = names("Lunch with @dana today", Context::default());
        assert!(!f.contains(&"reply".to_owned()) && f.contains(&"mention".to_owned()));
        let f = names("I was replying to emails all day", Context::default());
        assert!(!f.contains(&"reply".to_owned()), "{f:?}");
    }

    #[test]
    fn thanks_that_turn_to_someone_are_addressed() {
        let addressed =
            |t: &str| names(t, Context::default()).contains(&"thanks-addressed".to_owned());
        assert!(addressed("Thank you, Raj."));
        assert!(addressed("Congratulations, graduates! 🎓"));
        assert!(addressed("Huge thanks, team!"));
        assert!(addressed("thank you, neighbours and friends"));
        assert!(!addressed("Thanks, I'll check it out."));
        assert!(!addressed("Thank you, but we already have one."));
        assert!(!addressed("Thanks for coming, it was a great night."));
        assert!(!addressed("Thank you."));
    }

    #[test]
    fn thanks_for_support_at_large() {
        let at_large =
            |t: &str| names(t, Context::default()).contains(&"thanks-for-support".to_owned());
        assert!(at_large("Thank you for your patience."));
        assert!(at_large("thanks for supporting the shop"));
        assert!(at_large("Thank you so much for all the love"));
        assert!(!at_large("Thanks for the tip on the hinge, Sam"));
        assert!(!at_large("Thank you for coming"));
        assert!(!at_large("Thanks"));
    }

    #[test]
    fn help_offered_in_a_pitch_is_how_to_order() {
        let f = names(
            "50% off all prints, buy now! DM me to order",
            Context::default(),
        );
        assert!(f.contains(&"offers-help-in-pitch".to_owned()), "{f:?}");
        assert!(!f.contains(&"offers-help".to_owned()), "{f:?}");
        let f = names("Stuck on the new settings page? DM me", Context::default());
        assert!(f.contains(&"offers-help".to_owned()), "{f:?}");
    }

    #[test]
    fn only_a_reply_of_a_few_words_is_a_short_reply() {
        let short = |t: &str, ctx| names(t, ctx).contains(&"short-reply".to_owned());
        assert!(short("Nice! 🔥", Context::reply()));
        assert!(short("so true", Context::reply()));
        assert!(!short("Nice! 🔥", Context::default()));
        assert!(!short(
            "Totally agree, the second half was the best part.",
            Context::reply()
        ));
    }
}
