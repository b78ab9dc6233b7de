//! Third stage of the pipeline: built-in English lexicons and the phrase
//! matcher.
//!
//! Lexicon phrases and drafts go through the same normalisation
//! ([`crate::normalize`]). So `only 3 left` in the lexicon
//! matches "ONLY 12 LEFT!!!" in a draft, and a phrase never spans two
//! sentences.
//!
//! Phrases are matched word by word: every normalised word is looked up once
//! in the lexicon's vocabulary, and each word that is known starts a walk in
//! a trie of phrases over word ids. A byte-level Aho-Corasick DFA over the
//! same phrases was measured first: its tables (megabytes for ~2,000
//! phrases) missed the cache on almost every byte, took ~25 ms to build at
//! start-up and added to the WebAssembly module; the word trie is a few
//! hundred kilobytes, builds in about a millisecond, and finds the same hits
//! in the same order (a test compares the two on the shared corpora).

use crate::lazy::Lazy;

use crate::normalize::{sentence_chunks, Normalized, LONG};
use crate::report::Span;
use crate::text::{pack, KeyMap};
use crate::tokenizer::{tokenize, Token};

/// Declares [`Signal`] from one list of its variants and their names, so
/// the variant order, [`Signal::name`], [`Signal::ALL`] and
/// [`Signal::NAMES`] (the first feature names, `features/ids.rs`) cannot
/// drift apart.
macro_rules! signals {
    ($($(#[$doc:meta])* $variant:ident => $name:literal,)*) => {
        /// A kind of evidence a lexicon phrase carries.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Signal {
            $($(#[$doc])* $variant,)*
        }

        impl Signal {
            /// Every signal, in variant order.
            pub(crate) const ALL: &[Self] = &[$(Self::$variant,)*];

            /// Every signal's name, in variant order.
            pub(crate) const NAMES: &[&str] = &[$($name,)*];

            /// The signal's stable name, as shown in evidence.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)*
                }
            }
        }
    };
}

signals! {
    /// An imperative call to buy, order, book or click.
    CallToBuy => "call-to-buy",
    /// Time pressure or scarcity.
    Urgency => "urgency",
    /// Money off, free things, promo codes.
    Discount => "discount",
    /// Asking for likes, follows or shares in exchange for something.
    EngagementBait => "engagement-bait",
    /// Begging for attention.
    Needy => "needy",
    /// Self-praise and achievements.
    Brag => "brag",
    /// A follower, like or view count.
    VanityMetric => "vanity-metric",
    /// Weaker commercial vocabulary (sale, shop, launch, in stock).
    SalesTalk => "sales-talk",
    /// Paid-partnership markers (#ad, use my link).
    Sponsored => "sponsored",
    /// The author explicitly says this is not a pitch.
    NotSelling => "not-selling",
    /// First person singular (I, me, my).
    FirstPerson => "first-person",
    /// Life outside work: family, pets, food, hobbies, weekends.
    LifeOutsideWork => "life-outside-work",
    /// Feelings and opinions.
    Feeling => "feeling",
    /// Casual, spoken register (lol, omg, tbh).
    Casual => "casual",
    /// Laughing at oneself.
    SelfDeprecation => "self-deprecation",
    /// Asking readers for opinions, stories or answers.
    AskOpinion => "asks-readers",
    /// Offering help.
    OfferHelp => "offers-help",
    /// Thanking or congratulating someone.
    Gratitude => "thanks-or-congrats",
    /// The audience's place, community or group at the centre.
    Community => "community",
    /// Inviting readers to show themselves or join something.
    Invitation => "invitation",
    /// Second person (you, your).
    SecondPerson => "second-person",
    /// Brand-centric talk about the company itself.
    BrandSelf => "brand-self-talk",
    /// First person plural (we, our, us).
    FirstPersonPlural => "first-person-plural",
    /// Industry jargon and market talk.
    Jargon => "jargon",
    /// An opener that makes a question a pitch's hook ("Tired of ...?").
    Rhetorical => "rhetorical-hook",
    /// Soft selling: bookings, openings, registrations, consultations.
    SoftSell => "soft-sell",
    /// Launching or pointing to one's own work (a record, a book, a channel).
    OwnWork => "own-work",
    /// A support desk answering a customer.
    Support => "support-reply",
    /// Hiring, public-service and civic notices: news, not a sale.
    Notice => "notice",
    /// An everyday phrase that contains a sales word ("feel free", "coffee
    /// shop"); commercial phrases inside it do not count.
    Neutral => "neutral",
    /// A phrase from the user's allow list: nothing inside it is flagged.
    Allowed => "allowed",
}

impl Signal {
    /// The signal of a built-in lexicon section: any signal but the allow
    /// list's, by its name (the hooks' section is `[rhetorical]`).
    fn from_section(name: &str) -> Option<Self> {
        let listed = Self::ALL.iter().find(|s| s.name() == name);
        match listed {
            Some(&s) if s != Self::Allowed => Some(s),
            _ => (name == "rhetorical").then_some(Self::Rhetorical),
        }
    }

    /// True for the signals that push a sale; these are the ones a preceding
    /// negation ("not sponsored", "no promo codes here") cancels.
    pub const fn is_commercial(self) -> bool {
        matches!(
            self,
            Self::CallToBuy
                | Self::Urgency
                | Self::Discount
                | Self::EngagementBait
                | Self::Needy
                | Self::Brag
                | Self::VanityMetric
                | Self::SalesTalk
                | Self::Sponsored
                | Self::SoftSell
                | Self::OwnWork
        )
    }
}

/// One phrase of a lexicon.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The signal the phrase is evidence of.
    pub signal: Signal,
    /// Multiplier on the signal's base weight.
    pub strength: f64,
    /// The phrase as written in the lexicon.
    pub phrase: String,
}

/// A phrase found in a draft.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// What the phrase is evidence of.
    pub signal: Signal,
    /// Multiplier on the signal's base weight.
    pub strength: f64,
    /// Byte span in the draft, from the first to the last matched token.
    pub span: Span,
    /// Index of the first matched token.
    pub first_token: usize,
    /// Index of the last matched token.
    pub last_token: usize,
    /// A negation (not, no, never, ...) comes shortly before, in the same
    /// sentence, and is not itself part of a sales phrase ("don't miss out").
    pub negated: bool,
    /// The token of that negation.
    pub negator: Option<usize>,
    /// The phrase is inside quotation marks.
    pub quoted: bool,
}

/// FxHash: the keys are short words and trie edges, hashed on every word of
/// every draft; SipHash's flood resistance buys nothing for a fixed lexicon.
/// `rustc_hash`'s own alias, as the model's and the word sets' maps use: one
/// hash table instance per key and value type in the WebAssembly module.
type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// A word id no vocabulary word has.
const UNKNOWN: u32 = u32::MAX;

/// Word ids while a lexicon is built.
#[derive(Default)]
struct Vocab {
    short: KeyMap,
    long: FastMap<Box<str>, u32>,
    longest: usize,
}

impl Vocab {
    fn intern(&mut self, word: &str) -> u32 {
        self.longest = self.longest.max(word.len());
        let next = (self.short.len() + self.long.len()) as u32;
        match pack(word) {
            Some(key) => *self.short.entry(key, next),
            None => *self.long.entry(word.into()).or_insert(next),
        }
    }
}

/// A compiled set of phrases.
#[derive(Clone, Debug)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// Every normalised word of every phrase, with its id: words of up to
    /// 15 bytes packed into the key itself, so a look-up touches one table
    /// slot and no string elsewhere in memory...
    short_words: KeyMap,
    /// ...and the longer ones.
    long_words: FastMap<Box<str>, u32>,
    /// The longest word's length in bytes.
    longest_word: usize,
    /// The root's child for each word id (0 or past the end when no phrase
    /// starts with the word): every known word of a draft starts a walk, so
    /// its first step is an index, not a hash.
    roots: Vec<u32>,
    /// For each trie node (node 0 is the root), where its phrase ends and
    /// its children start in `ends` and `children`; one more item closes
    /// the last node's. A node's ends and children are the runs up to the
    /// next node's: a walk reads one small item per node, and these flat
    /// lists are a few dozen kilobytes where a hash table of the edges and
    /// a list per node were a few hundred (a walk's look-ups missed the
    /// cache).
    nodes: Vec<[u32; 2]>,
    /// The phrases ending at each node, in entry order, with what a hit
    /// needs of their entry.
    ends: Vec<End>,
    /// Each node's children below the root, `(word id, child node)`, by
    /// word id.
    children: Vec<(u32, u32)>,
    /// Some phrase has a sentence break inside ("sale! today"): drafts must
    /// then be matched whole, not sentence chunk by chunk.
    pub(crate) spans_sentences: bool,
}

/// What a hit copies of the entry of a phrase ending at a trie node.
#[derive(Clone, Copy, Debug)]
struct End {
    strength: f64,
    signal: Signal,
}

impl End {
    fn of(e: &Entry) -> Self {
        Self {
            strength: e.strength,
            signal: e.signal,
        }
    }
}

impl Lexicon {
    /// Compiles entries into one word trie.
    pub fn new(entries: Vec<Entry>) -> Self {
        let mut vocab = Vocab::default();
        let mut ends: Vec<Vec<u32>> = vec![Vec::new()];
        // Each node's children below the root, `(word id, child)`, by word
        // id: how the build finds a child, and what `children` flattens.
        let mut below: Vec<Vec<(u32, u32)>> = vec![Vec::new()];
        let mut roots = Vec::new();
        let mut kept = Vec::with_capacity(entries.len());
        let mut spans_sentences = false;
        for e in entries {
            let norm = Normalized::new(&e.phrase, &tokenize(&e.phrase), None);
            let body = norm.text.trim();
            if body.is_empty() || body == "|" {
                continue;
            }
            // A break at the end ("sale today!") stays inside its sentence.
            spans_sentences |= body.split(' ').rev().skip(1).any(|w| w == "|");
            let mut node = 0u32;
            for w in body.split(' ') {
                let id = vocab.intern(w);
                let next = ends.len() as u32;
                // 0 for a child not made yet: the root is no node's child.
                let child = if node == 0 {
                    let i = id as usize;
                    if roots.len() <= i {
                        roots.resize(i + 1, 0);
                    }
                    if roots[i] == 0 {
                        roots[i] = next;
                    }
                    roots[i]
                } else {
                    let kids = &mut below[node as usize];
                    match kids.binary_search_by_key(&id, |&(w, _)| w) {
                        Ok(k) => kids[k].1,
                        Err(k) => {
                            kids.insert(k, (id, next));
                            next
                        }
                    }
                };
                if child == next {
                    ends.push(Vec::new());
                    below.push(Vec::new());
                }
                node = child;
            }
            ends[node as usize].push(kept.len() as u32);
            kept.push(e);
        }
        // Flattened, node by node: each node's ends in entry order, then its
        // children.
        let mut nodes = Vec::with_capacity(ends.len() + 1);
        let (mut flat_ends, mut children) = (Vec::new(), Vec::new());
        for (node_ends, kids) in ends.iter().zip(&below) {
            nodes.push([flat_ends.len() as u32, children.len() as u32]);
            for &k in node_ends {
                flat_ends.push(End::of(&kept[k as usize]));
            }
            children.extend_from_slice(kids);
        }
        nodes.push([flat_ends.len() as u32, children.len() as u32]);
        Self {
            entries: kept,
            longest_word: vocab.longest,
            short_words: vocab.short,
            long_words: vocab.long,
            roots,
            nodes,
            ends: flat_ends,
            children,
            spans_sentences,
        }
    }

    /// The built-in English lexicon, compiled once per process.
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN: Lazy<Lexicon> = Lazy::new(|| Lexicon::new(parse(EN)));
        &BUILTIN
    }

    /// The phrases of this lexicon.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// True when `word` (normalised) appears in some phrase.
    pub(crate) fn knows(&self, word: &str) -> bool {
        self.word_id(word) != UNKNOWN
    }

    fn word_id(&self, word: &str) -> u32 {
        if word.len() > self.longest_word {
            // Spares hashing a giant pasted "word" (a long base64 blob, say).
            return UNKNOWN;
        }
        match pack(word) {
            Some(key) => self.key_id(key),
            None => self.long_words.get(word).copied().unwrap_or(UNKNOWN),
        }
    }

    /// The word id of a packed key (one copy of the look-up in the
    /// WebAssembly module).
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn key_id(&self, key: u128) -> u32 {
        self.short_words.get(key).unwrap_or(UNKNOWN)
    }

    /// The word id of item `k`, by its packed key (no text read but a
    /// long word's).
    #[inline]
    fn item_id(&self, norm: &Normalized, k: usize) -> u32 {
        let key = norm.items[k].key;
        if key == LONG {
            return self.word_id(norm.item_text(k));
        }
        if (key >> 120) as usize > self.longest_word {
            return UNKNOWN;
        }
        self.key_id(key)
    }

    /// Appends every phrase occurrence in `norm` to `out`: all of them,
    /// overlapping ones included, ordered by last word, then longest first,
    /// then entry order.
    pub(crate) fn find(&self, norm: &Normalized, tokens: &[Token], out: &mut Vec<Hit>) {
        if self.entries.is_empty() {
            return;
        }
        // A draft's ids and phrase occurrences live on the stack unless it
        // is long (a tweet has a few dozen words and fewer phrases): no
        // allocation per draft.
        let n = norm.items.len();
        let (mut ids_on_stack, mut ids_on_heap) = ([UNKNOWN; 96], Vec::new());
        let ids = crate::scratch::slots(&mut ids_on_stack, &mut ids_on_heap, n, UNKNOWN);
        for (k, id) in ids.iter_mut().enumerate() {
            *id = self.item_id(norm, k);
        }
        // (last item, first item, end): sorted, the order of the old
        // byte-level automaton's overlapping search (a node's ends are in
        // entry order).
        // Past the stack, room for about one phrase per word at once.
        let mut found: crate::scratch::Stacked<(u32, u32, u32), 48> =
            crate::scratch::Stacked::new(ids.len());
        for (first, &id) in ids.iter().enumerate() {
            let Some(&root_child) = self.roots.get(id as usize) else {
                continue; // An unknown word, or one no phrase starts with.
            };
            let mut node = root_child as usize;
            let mut last = first;
            while node != 0 {
                let (Some(&[end, child]), Some(&[next_end, next_child])) =
                    (self.nodes.get(node), self.nodes.get(node + 1))
                else {
                    break;
                };
                for k in end..next_end {
                    found.push((last as u32, first as u32, k));
                }
                last += 1;
                node = match ids.get(last) {
                    Some(&id) if id != UNKNOWN && child < next_child => self
                        .children
                        .get(child as usize..next_child as usize)
                        .and_then(|c| {
                            let i = c.binary_search_by_key(&id, |e| e.0).ok()?;
                            Some(c[i].1 as usize)
                        })
                        .unwrap_or(0),
                    _ => 0,
                };
            }
        }
        let found = found.as_mut_slice();
        crate::sort::sort(found);
        out.reserve(found.len());
        for &mut (last_item, first_item, end) in found {
            let e = self.ends[end as usize];
            out.extend(hit(
                norm,
                e,
                first_item as usize,
                last_item as usize,
                tokens,
            ));
        }
    }
}

/// Every phrase occurrence in one draft, per lexicon.
pub(crate) struct Matches {
    /// Hits of the built-in lexicon, then of the user's phrases (extra sales
    /// phrases and the allow list), in that order.
    pub hits: Vec<Hit>,
    /// Hits of the user's brand names.
    pub brands: Vec<Hit>,
    /// Hits of the config's custom rules (`custom.rs`), kept apart: they
    /// only make diagnostics and their own evidence.
    pub custom: Vec<Hit>,
}

/// Matches the built-in lexicon, the user's phrases and brand names against
/// a tokenised draft. Normalised and matched a few thousand tokens (whole
/// sentences) at a time, which finds the same hits in the same order as the
/// whole draft at once, unless some phrase spans sentences. The hits go in
/// `spare`'s vector of hits, the normalised items in its items (both
/// emptied first: the thread's spare ones, `scratch::Spare`).
pub(crate) fn match_draft(
    text: &str,
    tokens: &[Token],
    keys: &[u128],
    user: Option<&Lexicon>,
    brands: Option<&Lexicon>,
    custom: Option<&Lexicon>,
    spare: &mut crate::scratch::Spare,
) -> Matches {
    let builtin = Lexicon::builtin();
    let whole = builtin.spans_sentences
        || brands.is_some_and(|b| b.spans_sentences)
        || user.is_some_and(|u| u.spans_sentences)
        || custom.is_some_and(|c| c.spans_sentences);
    let chunk = if whole { usize::MAX } else { 4096 };
    // Custom words collapse from elongation too ("cheeeap"); a word only
    // they know is no built-in word either way, so built-in hits stay.
    let known = |w: &str| builtin.knows(w) || custom.is_some_and(|c| c.knows(w));
    let mut custom_hits = Vec::new();
    let (mut hits, items) = (std::mem::take(&mut spare.hits), &mut spare.items);
    hits.clear();
    let mut brand_hits = Vec::new();
    let mut user_hits = Vec::new();
    for range in sentence_chunks(text, tokens, chunk) {
        let norm = Normalized::of_range(
            text,
            tokens,
            keys,
            range,
            Some(&known),
            std::mem::take(items),
        );
        builtin.find(&norm, tokens, &mut hits);
        if let Some(b) = brands {
            b.find(&norm, tokens, &mut brand_hits);
        }
        if let Some(u) = user {
            u.find(&norm, tokens, &mut user_hits);
        }
        if let Some(c) = custom {
            c.find(&norm, tokens, &mut custom_hits);
        }
        *items = norm.items;
    }
    hits.append(&mut user_hits);
    Matches {
        hits,
        brands: brand_hits,
        custom: custom_hits,
    }
}

/// Parses the lexicon file format: `[signal-name]` sections, one phrase per
/// line, an optional `*weight` multiplier at the end, `#` comments on lines
/// that start with `# `.
pub(crate) fn parse(src: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut signal = None;
    for line in src.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with("# ") || line == "#" {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            signal = Signal::from_section(name);
            assert!(signal.is_some(), "unknown lexicon section [{name}]");
            continue;
        }
        let (phrase, strength) = match crate::text::ascii_matches(line, " *").last() {
            Some(i) => (
                line[..i].trim(),
                crate::decimal::parse(line[i + 2..].trim()).unwrap_or(1.0),
            ),
            None => (line, 1.0),
        };
        if let Some(signal) = signal {
            out.push(Entry {
                signal,
                strength,
                phrase: phrase.to_owned(),
            });
        }
    }
    out
}

/// Why `phrase` would not match as it reads, if it would not. Drafts are
/// matched word by word: a mark at a phrase's edge that is neither a
/// sentence end (kept as a break) nor part of a price, percentage, mention,
/// hashtag or contraction is dropped ("me:" would match every "me"), and
/// numbers and prices become placeholders ("18+" would match every number).
/// (A phrase without a letter or digit matches nothing.) The built-in
/// lexicon is held to this by a test, a config's phrases by validation.
pub(crate) fn phrase_problem(phrase: &str) -> Option<String> {
    if !phrase.chars().any(char::is_alphanumeric) {
        return Some("must contain at least one letter or digit".to_owned());
    }
    let kept = |c: char| matches!(c, '?' | '!' | '.' | '$' | '%' | '#' | '@' | '\'');
    let trimmed = phrase.trim();
    let edges = [trimmed.chars().next(), trimmed.chars().last()];
    if let Some(c) = edges
        .into_iter()
        .flatten()
        .find(|&c| c.is_ascii_punctuation() && !kept(c))
    {
        return Some(format!(
            "starts or ends with {c:?}, which matching ignores, so it would match without it"
        ));
    }
    let norm = Normalized::new(phrase, &tokenize(phrase), None);
    let has_word = norm.text.split(' ').any(|w| {
        !w.starts_with('<')
            && w != "0"
            && w != "|"
            && w.chars().any(|c| c.is_alphabetic() || c == '#')
    });
    (!has_word).then(|| {
        "has no word: a number, price, percentage, link or mention matches any other, so it alone would match every one".to_owned()
    })
}

/// The hit of entry `e` matched on items `first_item..=last_item`
/// (`None` when they hold no word).
fn hit(
    norm: &Normalized,
    e: End,
    first_item: usize,
    last_item: usize,
    tokens: &[Token],
) -> Option<Hit> {
    let (Some(first), Some(last)) = norm.token_range(first_item, last_item) else {
        return None;
    };
    Some(Hit {
        signal: e.signal,
        strength: e.strength,
        span: Span::new(tokens[first].span.start, tokens[last].span.end),
        first_token: first,
        last_token: last,
        negated: false,
        negator: norm.negator_before(first_item),
        quoted: norm.quoted(first),
    })
}

/// The built-in English lexicon source, without its comment and blank
/// lines (`crate::embed`).
pub const EN: &str = crate::embed::strip_comments!(
    include_str!("lexicon/en.txt"),
    crate::embed::Comments::HashSpace
);

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &str) -> Vec<(Signal, String, bool)> {
        let toks = tokenize(text);
        let lex = Lexicon::builtin();
        let norm = Normalized::new(text, &toks, Some(&|w| lex.knows(w)));
        let mut out = Vec::new();
        lex.find(&norm, &toks, &mut out);
        out.into_iter()
            .map(|h| (h.signal, h.span.text(text).to_owned(), h.negator.is_some()))
            .collect()
    }

    #[test]
    fn builtin_parses_with_every_section_used() {
        let lex = Lexicon::builtin();
        assert!(lex.entries().len() > 300);
    }

    #[test]
    fn every_phrase_matches_as_it_reads() {
        for e in parse(EN) {
            assert_eq!(phrase_problem(&e.phrase), None, "phrase {:?}", e.phrase);
        }
    }

    #[test]
    fn phrase_problems_are_found() {
        // "me:" matched every "me" and "/min" every "min" before the test
        // above guarded the lexicon; "18+", "$5" and "@us" are placeholders
        // alone, matching every number, price, percentage or mention.
        for p in [
            "me:",
            "/min",
            "(free)",
            "18+",
            "$5",
            "50%",
            "@us",
            "https://x.com",
        ] {
            assert!(phrase_problem(p).is_some(), "{p:?}");
        }
        for p in [
            "sale!",
            "#ad",
            "thanks @us",
            "50% off",
            "$5 off",
            "only 2 left",
            "can't",
            "wait?",
        ] {
            assert_eq!(phrase_problem(p), None, "{p:?}");
        }
    }

    #[test]
    fn case_punctuation_and_elongation_tolerant() {
        let h = hits("BUY NOWWWW!!! only 12 left");
        assert!(h.contains(&(Signal::CallToBuy, "BUY NOWWWW".into(), false)));
        assert!(h
            .iter()
            .any(|(s, t, _)| *s == Signal::Urgency && t == "only 12 left"));
    }

    #[test]
    fn phrases_do_not_cross_sentences() {
        assert!(!hits("I want to buy. Now I wait.")
            .iter()
            .any(|(s, _, _)| *s == Signal::CallToBuy));
    }

    #[test]
    fn negation_is_noticed() {
        let h = hits("This is not sponsored, I just love it");
        assert!(h.iter().any(|(s, _, neg)| *s == Signal::Sponsored && *neg));
    }

    /// The byte-level Aho-Corasick automaton the word trie replaced, kept as
    /// the reference: same hits, same order.
    fn reference_dfa(lex: &Lexicon) -> aho_corasick::dfa::DFA {
        let patterns: Vec<String> = lex
            .entries()
            .iter()
            .map(|e| {
                let n = Normalized::new(&e.phrase, &tokenize(&e.phrase), None);
                format!(" {} ", n.text.trim())
            })
            .collect();
        aho_corasick::dfa::DFA::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(&patterns)
            .unwrap()
    }

    fn reference_find(
        lex: &Lexicon,
        dfa: &aho_corasick::dfa::DFA,
        norm: &Normalized,
        tokens: &[Token],
    ) -> Vec<Hit> {
        use aho_corasick::automaton::{Automaton, OverlappingState};
        let input = aho_corasick::Input::new(&norm.text);
        let mut state = OverlappingState::start();
        let mut out = Vec::new();
        let item_at = |byte: usize| norm.items.partition_point(|it| it.start < byte);
        loop {
            dfa.try_find_overlapping(&input, &mut state).unwrap();
            let Some(m) = state.get_match() else { break };
            let e = &lex.entries()[m.pattern().as_usize()];
            let (first_item, last_item) = (item_at(m.start() + 1), item_at(m.end() - 1) - 1);
            out.extend(hit(norm, End::of(e), first_item, last_item, tokens));
        }
        out
    }

    static BUILTIN_REFERENCE: Lazy<aho_corasick::dfa::DFA> =
        Lazy::new(|| reference_dfa(Lexicon::builtin()));

    fn assert_same_as_reference(lex: &Lexicon, dfa: &aho_corasick::dfa::DFA, text: &str) {
        let toks = tokenize(text);
        let norm = Normalized::new(text, &toks, Some(&|w| Lexicon::builtin().knows(w)));
        let mut ours = Vec::new();
        lex.find(&norm, &toks, &mut ours);
        assert_eq!(ours, reference_find(lex, dfa, &norm, &toks), "{text:?}");
    }

    #[test]
    fn word_trie_finds_what_the_byte_automaton_found() {
        let lex = Lexicon::builtin();
        let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
        let mut n = 0;
        for file in [
            "corpus/dev.jsonl",
            "data/sms_spam.jsonl",
            "data/vader_tweets.jsonl",
        ] {
            let Ok(raw) = std::fs::read_to_string(shared.join(file)) else {
                continue;
            };
            for line in raw.lines().step_by(7) {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                assert_same_as_reference(lex, &BUILTIN_REFERENCE, v["text"].as_str().unwrap());
                n += 1;
            }
        }
        for text in [
            "BUY NOW!!! Buy now, buy now. Limited time only, only 3 left, shop now",
            "not sponsored, no ad. #ad #sponsored Don't miss out!",
            "\"buy now\" she said; link in bio \u{201c}shop now\u{201d} http://x.io",
        ] {
            assert_same_as_reference(lex, &BUILTIN_REFERENCE, text);
        }
        assert!(n == 0 || n > 1000);
    }

    proptest::proptest! {
        #[test]
        fn word_trie_matches_byte_automaton_on_phrase_soup(
            words in proptest::collection::vec(
                "(buy|now|shop|limited|time|only|left|0|not|don't|miss|out|link|in|bio|we|our|you|I|my|\\.|!|,|\"|free|shipping|today|#ad|sale|off)",
                0..40,
            )
        ) {
            let text = words.join(" ");
            assert_same_as_reference(Lexicon::builtin(), &BUILTIN_REFERENCE, &text);
            let user = Lexicon::new(parse("[sales-talk]\nbuy now buy\nnow\nnow now\n[neutral]\nnow\n"));
            assert_same_as_reference(&user, &reference_dfa(&user), &text);
        }
    }

    proptest::proptest! {
        #[test]
        fn matching_sentence_chunks_finds_what_matching_the_whole_draft_finds(
            words in proptest::collection::vec(
                "(buy|now|shop|limited|time|only|left|not|don't|miss|out|link|in|bio|we|I|\\.|!|\\?|\n|\"|free|shipping|today|sale)",
                0..60,
            ),
            chunk in 1usize..8,
        ) {
            let text = words.join(" ");
            let toks = tokenize(&text);
            let lex = Lexicon::builtin();
            proptest::prop_assume!(!lex.spans_sentences);
            let mut whole = Vec::new();
            lex.find(&Normalized::new(&text, &toks, Some(&|w| lex.knows(w))), &toks, &mut whole);
            let mut chunked = Vec::new();
            let mut covered = 0;
            for range in sentence_chunks(&text, &toks, chunk) {
                proptest::prop_assert_eq!(range.start, covered);
                covered = range.end;
                lex.find(&Normalized::of_range(&text, &toks, &[], range, Some(&|w| lex.knows(w)), Vec::new()), &toks, &mut chunked);
            }
            proptest::prop_assert_eq!(covered, toks.len());
            proptest::prop_assert_eq!(chunked, whole);
        }
    }

    #[test]
    fn sentence_breaks_inside_a_phrase_are_noticed() {
        assert!(Lexicon::new(parse("[urgency]\nsale! today\n")).spans_sentences);
        assert!(!Lexicon::new(parse("[urgency]\nsale today!\n")).spans_sentences);
        // Long drafts are matched in chunks only while this holds.
        assert!(!Lexicon::builtin().spans_sentences);
        let h = hits("Our No. 1 seller. Txt No: 81010. Say no.\n1 more");
        assert_eq!(
            h.iter().filter(|(s, _, _)| *s == Signal::Brag).count(),
            1,
            "{h:?}"
        );
    }

    #[test]
    fn words_match_whole_words_only() {
        assert!(!hits("the workshop nowhere")
            .iter()
            .any(|(s, _, _)| *s == Signal::CallToBuy));
    }
}
