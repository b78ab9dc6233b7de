//! From tokens and lexicon hits to evidence and the four scores.
//!
//! # How scores are computed
//!
//! Each dimension's score is a logistic function of weighted evidence:
//!
//! ```text
//! score_d = 1 / (1 + exp(-(bias_d + Σ weight_i)))
//! ```
//!
//! Every `weight_i` is one [`Evidence`] item in the report, so the list of
//! evidence is the complete explanation of a score. A signal's weight is its
//! base weight for the dimension (the table in [`base_weights`]) times the
//! phrase's strength, times `decay^k` for its k-th repeat in the draft (the
//! fifth "I" says less than the first). A negative bias means a draft with no
//! signal scores low. The shape was chosen so that weights read as log-odds
//! and 0.5 sits where evidence for and against balance; the biases and weights
//! were fitted by hand against the labelled development set and the external
//! data sets, so that 0.5 is near the point where readers split.
//!
//! Context adjusts weights before they are summed: a commercial phrase after a
//! negation ("not sponsored", "no promo codes") counts for nothing; inside
//! quotation marks it counts for less; in a draft that is clearly selling,
//! questions and "you" are read as a pitch's hooks rather than as
//! conversation or as the reader at the centre.

use std::borrow::Cow;

use once_cell::sync::Lazy;

use crate::lexicon::{sentence_chunks, Hit, Lexicon, Normalized, Signal};
use crate::report::{Dimension, Evidence, Span};
use crate::text::{is_sentence_end, lower_ends_with, lower_is_one_of, WordSet};
use crate::tokenizer::{tokenize, Token, TokenKind};

/// Log-odds of each dimension before any evidence.
pub(crate) const BIAS: [f64; 4] = [-2.0, -1.4, -1.8, -1.9];

/// Salesy log-odds above which questions and "you" are read as a pitch.
const PITCH_LOGIT: f64 = 0.6;

/// Base weights of a lexicon signal on `[salesy, personal, conversational,
/// identity_reflecting]`.
pub(crate) const fn base_weights(s: Signal) -> [f64; 4] {
    match s {
        Signal::CallToBuy => [2.4, -0.4, 0.0, -0.2],
        Signal::Urgency => [1.8, 0.0, 0.0, 0.0],
        Signal::Discount => [1.8, -0.2, 0.0, 0.0],
        Signal::EngagementBait => [1.8, 0.0, 0.0, -0.3],
        Signal::Needy => [1.0, 0.0, 0.0, 0.0],
        Signal::Brag => [1.5, -0.4, 0.0, -0.6],
        Signal::VanityMetric => [0.9, 0.0, 0.0, -0.3],
        Signal::SalesTalk => [0.9, -0.1, 0.0, 0.0],
        Signal::Sponsored => [1.6, 0.0, 0.0, 0.0],
        Signal::NotSelling => [-1.8, 0.3, 0.0, 0.0],
        Signal::FirstPerson => [0.0, 1.1, 0.0, 0.0],
        Signal::LifeOutsideWork => [0.0, 1.0, 0.0, 0.0],
        Signal::Feeling => [0.0, 0.8, 0.0, 0.0],
        Signal::Casual => [-0.3, 1.0, 0.1, 0.0],
        Signal::SelfDeprecation => [-0.3, 1.2, 0.0, 0.0],
        Signal::AskOpinion => [0.0, 0.2, 2.2, 0.3],
        Signal::OfferHelp => [0.0, 0.2, 1.8, 0.2],
        Signal::Gratitude => [0.0, 0.4, 1.8, 0.2],
        Signal::Community => [0.0, 0.0, 0.1, 1.4],
        Signal::Invitation => [0.0, 0.0, 0.9, 1.7],
        Signal::SecondPerson => [0.0, 0.0, 0.25, 0.4],
        Signal::BrandSelf => [0.7, -0.7, 0.0, -0.9],
        Signal::FirstPersonPlural => [0.0, 0.0, 0.0, 0.0],
        Signal::Jargon => [0.0, -0.5, 0.0, -0.2],
        Signal::Rhetorical => [0.4, 0.0, -1.6, 0.0],
        Signal::Neutral | Signal::Allowed => [0.0; 4],
    }
}

/// How much each repeat of a signal still counts: the k-th repeat weighs
/// `decay^k` of the first (the fifth "I" says less than the first).
fn decay(signal: &str) -> f64 {
    match signal {
        "second-person" => 0.85,
        "first-person" | "community" => 0.75,
        _ => 0.6,
    }
}

/// Past-tense verbs that open a diary-style sentence with the "I" left out
/// ("Went to a pottery class.", "Ran my first 10k.").
static DIARY_VERBS: Lazy<WordSet> = Lazy::new(|| {
    WordSet::new(&[
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
    ])
});

/// Past-tense forms that are never participles: a sentence they open is a
/// diary entry whatever follows ("Spent way too much", "Went to bed at 9").
static PAST_ONLY: Lazy<WordSet> = Lazy::new(|| {
    WordSet::new(&[
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
        "swam",
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
    ])
});

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
    /// Occurrences of capitalised names used more than once mid-sentence
    /// ("... choose Meridian", "Meridian Logistics"): how a brand that does
    /// not say "we" names itself.
    pub repeated_names: usize,
}

/// Everything known about one draft; the rules read it.
pub(crate) struct Analysis<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub hits: Vec<Hit>,
    /// Spans the user's allow list covers.
    pub allowed: SpanSet,
    pub stats: Stats,
    pub sentences: Vec<Span>,
    pub scores: [f64; 4],
    pub evidence: Vec<Evidence>,
    /// The draft's length on the configured platform (set by the linter).
    pub length: Option<crate::length::Length>,
}

impl<'a> Analysis<'a> {
    pub fn run(text: &'a str, user: Option<&Lexicon>, brands: Option<&Lexicon>) -> Self {
        let tokens = tokenize(text);
        let builtin = Lexicon::builtin();
        // Normalised and matched a few thousand tokens (whole sentences) at
        // a time, which finds the same hits in the same order as the whole
        // draft at once, unless some phrase spans sentences.
        let whole = builtin.spans_sentences
            || brands.is_some_and(|b| b.spans_sentences)
            || user.is_some_and(|u| u.spans_sentences);
        let chunk = if whole { usize::MAX } else { 4096 };
        let mut hits = Vec::new();
        let mut brand_hits = Vec::new();
        let mut user_hits = Vec::new();
        for range in sentence_chunks(text, &tokens, chunk) {
            let norm = Normalized::of_range(text, &tokens, range, Some(builtin));
            builtin.find(&norm, &tokens, &mut hits);
            if let Some(b) = brands {
                b.find(&norm, &tokens, &mut brand_hits);
            }
            if let Some(u) = user {
                u.find(&norm, &tokens, &mut user_hits);
            }
        }
        hits.append(&mut user_hits);
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
        imperative_calls(text, &tokens, &mut hits);
        drop_contained(&mut hits);
        resolve_negation(&mut hits);
        hits.sort_by_key(|h| (h.span.start, h.span.end));

        let sentences = sentences(text, &tokens);
        let mut stats = stats(text, &tokens, &hits);
        stats.repeated_names = repeated_names(text, &tokens, &sentences);
        stats.self_refs += brand_hits.len();
        let mut a = Analysis {
            text,
            tokens,
            hits,
            allowed,
            stats,
            sentences,
            scores: [0.0; 4],
            evidence: Vec::new(),
            length: None,
        };
        a.score(&brand_hits);
        a
    }

    /// The text of a hit or token span.
    pub fn slice(&self, span: Span) -> &'a str {
        span.text(self.text)
    }

    /// Hits of one signal that count (not negated).
    pub fn hits_of(&self, signal: Signal) -> impl Iterator<Item = &Hit> {
        self.hits
            .iter()
            .filter(move |h| h.signal == signal && !h.negated)
    }

    /// True when a span overlaps a phrase of the user's allow list.
    pub fn is_allowed(&self, span: &Span) -> bool {
        self.allowed.overlaps(span)
    }

    /// The sentence containing byte `at`.
    pub fn sentence_at(&self, at: usize) -> Span {
        // Sentences are sorted and disjoint: the candidate is the last one
        // starting at or before `at`.
        let i = self.sentences.partition_point(|s| s.start <= at);
        match i.checked_sub(1).map(|i| self.sentences[i]) {
            Some(s) if at < s.end.max(s.start + 1) => s,
            _ => Span::new(at, at),
        }
    }

    /// The draft's span without leading and trailing whitespace.
    pub fn trimmed(&self) -> Span {
        match (self.tokens.first(), self.tokens.last()) {
            (Some(f), Some(l)) => Span::new(f.span.start, l.span.end),
            _ => Span::new(0, 0),
        }
    }

    pub fn score(&mut self, brand_hits: &[Hit]) {
        let mut ev: Vec<Evidence> = Vec::with_capacity(32);
        let mut seen: Vec<(&'static str, usize, i32)> = Vec::with_capacity(32);
        let mut add =
            |ev: &mut Vec<Evidence>, d: Dimension, signal: &'static str, span: Span, w: f64| {
                if w == 0.0 {
                    return;
                }
                let k = match seen
                    .iter_mut()
                    .find(|(s, dd, _)| *s == signal && *dd == d.index())
                {
                    Some(entry) => {
                        entry.2 += 1;
                        entry.2
                    }
                    None => {
                        seen.push((signal, d.index(), 0));
                        0
                    }
                };
                ev.push(Evidence {
                    dimension: d,
                    signal: Cow::Borrowed(signal),
                    span,
                    weight: round6(w * decay(signal).powi(k)),
                });
            };

        // Lexicon evidence.
        for h in &self.hits {
            if h.negated && h.signal.is_commercial() {
                continue;
            }
            // A pitch's opener only counts when it opens a question ("Tired
            // of ...?"), not in the middle of one ("what makes you want to").
            if h.signal == Signal::Rhetorical
                && (!is_question(self.slice(self.sentence_end_punct(h.span.start)))
                    || !self.opens_sentence(h.first_token))
            {
                continue;
            }
            let quoted = if h.quoted && h.signal.is_commercial() {
                0.3
            } else {
                1.0
            };
            // Thanks and congratulations open a conversation when they name
            // someone; a brand thanking "you all" talks to no one in particular.
            let quoted = if h.signal == Signal::Gratitude && !self.names_someone(h.span.start) {
                quoted * 0.5
            } else {
                quoted
            };
            let w = base_weights(h.signal);
            for d in Dimension::ALL {
                add(
                    &mut ev,
                    d,
                    h.signal.name(),
                    h.span,
                    w[d.index()] * h.strength * quoted,
                );
            }
        }
        for h in brand_hits {
            let w = base_weights(Signal::BrandSelf);
            for d in Dimension::ALL {
                add(&mut ev, d, "brand-name", h.span, w[d.index()] * 0.8);
            }
        }

        // Structure: money, links, phone numbers, replies, faces.
        for (i, t) in self.tokens.iter().enumerate() {
            if self.is_allowed(&t.span) {
                continue;
            }
            match t.kind {
                TokenKind::Price => add(&mut ev, Dimension::Salesy, "price", t.span, 1.2),
                TokenKind::Percentage => add(&mut ev, Dimension::Salesy, "percentage", t.span, 0.3),
                TokenKind::Url => add(&mut ev, Dimension::Salesy, "link", t.span, 0.9),
                TokenKind::Phone => add(&mut ev, Dimension::Salesy, "phone-number", t.span, 1.1),
                TokenKind::Emoticon => add(&mut ev, Dimension::Personal, "emoticon", t.span, 0.6),
                TokenKind::Emoji if self.slice(t.span).chars().any(is_feeling_emoji) => {
                    add(&mut ev, Dimension::Personal, "feeling-emoji", t.span, 0.5)
                }
                TokenKind::Word if self.is_diary_opener(i) => {
                    add(&mut ev, Dimension::Personal, "diary-style", t.span, 0.8)
                }
                _ => {}
            }
        }
        // Typing in lower case is how people write, not brands.
        if let Some((i, t)) = self
            .tokens
            .iter()
            .enumerate()
            .find(|(_, t)| t.kind == TokenKind::Word)
        {
            let word = self.slice(t.span);
            if word.starts_with(|c: char| c.is_lowercase()) {
                add(&mut ev, Dimension::Personal, "lowercase-voice", t.span, 0.9);
            }
            let comma_next = self.tokens.get(i + 1).is_some_and(|n| {
                n.kind == TokenKind::Punctuation && self.slice(n.span).starts_with(',')
            });
            if comma_next && SPOKEN_OPENERS.contains_lower(word) {
                add(&mut ev, Dimension::Personal, "spoken-opener", t.span, 0.7);
            }
        }
        if let Some(first) = self.tokens.first().filter(|t| t.kind == TokenKind::Mention) {
            add(&mut ev, Dimension::Conversational, "reply", first.span, 2.4);
            add(&mut ev, Dimension::Personal, "reply", first.span, 0.8);
        }
        for t in self
            .tokens
            .iter()
            .skip(1)
            .filter(|t| t.kind == TokenKind::Mention)
        {
            add(&mut ev, Dimension::Conversational, "mention", t.span, 0.6);
        }

        let salesy_logit = BIAS[0]
            + ev.iter()
                .filter(|e| e.dimension == Dimension::Salesy)
                .map(|e| e.weight)
                .sum::<f64>();
        let pitch = salesy_logit > PITCH_LOGIT;

        // Questions: conversation, unless the draft is a pitch and the
        // question is its hook ("Tired of slow Wi-Fi? Switch today!").
        for t in &self.tokens {
            if t.kind == TokenKind::Punctuation && is_question(self.slice(t.span)) {
                let s = self.sentence_at(t.span.start);
                let span = Span::new(s.start, t.span.end);
                if pitch {
                    add(
                        &mut ev,
                        Dimension::Conversational,
                        "sales-hook-question",
                        span,
                        0.4,
                    );
                } else {
                    add(&mut ev, Dimension::Conversational, "question", span, 2.2);
                }
            }
        }
        if pitch {
            // In a pitch, "you" addresses a customer and "let us know" takes
            // an order: they say less about conversation or the reader.
            for e in ev.iter_mut().filter(|e| {
                (e.signal == Signal::SecondPerson.name()
                    && matches!(
                        e.dimension,
                        Dimension::IdentityReflecting | Dimension::Conversational
                    ))
                    || (e.signal == Signal::AskOpinion.name()
                        && e.dimension == Dimension::Conversational)
            }) {
                e.weight = round6(e.weight * 0.35);
            }
        }
        ev.retain(|e| e.weight != 0.0);
        ev.sort_by(|a, b| {
            (a.span.start, a.span.end, a.dimension)
                .cmp(&(b.span.start, b.span.end, b.dimension))
                .then_with(|| a.signal.cmp(&b.signal))
        });

        let mut logits = BIAS;
        for e in &ev {
            logits[e.dimension.index()] += e.weight;
        }
        self.scores = logits.map(|l| round6(sigmoid(l)));
        self.evidence = ev;
    }

    /// True when the sentence around byte `at` names a person: an @mention
    /// or a capitalised word that does not open the sentence.
    fn names_someone(&self, at: usize) -> bool {
        let s = self.sentence_at(at);
        let first = self.tokens.partition_point(|t| t.span.start < s.start);
        let last = self.tokens.partition_point(|t| t.span.start < s.end);
        self.tokens[first..last]
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
        let t = &self.tokens[i];
        if self.sentence_at(t.span.start).start != t.span.start {
            return false;
        }
        let word = self.slice(t.span);
        if PAST_ONLY.contains_lower(word) {
            return self
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.kind == TokenKind::Word);
        }
        if !DIARY_VERBS.contains_lower(word) {
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

fn is_question(punct: &str) -> bool {
    punct.contains(['?', '？', '؟'])
}

/// Rounds to six decimals so that every language prints the same numbers.
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Commercial verbs that, opening a sentence, make it a call to act
/// ("Switch to FastNet today", "Call 555-0148", "Shop in store or online").
static IMPERATIVE_VERBS: Lazy<WordSet> = Lazy::new(|| {
    WordSet::new(&[
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
        "preorder",
        "dm",
        "click",
        "tap",
        "sign",
        "rsvp",
    ])
});

/// After the verb, these make the sentence personal ("call me", "text my
/// sister", "save the date", "try it yourself").
static NOT_A_CALL: Lazy<WordSet> = Lazy::new(|| {
    WordSet::new(&[
        "me", "my", "him", "her", "them", "it", "this", "that", "yourself", "the", "mom", "dad",
    ])
});

/// Adds a call-to-buy hit for each sentence opened by a commercial verb.
fn imperative_calls(text: &str, tokens: &[Token], hits: &mut Vec<Hit>) {
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
        if !IMPERATIVE_VERBS.contains_lower(word) {
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
        v.sort();
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
        self.candidate(s).is_some_and(|m| m.overlaps(s))
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
    hits.sort_by(|a, b| {
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

fn stats(text: &str, tokens: &[Token], hits: &[Hit]) -> Stats {
    let mut s = Stats::default();
    for t in tokens {
        match t.kind {
            TokenKind::Word | TokenKind::Number => s.words += 1,
            TokenKind::Hashtag => s.hashtags += 1,
            TokenKind::Url => s.urls += 1,
            TokenKind::Mention => s.mentions += 1,
            TokenKind::Punctuation if is_question(t.text(text)) => s.questions += 1,
            _ => {}
        }
    }
    for h in hits {
        match h.signal {
            Signal::FirstPerson => s.first_person += 1,
            Signal::SecondPerson => s.second_person += 1,
            Signal::FirstPersonPlural => s.self_refs += 1,
            _ => {}
        }
    }
    s
}

fn repeated_names(text: &str, tokens: &[Token], sentences: &[Span]) -> usize {
    // (name, in mid-sentence) for every capitalised word; sorted, a name's
    // occurrences are one run (no hash map: this runs on every draft).
    let mut names: Vec<(&str, bool)> = Vec::new();
    let mut starts = sentences.iter().map(|s| s.start).peekable();
    for t in tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && !t.all_caps)
    {
        while starts.next_if(|&s| s < t.span.start).is_some() {}
        let mid_sentence = starts.peek() != Some(&t.span.start);
        let w = t.text(text);
        if w.len() >= 3 && w.starts_with(|c: char| c.is_uppercase()) {
            names.push((w, mid_sentence));
        }
    }
    names.sort_unstable();
    names
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() >= 2 && run.iter().any(|&(_, mid)| mid))
        .map(<[_]>::len)
        .sum()
}

/// Sentence spans: split after sentence-ending punctuation and line breaks.
fn sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for t in tokens {
        let ends = t.kind == TokenKind::LineBreak
            || (t.kind == TokenKind::Punctuation && t.text(text).chars().any(is_sentence_end));
        if t.kind != TokenKind::LineBreak && start.is_none() {
            start = Some(t.span.start);
        }
        if ends {
            if let Some(s) = start.take() {
                let end = if t.kind == TokenKind::LineBreak {
                    t.span.start
                } else {
                    t.span.end
                };
                out.push(Span::new(s, end.max(s)));
            }
        }
    }
    if let (Some(s), Some(last)) = (start, tokens.last()) {
        out.push(Span::new(s, last.span.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(text: &str) -> [f64; 4] {
        Analysis::run(text, None, None).scores
    }

    #[test]
    fn empty_draft_scores_low() {
        let s = scores("");
        assert!(s.iter().all(|&x| x < 0.2), "{s:?}");
    }

    #[test]
    fn evidence_explains_scores_exactly() {
        let a = Analysis::run(
            "I love my dog! Buy now, 20% off. What do you think?",
            None,
            None,
        );
        for d in Dimension::ALL {
            let sum: f64 = a
                .evidence
                .iter()
                .filter(|e| e.dimension == d)
                .map(|e| e.weight)
                .sum();
            let expect = round6(sigmoid(BIAS[d.index()] + sum));
            assert!((a.scores[d.index()] - expect).abs() < 1e-9);
        }
    }

    #[test]
    fn pitch_questions_are_not_conversation() {
        let pitch = scores(
            "Tired of slow Wi-Fi? Switch to FastNet today and get 3 months free. Order now!",
        );
        assert!(pitch[0] > 0.8 && pitch[2] < 0.5, "{pitch:?}");
        let real = scores("Anyone know a good plumber nearby? Our water heater just died.");
        assert!(real[2] > 0.5, "{real:?}");
    }

    #[test]
    fn negated_pitch_does_not_count() {
        let s =
            scores("Not sponsored, no discount codes here, I just really love this little pan.");
        assert!(s[0] < 0.5, "{s:?}");
    }

    #[test]
    fn sentences_split() {
        let text = "One. Two?\nThree";
        let t = tokenize(text);
        let s: Vec<_> = sentences(text, &t).iter().map(|s| s.text(text)).collect();
        assert_eq!(s, ["One.", "Two?", "Three"]);
    }
}
