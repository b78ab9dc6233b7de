//! Built-in English lexicons and the phrase matcher.
//!
//! Lexicon phrases and drafts go through the same normalisation: tokens are
//! lower-cased, curly apostrophes straightened, letters elongated for effect
//! collapsed ("sooo" → "so" when "so" is a lexicon word), numbers, prices,
//! percentages, links and mentions replaced by placeholders, and punctuation
//! dropped except where it ends a sentence. So `only 3 left` in the lexicon
//! matches "ONLY 12 LEFT!!!" in a draft, and a phrase never spans two
//! sentences. All phrases of all signals are matched in one pass with an
//! Aho-Corasick automaton built once per process.

use std::collections::HashSet;

use aho_corasick::automaton::{Automaton, OverlappingState};
use aho_corasick::dfa::DFA;
use aho_corasick::{Input, MatchKind};
use once_cell::sync::Lazy;

use crate::report::Span;
use crate::text::collapse_runs;
use crate::tokenizer::{tokenize, Token, TokenKind};

/// A kind of evidence a lexicon phrase carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Signal {
    /// An imperative call to buy, order, book or click.
    CallToBuy,
    /// Time pressure or scarcity.
    Urgency,
    /// Money off, free things, promo codes.
    Discount,
    /// Asking for likes, follows or shares in exchange for something.
    EngagementBait,
    /// Begging for attention.
    Needy,
    /// Self-praise and achievements.
    Brag,
    /// A follower, like or view count.
    VanityMetric,
    /// Weaker commercial vocabulary (sale, shop, launch, in stock).
    SalesTalk,
    /// Paid-partnership markers (#ad, use my link).
    Sponsored,
    /// The author explicitly says this is not a pitch.
    NotSelling,
    /// First person singular (I, me, my).
    FirstPerson,
    /// Life outside work: family, pets, food, hobbies, weekends.
    LifeOutsideWork,
    /// Feelings and opinions.
    Feeling,
    /// Casual, spoken register (lol, omg, tbh).
    Casual,
    /// Laughing at oneself.
    SelfDeprecation,
    /// Asking readers for opinions, stories or answers.
    AskOpinion,
    /// Offering help.
    OfferHelp,
    /// Thanking or congratulating someone.
    Gratitude,
    /// The audience's place, community or group at the centre.
    Community,
    /// Inviting readers to show themselves or join something.
    Invitation,
    /// Second person (you, your).
    SecondPerson,
    /// Brand-centric talk about the company itself.
    BrandSelf,
    /// First person plural (we, our, us).
    FirstPersonPlural,
    /// Industry jargon and market talk.
    Jargon,
    /// An opener that makes a question a pitch's hook ("Tired of ...?").
    Rhetorical,
    /// An everyday phrase that contains a sales word ("feel free", "coffee
    /// shop"); commercial phrases inside it do not count.
    Neutral,
    /// A phrase from the user's allow list: nothing inside it is flagged.
    Allowed,
}

impl Signal {
    /// The signal's stable name, as shown in evidence.
    pub const fn name(self) -> &'static str {
        match self {
            Self::CallToBuy => "call-to-buy",
            Self::Urgency => "urgency",
            Self::Discount => "discount",
            Self::EngagementBait => "engagement-bait",
            Self::Needy => "needy",
            Self::Brag => "brag",
            Self::VanityMetric => "vanity-metric",
            Self::SalesTalk => "sales-talk",
            Self::Sponsored => "sponsored",
            Self::NotSelling => "not-selling",
            Self::FirstPerson => "first-person",
            Self::LifeOutsideWork => "life-outside-work",
            Self::Feeling => "feeling",
            Self::Casual => "casual",
            Self::SelfDeprecation => "self-deprecation",
            Self::AskOpinion => "asks-readers",
            Self::OfferHelp => "offers-help",
            Self::Gratitude => "thanks-or-congrats",
            Self::Community => "community",
            Self::Invitation => "invitation",
            Self::SecondPerson => "second-person",
            Self::BrandSelf => "brand-self-talk",
            Self::FirstPersonPlural => "first-person-plural",
            Self::Jargon => "jargon",
            Self::Rhetorical => "rhetorical-hook",
            Self::Neutral => "neutral",
            Self::Allowed => "allowed",
        }
    }

    fn from_section(name: &str) -> Option<Self> {
        use Signal::*;
        [
            CallToBuy,
            Urgency,
            Discount,
            EngagementBait,
            Needy,
            Brag,
            VanityMetric,
            SalesTalk,
            Sponsored,
            NotSelling,
            FirstPerson,
            LifeOutsideWork,
            Feeling,
            Casual,
            SelfDeprecation,
            AskOpinion,
            OfferHelp,
            Gratitude,
            Community,
            Invitation,
            SecondPerson,
            BrandSelf,
            FirstPersonPlural,
            Jargon,
            Rhetorical,
        ]
        .into_iter()
        .find(|s| s.name() == name)
        .or((name == "neutral").then_some(Neutral))
        .or((name == "rhetorical").then_some(Rhetorical))
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

/// A compiled set of phrases.
#[derive(Clone, Debug)]
pub struct Lexicon {
    entries: Vec<Entry>,
    automaton: Option<DFA>,
    words: HashSet<String>,
}

impl Lexicon {
    /// Compiles entries into one automaton.
    pub fn new(entries: Vec<Entry>) -> Self {
        let mut patterns = Vec::with_capacity(entries.len());
        let mut words = HashSet::new();
        let mut kept = Vec::with_capacity(entries.len());
        for e in entries {
            let norm = Normalized::new(&e.phrase, &tokenize(&e.phrase), None);
            let body = norm.text.trim();
            if body.is_empty() || body == "|" {
                continue;
            }
            words.extend(body.split(' ').map(str::to_owned));
            patterns.push(format!(" {body} "));
            kept.push(e);
        }
        // A DFA: a few hundred KB once per process, and the fastest search,
        // which runs on every keystroke in a compose box. Built directly (not
        // through `AhoCorasick`) so the other automaton kinds stay out of the
        // WebAssembly module.
        let automaton = (!patterns.is_empty()).then(|| {
            DFA::builder()
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .expect("lexicon patterns are small plain strings")
        });
        Self {
            entries: kept,
            automaton,
            words,
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
        self.words.contains(word)
    }

    /// Appends every phrase occurrence in `norm` to `out`.
    pub(crate) fn find(&self, norm: &Normalized, tokens: &[Token], out: &mut Vec<Hit>) {
        let Some(dfa) = &self.automaton else { return };
        let input = Input::new(&norm.text);
        let mut state = OverlappingState::start();
        loop {
            // A standard-semantics DFA over plain patterns cannot fail.
            if dfa.try_find_overlapping(&input, &mut state).is_err() {
                break;
            }
            let Some(m) = state.get_match() else { break };
            let e = &self.entries[m.pattern().as_usize()];
            // The pattern has a space on each side; the words lie inside.
            let (first, last) = norm.token_range(m.start() + 1, m.end() - 1);
            let (Some(first), Some(last)) = (first, last) else {
                continue;
            };
            out.push(Hit {
                signal: e.signal,
                strength: e.strength,
                span: Span::new(tokens[first].span.start, tokens[last].span.end),
                first_token: first,
                last_token: last,
                negated: false,
                negator: norm.negator_before(m.start()),
                quoted: norm.quoted(first),
            });
        }
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
        let (phrase, strength) = match line.rsplit_once(" *") {
            Some((p, w)) => (p.trim(), w.trim().parse().unwrap_or(1.0)),
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

/// The built-in English lexicon source.
pub const EN: &str = include_str!("lexicon/en.txt");

/// A draft in the normalised form the lexicon is matched against.
pub(crate) struct Normalized {
    /// `" w1 w2 | w3 "`: words separated by single spaces, `|` between sentences.
    pub text: String,
    /// For each normalised item: its start in `text` and its token index
    /// (`usize::MAX` for sentence separators).
    items: Vec<(usize, usize)>,
    /// Token indices that are inside quotation marks.
    quoted: Vec<bool>,
    negators: Vec<bool>,
}

const NEGATORS: &[&str] = &[
    "not", "no", "never", "isn't", "aren't", "wasn't", "don't", "doesn't", "won't", "without",
    "nothing", "zero", "ain't", "nor", "neither", "isnt", "dont", "cannot", "can't",
];

impl Normalized {
    /// Normalises tokens of `text`; `vocab` (when given) guides the collapse
    /// of elongated words.
    pub fn new(text: &str, tokens: &[Token], vocab: Option<&Lexicon>) -> Self {
        let mut out = String::with_capacity(text.len() + 2);
        let mut items = Vec::with_capacity(tokens.len());
        let mut quoted = vec![false; tokens.len()];
        let mut negators = Vec::with_capacity(tokens.len());
        let mut in_quote = false;
        out.push(' ');
        let mut last_was_sep = true;
        for (i, t) in tokens.iter().enumerate() {
            let s = t.text(text);
            let start = out.len();
            match t.kind {
                TokenKind::Word => {
                    push_word(&mut out, s, t.elongated, vocab);
                }
                TokenKind::Number => out.push_str(if s == "#1" { "#1" } else { "0" }),
                TokenKind::Price => out.push_str("<price>"),
                TokenKind::Percentage => out.push_str("<pct>"),
                TokenKind::Url => out.push_str("<url>"),
                TokenKind::Email => out.push_str("<email>"),
                TokenKind::Phone => out.push_str("<phone>"),
                TokenKind::Mention => out.push_str("<mention>"),
                TokenKind::Cashtag => out.push_str("<cashtag>"),
                TokenKind::Hashtag => {
                    out.push('#');
                    push_word(&mut out, &s[1..], t.elongated, vocab);
                }
                TokenKind::Punctuation | TokenKind::LineBreak => {
                    if t.kind == TokenKind::Punctuation {
                        for (k, c) in s.char_indices() {
                            match c {
                                // A straight quote opens after a space (or at
                                // the start, or after "(", "="), and closes
                                // otherwise; toggling would reopen a quote
                                // whose sentence already ended.
                                '"' => {
                                    let before = text[..t.span.start + k].chars().next_back();
                                    in_quote = before.is_none_or(|p| {
                                        p.is_whitespace()
                                            || matches!(p, '(' | '[' | '{' | '=' | ':')
                                    });
                                }
                                '“' | '«' | '„' => in_quote = true,
                                '”' | '»' => in_quote = false,
                                _ => {}
                            }
                        }
                    }
                    let ends = t.kind == TokenKind::LineBreak
                        || s.chars().any(crate::text::is_sentence_end);
                    if ends && !last_was_sep {
                        out.push('|');
                        items.push((start, usize::MAX));
                        negators.push(false);
                        out.push(' ');
                        last_was_sep = true;
                    }
                    if ends {
                        in_quote = false;
                    }
                    continue;
                }
                TokenKind::Emoji | TokenKind::Emoticon | TokenKind::Symbol => continue,
            }
            quoted[i] = in_quote;
            negators.push(NEGATORS.contains(&&out[start..]));
            items.push((start, i));
            out.push(' ');
            last_was_sep = false;
        }
        Self {
            text: out,
            items,
            quoted,
            negators,
        }
    }

    /// Token indices of the first and last word in `[start, end)` of `text`.
    fn token_range(&self, start: usize, end: usize) -> (Option<usize>, Option<usize>) {
        let a = self.items.partition_point(|&(s, _)| s < start);
        let b = self.items.partition_point(|&(s, _)| s < end);
        let mut toks = self.items[a..b]
            .iter()
            .map(|&(_, t)| t)
            .filter(|&t| t != usize::MAX);
        let first = toks.clone().next();
        (first, toks.next_back())
    }

    /// The token of a negation among the three words before byte `at`, in the
    /// same sentence.
    fn negator_before(&self, at: usize) -> Option<usize> {
        let idx = self.items.partition_point(|&(s, _)| s < at);
        (idx.saturating_sub(3)..idx)
            .rev()
            .take_while(|&k| self.items[k].1 != usize::MAX)
            .find(|&k| self.negators[k])
            .map(|k| self.items[k].1)
    }

    fn quoted(&self, token: usize) -> bool {
        self.quoted.get(token).copied().unwrap_or(false)
    }
}

fn push_word(out: &mut String, s: &str, elongated: bool, vocab: Option<&Lexicon>) {
    let start = out.len();
    for c in s.chars() {
        match c {
            '’' | '‘' | 'ʼ' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    if elongated {
        let word = out.split_off(start);
        let mut two = String::new();
        collapse_runs(&word, 2, &mut two);
        let known = |w: &str| vocab.is_some_and(|v| v.knows(w));
        if known(&two) {
            out.push_str(&two);
        } else {
            let mut one = String::new();
            collapse_runs(&word, 1, &mut one);
            out.push_str(if known(&one) || vocab.is_none() {
                &one
            } else {
                &two
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &str) -> Vec<(Signal, String, bool)> {
        let toks = tokenize(text);
        let lex = Lexicon::builtin();
        let norm = Normalized::new(text, &toks, Some(lex));
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
    fn every_phrase_has_a_word() {
        // A phrase of only placeholders ("18+" becomes "0") would match
        // every number in every draft.
        for e in parse(EN) {
            let norm = Normalized::new(&e.phrase, &tokenize(&e.phrase), None);
            let has_word = norm.text.split(' ').any(|w| {
                !w.starts_with('<')
                    && w != "0"
                    && w != "|"
                    && w.chars().any(|c| c.is_alphabetic() || c == '#')
            });
            assert!(has_word, "phrase {:?} has no word", e.phrase);
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

    #[test]
    fn straight_quotes_open_and_close_by_position() {
        let text = r#"<a title="x.y"> Buy now"#;
        let toks = tokenize(text);
        let norm = Normalized::new(text, &toks, None);
        let buy = toks.iter().position(|t| t.text(text) == "Buy").unwrap();
        assert!(!norm.quoted(buy));
        let text = r#"he said "buy now" twice"#;
        let toks = tokenize(text);
        let norm = Normalized::new(text, &toks, None);
        let buy = toks.iter().position(|t| t.text(text) == "buy").unwrap();
        assert!(norm.quoted(buy));
    }

    #[test]
    fn words_match_whole_words_only() {
        assert!(!hits("the workshop nowhere")
            .iter()
            .any(|(s, _, _)| *s == Signal::CallToBuy));
    }
}
