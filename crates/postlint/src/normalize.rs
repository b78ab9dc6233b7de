//! Second stage of the pipeline: tokens to normalised words and sentences.
//!
//! Lexicon phrases and drafts go through the same normalisation: tokens are
//! lower-cased, curly apostrophes straightened, letters elongated for effect
//! collapsed ("sooo" → "so" when "so" is a lexicon word), numbers, prices,
//! percentages, links and mentions replaced by placeholders, and punctuation
//! dropped except where it ends a sentence. This file also holds the one
//! sentence splitter every later stage uses ([`sentences_into`]).

use crate::report::Span;

use crate::text::{collapse_runs, lower_ascii_key, lower_key, pack, pack_all};
use crate::tokenizer::{Token, TokenKind};

/// "Is this normalised word a lexicon word?", asked of elongated words only.
pub(crate) type Known<'a> = Option<&'a dyn Fn(&str) -> bool>;

/// [`sentences_into`] a new vector (for tests).
#[cfg(test)]
pub(crate) fn sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    sentences_into(text, tokens, &mut out);
    out
}

/// Appends the sentence spans to `out`: a sentence ends after
/// sentence-ending punctuation and at a line break (see [`ends_sentence`]);
/// leading line breaks are skipped.
pub(crate) fn sentences_into(text: &str, tokens: &[Token], out: &mut Vec<Span>) {
    let mut start: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        // `ends_sentence`, on the token in hand.
        let (ends, end) = match t.kind {
            TokenKind::LineBreak => (true, t.span.start),
            TokenKind::Punctuation => (punctuation_ends_sentence(text, tokens, i), t.span.end),
            _ => (false, t.span.end),
        };
        if t.kind != TokenKind::LineBreak && start.is_none() {
            start = Some(t.span.start);
        }
        if ends {
            if let Some(s) = start.take() {
                out.push(Span::new(s, end.max(s)));
            }
        }
    }
    if let (Some(s), Some(last)) = (start, tokens.last()) {
        out.push(Span::new(s, last.span.end));
    }
}

/// A draft in the normalised form the lexicon is matched against.
pub(crate) struct Normalized {
    /// `" w1 w2 | w3 "`: words separated by single spaces, `|` between
    /// sentences ([`Normalized::new`]). A draft's ranges
    /// ([`Normalized::of_range`]) hold here only the words too long for a
    /// packed key, back to back: the others are matched by their key.
    pub text: String,
    /// The normalised words in order, sentence separators included.
    pub(crate) items: Vec<Item>,
    /// Which tokens (from `first_token` on) are inside quotation marks;
    /// empty while no quotation mark has opened (most drafts): no
    /// allocation then.
    quoted: Vec<bool>,
    /// The first token normalised.
    first_token: usize,
}

/// The sentence of `sentences` (sorted, disjoint) containing byte `at`, or
/// an empty span at `at` between sentences.
pub(crate) fn sentence_at(sentences: &[Span], at: usize) -> Span {
    // The candidate is the last sentence starting at or before `at`.
    let i = sentences.partition_point(|s| s.start <= at);
    match i.checked_sub(1).map(|i| sentences[i]) {
        Some(s) if at < s.end.max(s.start + 1) => s,
        _ => Span::new(at, at),
    }
}

/// The indices of the tokens that start inside `s` (`tokens` in text order):
/// a sentence's tokens, or a run's.
pub(crate) fn tokens_in(tokens: &[Token], s: Span) -> std::ops::Range<usize> {
    let first = tokens.partition_point(|t| t.span.start < s.start);
    let last = first + tokens[first..].partition_point(|t| t.span.start < s.end);
    first..last
}

/// Function words of English, and of the languages most often mistaken for
/// it by a lexicon match, with the greetings and day words that open short
/// posts. Words that are also everyday English ("die", "son", "per", "hay",
/// "come", "also", "bin", "will", "man") are left out of the other lists,
/// or listed on both sides: such a word then counts for neither.
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "is", "are", "was", "were", "to", "of", "in", "it", "i", "you", "my", "we",
    "this", "that", "for", "with", "on", "at", "be", "have", "has", "had", "not", "so", "just",
    "our", "your", "a", "an", "he", "she", "they", "them", "his", "her", "their", "me", "us", "do",
    "did", "does", "will", "can", "all", "from", "by", "or", "but", "if", "what", "who", "when",
    "how", "as", "been", "get", "got", "out", "up", "about", "here", "there", "now", "today",
    "thanks", "thank", "please", "its", "it's", "i'm", "don't", "some", "than", "then", "like",
];
const SPANISH_WORDS: &[&str] = &[
    "el", "los", "las", "del", "al", "lo", "y", "que", "es", "un", "una", "unos", "con", "por",
    "para", "mi", "mis", "tu", "tus", "su", "sus", "muy", "pero", "como", "más", "está", "están",
    "esta", "este", "estos", "nos", "nuestro", "nuestra", "todo", "todos", "todas", "fue", "día",
    "hoy", "mañana", "gracias", "hola", "porque", "cuando", "también", "te", "se", "quiero",
    "mucho", "muchas", "nuevo", "nueva", "ahora", "aquí",
];
const FRENCH_WORDS: &[&str] = &[
    "le",
    "les",
    "la",
    "et",
    "est",
    "des",
    "du",
    "une",
    "pour",
    "avec",
    "je",
    "nous",
    "vous",
    "pas",
    "à",
    "au",
    "aux",
    "ce",
    "cette",
    "ces",
    "qui",
    "sur",
    "dans",
    "mes",
    "notre",
    "nos",
    "votre",
    "vos",
    "tous",
    "toutes",
    "sont",
    "être",
    "merci",
    "bonjour",
    "demain",
    "très",
    "mais",
    "ou",
    "où",
    "ne",
    "ses",
    "leur",
    "elle",
    "ils",
    "c'est",
    "aujourd'hui",
    "nouvelle",
    "nouveau",
];
const GERMAN_WORDS: &[&str] = &[
    "der", "das", "und", "ist", "nicht", "mit", "ein", "eine", "einen", "ich", "wir", "auf", "sie",
    "dem", "zu", "von", "für", "auch", "sich", "dass", "oder", "aber", "wie", "noch", "nach",
    "bei", "uns", "unser", "unsere", "unseren", "heute", "danke", "hallo", "sind", "haben", "wird",
    "endlich", "neuen", "neue",
];
const PORTUGUESE_WORDS: &[&str] = &[
    "não", "com", "uma", "os", "ao", "nossa", "nosso", "você", "vocês", "obrigado", "obrigada",
    "hoje", "amanhã", "muito", "também", "são", "nova",
];
const ITALIAN_WORDS: &[&str] = &[
    "il", "di", "che", "non", "della", "sono", "gli", "nel", "alla", "anche", "questo", "questa",
    "nostro", "nostra", "oggi", "domani", "grazie", "ciao", "siamo", "abbiamo", "molto", "tutti",
    "è",
];
const DUTCH_WORDS: &[&str] = &[
    "het", "een", "niet", "ik", "van", "wij", "jij", "zijn", "ook", "maar", "voor", "naar",
    "nieuwe", "vandaag", "morgen", "bedankt",
];
/// Shared by several of the languages above; "in", "a" and "me" are
/// English too, so they count for neither side.
const SHARED_WORDS: &[&str] = &["en", "de", "in", "a", "me"];
const OTHER_WORDS: &[&[&str]] = &[
    SPANISH_WORDS,
    FRENCH_WORDS,
    GERMAN_WORDS,
    PORTUGUESE_WORDS,
    ITALIAN_WORDS,
    DUTCH_WORDS,
    SHARED_WORDS,
];

/// Longest function word, in bytes ("aujourd'hui"): longer words are not
/// looked up.
pub(crate) const FUNCTION_WORD_MAX: usize = 12;

pub(crate) const ENGLISH: u8 = 1;
pub(crate) const OTHER: u8 = 2;

/// Both lists as `(packed key, ENGLISH | OTHER)`: the model's word table
/// holds them beside its learned words, so the language check costs no
/// look-up of its own (`crate::words`).
pub(crate) fn function_words() -> impl Iterator<Item = (u128, u8)> {
    ENGLISH_WORDS
        .iter()
        .map(|w| (w, ENGLISH))
        .chain(
            OTHER_WORDS
                .iter()
                .flat_map(|l| l.iter())
                .map(|w| (w, OTHER)),
        )
        .filter_map(|(w, class)| Some((lower_key(w)?, class)))
}

/// Token ranges of at least `min_tokens` tokens (but the last), each ending
/// where a sentence ends, to normalise and match one at a time: a long
/// draft's normalised copy then never exists whole.
pub(crate) fn sentence_chunks<'a>(
    text: &'a str,
    tokens: &'a [Token],
    min_tokens: usize,
) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= tokens.len() {
            return None;
        }
        let from = start
            .saturating_add(min_tokens.saturating_sub(1))
            .min(tokens.len());
        let end = (from..tokens.len())
            .find(|&k| ends_sentence(text, tokens, k))
            .map_or(tokens.len(), |k| k + 1);
        let range = start..end;
        start = end;
        Some(range)
    })
}

/// True when the normaliser puts a sentence separator after token `i`: a
/// line break, or punctuation with a sentence end in it, except the "." of
/// the abbreviation "No." before a number ("our No. 1 seller"), which
/// stays a word so that no lexicon phrase needs to span sentences.
#[inline]
pub(crate) fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    // Asked of every token: the kind test stays inline, the text is read
    // only for punctuation.
    match tokens[i].kind {
        TokenKind::LineBreak => true,
        TokenKind::Punctuation => punctuation_ends_sentence(text, tokens, i),
        _ => false,
    }
}

fn punctuation_ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    has_sentence_end(tokens[i].text(text)) && !is_numero_dot(text, tokens, i)
}

/// Some character of punctuation `s` ends a sentence.
fn has_sentence_end(s: &str) -> bool {
    // Nearly every mark is one byte, read as one (no char decoding).
    if let [b] = s.as_bytes() {
        return matches!(b, b'.' | b'!' | b'?' | b';');
    }
    s.chars().any(crate::text::is_sentence_end)
}

/// Token `i` is the "." of "No." right before a number.
#[inline]
fn is_numero_dot(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let b = text.as_bytes();
    // Two bytes that equal "no" ignoring ASCII case are the word "no".
    let no = |p: &Token| {
        p.span.end == t.span.start
            && p.span.end - p.span.start == 2
            && b[p.span.start..p.span.end].eq_ignore_ascii_case(b"no")
    };
    t.kind == TokenKind::Punctuation
        && t.span.end - t.span.start == 1
        && b[t.span.start] == b'.'
        && i > 0
        && no(&tokens[i - 1])
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.kind == TokenKind::Number)
}

/// One normalised word: its packed key ([`crate::text::pack`]; [`LONG`]
/// when it has more than 15 bytes), where it lies in `Normalized::text`
/// (always for a long word; for every word in a phrase's normal form) and
/// which token it came from (`usize::MAX` for a sentence separator).
#[derive(Clone, Copy)]
pub(crate) struct Item {
    pub(crate) key: u128,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) token: usize,
}

/// The key of a word too long to pack (no packed key has a length byte of
/// 0xFF).
pub(crate) const LONG: u128 = u128::MAX;

/// Keys of the sentence separator, of numbers and of "No."'s dot.
const SEP: u128 = pack_all(["|"])[0];
const ZERO: u128 = pack_all(["0"])[0];
const HASH_ONE: u128 = pack_all(["#1"])[0];
const DOT: u128 = pack_all(["."])[0];

/// Negations, packed: compared with an item's key.
const NEGATORS: [u128; 19] = pack_all([
    "not", "no", "never", "isn't", "aren't", "wasn't", "don't", "doesn't", "won't", "without",
    "nothing", "zero", "ain't", "nor", "neither", "isnt", "dont", "cannot", "can't",
]);

/// The lengths of [`NEGATORS`] by first byte: bit `n` of entry `c & 31` is
/// set when a negation opening on byte `c` has `n` bytes. Most items are
/// turned away on these two bytes of their key before the list is read
/// (this runs for the three items before every lexicon hit).
const NEGATOR_OPENERS: [u16; 32] = {
    let mut t = [0u16; 32];
    let mut i = 0;
    while i < NEGATORS.len() {
        let k = NEGATORS[i];
        t[(k as u8 & 31) as usize] |= 1 << (k >> 120) as u32;
        i += 1;
    }
    t
};

/// True when `key` is one of [`NEGATORS`].
#[inline]
fn is_negator(key: u128) -> bool {
    let len = (key >> 120) as u32;
    len < 16
        && NEGATOR_OPENERS[usize::from(key as u8 & 31)] & 1 << len != 0
        && NEGATORS.contains(&key)
}

impl Normalized {
    /// Normalises tokens of `text`; `known` (when given: "is this a lexicon
    /// word?") guides the collapse of elongated words.
    pub fn new(text: &str, tokens: &[Token], known: Known) -> Self {
        Self::build(text, tokens, &[], 0..tokens.len(), known, true, Vec::new())
    }

    /// Normalises `tokens[range]` only (token indices stay those of the
    /// whole draft). Matching range by range finds what matching the whole
    /// draft finds when each range ends a sentence (see `sentence_chunks`)
    /// and no phrase spans sentences: this state is all reset there.
    /// Only the words too long for a key are written out (see `text`);
    /// `keys` holds the words' keys already made (`crate::words::walk`),
    /// zero where there is none (it may be empty). The items go in `items`
    /// (emptied first: a vector to reuse).
    pub fn of_range(
        text: &str,
        tokens: &[Token],
        keys: &[u128],
        range: std::ops::Range<usize>,
        known: Known,
        items: Vec<Item>,
    ) -> Self {
        Self::build(text, tokens, keys, range, known, false, items)
    }

    /// [`Normalized::of_range`], with every word written to `text` when
    /// `full`.
    fn build(
        text: &str,
        tokens: &[Token],
        keys: &[u128],
        range: std::ops::Range<usize>,
        known: Known,
        full: bool,
        mut items: Vec<Item>,
    ) -> Self {
        // The WebAssembly module writes every draft out in full: the
        // key-only path is left out of it for the module's size budget
        // (the same items and keys either way).
        let full = full || cfg!(target_arch = "wasm32");
        let bytes = match (tokens[range.clone()].first(), tokens[range.clone()].last()) {
            (Some(a), Some(b)) if full => b.span.end - a.span.start,
            _ => 0,
        };
        // Room for the words, a space after each, sentence marks and
        // placeholders longer than what they replace ("$5" -> "<price>"):
        // growing the text would take a second heap block. (A draft's keys
        // need no text; a long word allocates it on first use.)
        let mut out = String::with_capacity(if full { bytes + range.len() + 16 } else { 0 });
        items.clear();
        items.reserve(range.len());
        let mut quoted = Vec::new();
        let first_token = range.start;
        let mut in_quote = false;
        if full {
            out.push(' ');
        }
        let mut last_was_sep = true;
        // Scratch for elongated words, reused: no allocation per word.
        let mut scratch = (String::new(), String::new());
        let in_range = tokens.get(range.clone()).unwrap_or_default();
        for (i, t) in (range.start..).zip(in_range) {
            let start = out.len();
            // Most words of a draft: ASCII, not elongated, at most 15
            // bytes. Their key is the token lower-cased in place, with no
            // copy written (a hashtag's ASCII sigil is its own lower case);
            // a word's was made by the walk already.
            let quick = !full && !t.elongated;
            let walked = keys.get(i).copied().unwrap_or(0);
            if t.kind == TokenKind::Word && quick && walked != 0 {
                if in_quote {
                    mark_quoted(&mut quoted, range.len(), i - first_token);
                }
                items.push(Item {
                    key: walked,
                    start,
                    end: start,
                    token: i,
                });
                last_was_sep = false;
                continue;
            }
            let s = t.text(text);
            let key = match t.kind {
                TokenKind::Word | TokenKind::Hashtag if quick && s.len() <= 15 && s.is_ascii() => {
                    Some(lower_ascii_key(s.as_bytes()))
                }
                TokenKind::Word => {
                    push_word(&mut out, s, t.elongated, known, &mut scratch);
                    None
                }
                TokenKind::Number => Some(if s == "#1" { HASH_ONE } else { ZERO }),
                TokenKind::Price => Some(PLACEHOLDERS[0]),
                TokenKind::Percentage => Some(PLACEHOLDERS[1]),
                TokenKind::Url => Some(PLACEHOLDERS[2]),
                TokenKind::Email => Some(PLACEHOLDERS[3]),
                TokenKind::Phone => Some(PLACEHOLDERS[4]),
                TokenKind::Mention => Some(PLACEHOLDERS[5]),
                TokenKind::Cashtag => Some(PLACEHOLDERS[6]),
                TokenKind::Hashtag => {
                    // The sigil is `#` or the fullwidth `＃` (3 bytes).
                    let sigil = s.chars().next().map_or(0, char::len_utf8);
                    out.push('#');
                    push_word(&mut out, &s[sigil..], t.elongated, known, &mut scratch);
                    None
                }
                // "No." before a number is a word of its own ("our No. 1
                // seller"), so the lexicon's "no. 1" matches only that.
                TokenKind::Punctuation if is_numero_dot(text, tokens, i) => Some(DOT),
                TokenKind::Punctuation | TokenKind::LineBreak => {
                    // A one-byte mark other than `"`, nearly every one,
                    // opens and closes no quote: its text is not decoded.
                    if t.kind == TokenKind::Punctuation && (s.len() > 1 || s == "\"") {
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
                    // Not "No."'s dot (the arm above): a line break or a
                    // sentence-ending character ends the sentence.
                    let ends = t.kind == TokenKind::LineBreak || has_sentence_end(s);
                    if ends && !last_was_sep {
                        if full {
                            out.push_str("| ");
                        }
                        items.push(Item {
                            key: SEP,
                            start,
                            end: start + usize::from(full),
                            token: usize::MAX,
                        });
                        last_was_sep = true;
                    }
                    if ends {
                        in_quote = false;
                    }
                    continue;
                }
                TokenKind::Emoji | TokenKind::Emoticon | TokenKind::Symbol => continue,
            };
            if in_quote {
                mark_quoted(&mut quoted, range.len(), i - first_token);
            }
            let item = match key {
                // A key only: in a phrase's normal form, written out too.
                Some(key) if full => {
                    unpack(key, &mut out);
                    Item {
                        key,
                        start,
                        end: out.len(),
                        token: i,
                    }
                }
                Some(key) => Item {
                    key,
                    start,
                    end: start,
                    token: i,
                },
                None => {
                    let key = pack(&out[start..]).unwrap_or(LONG);
                    if key != LONG && !full {
                        out.truncate(start);
                    }
                    Item {
                        key,
                        start,
                        end: out.len(),
                        token: i,
                    }
                }
            };
            items.push(item);
            if full {
                out.push(' ');
            }
            last_was_sep = false;
        }
        Self {
            text: out,
            items,
            quoted,
            first_token,
        }
    }

    /// The normalised text of item `k`: of a long word (see `text`), or
    /// of any word of a phrase's normal form.
    pub(crate) fn item_text(&self, k: usize) -> &str {
        let it = &self.items[k];
        &self.text[it.start..it.end]
    }

    /// Token indices of the first and last word among items `first..=last`.
    pub(crate) fn token_range(&self, first: usize, last: usize) -> (Option<usize>, Option<usize>) {
        let mut toks = self.items[first..=last]
            .iter()
            .map(|it| it.token)
            .filter(|&t| t != usize::MAX);
        let first = toks.next();
        (first, toks.next_back().or(first))
    }

    /// The token of a negation among the three words before item `at`, in
    /// the same sentence. Asked per hit, not per word: no per-word flags.
    pub(crate) fn negator_before(&self, at: usize) -> Option<usize> {
        (at.saturating_sub(3)..at)
            .rev()
            .take_while(|&k| self.items[k].token != usize::MAX)
            .find(|&k| is_negator(self.items[k].key))
            .map(|k| self.items[k].token)
    }

    pub(crate) fn quoted(&self, token: usize) -> bool {
        token
            .checked_sub(self.first_token)
            .and_then(|k| self.quoted.get(k))
            .copied()
            .unwrap_or(false)
    }
}

/// Placeholders of tokens the lexicon matches by kind, packed.
const PLACEHOLDERS: [u128; 7] = pack_all([
    "<price>",
    "<pct>",
    "<url>",
    "<email>",
    "<phone>",
    "<mention>",
    "<cashtag>",
]);

/// Marks the `k`th token normalised as quoted, making room for `n` flags
/// on the first.
fn mark_quoted(quoted: &mut Vec<bool>, n: usize, k: usize) {
    if quoted.is_empty() {
        quoted.resize(n, false);
    }
    quoted[k] = true;
}

/// Writes the word of a packed key (ASCII: every key
/// [`Normalized::build`] makes without writing the word).
fn unpack(key: u128, out: &mut String) {
    let len = usize::from((key >> 120) as u8);
    out.extend(key.to_le_bytes()[..len].iter().map(|&b| char::from(b)));
}

fn push_word(
    out: &mut String,
    s: &str,
    elongated: bool,
    known: Known,
    (word, one): &mut (String, String),
) {
    let start = out.len();
    if s.is_ascii() {
        out.push_str(s);
        out[start..].make_ascii_lowercase();
    } else {
        for c in s.chars() {
            match c {
                '’' | '‘' | 'ʼ' => out.push('\''),
                c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                c => out.extend(crate::case::lower(c)),
            }
        }
    }
    if elongated {
        // Runs collapsed to two letters ("sooo" -> "soo"), unless only the
        // one-letter form is a lexicon word ("nowww" -> "now").
        word.clear();
        word.push_str(&out[start..]);
        out.truncate(start);
        collapse_runs(word, 2, out);
        let is_known = |w: &str| known.is_some_and(|k| k(w));
        if !is_known(&out[start..]) {
            one.clear();
            collapse_runs(word, 1, one);
            if is_known(one) || known.is_none() {
                out.truncate(start);
                out.push_str(one);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenizer::tokenize;

    #[test]
    fn sentences_split() {
        let text = "One. Two?\nThree";
        let t = tokenize(text);
        let s: Vec<_> = sentences(text, &t).iter().map(|s| s.text(text)).collect();
        assert_eq!(s, ["One.", "Two?", "Three"]);
    }

    #[test]
    fn every_function_word_fits_a_key() {
        let lists = OTHER_WORDS.iter().chain([&ENGLISH_WORDS]);
        for w in lists.flat_map(|l| l.iter()) {
            assert!(w.len() <= FUNCTION_WORD_MAX, "{w}");
            assert!(lower_key(w).is_some(), "{w}");
        }
    }

    #[test]
    fn numero_dot_does_not_split() {
        let text = "Our No. 1 seller. Yes";
        let t = tokenize(text);
        let s: Vec<_> = sentences(text, &t).iter().map(|s| s.text(text)).collect();
        assert_eq!(s, ["Our No. 1 seller.", "Yes"]);
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
}
