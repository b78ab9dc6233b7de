//! Short, rule-owned phrase shapes matched over the draft's tokens: the
//! shapes a rule needs that the shared lexicon does not spell out, because
//! a number, a free word or one of a few words sits in a slot ("3 spots
//! left", "4 retainer slots left", "before they're gone"). A shape is a
//! few words per slot; a word is turned away on its first byte and length
//! before it is compared (ASCII case folded), so a list costs almost nothing
//! per word and nothing per draft. Plain strings rather than packed keys:
//! they compress in the WebAssembly module, where every byte counts.

use super::Finding;
use crate::analysis::Analysis;
use crate::report::Span;
use crate::tokenizer::TokenKind;

/// A slot: the lower-case words that may fill it.
pub(super) type Slot = &'static [&'static str];
/// A slot that any number token fills ("only 3 spots").
pub(super) const NUM: Slot = &["#"];
/// A slot that any one word fills ("3 retainer spots left").
pub(super) const ANY: Slot = &["*"];

/// The first byte and length of a few lower-case ASCII words, for turning
/// a draft's words away before they are read: bit `n` of
/// `lengths[c & 31]` is set when a listed word starting with byte `c` has
/// `n` bytes. Built at compile time; shared by the phrase lists and the
/// rules that compare single words.
#[derive(Clone, Copy)]
pub(super) struct Openers {
    lengths: [u16; 32],
}

impl Openers {
    /// No word yet.
    pub const EMPTY: Self = Self { lengths: [0; 32] };

    /// With `w` (1-15 lower-case ASCII bytes, a letter first) added.
    pub const fn with(mut self, w: &str) -> Self {
        let w = w.as_bytes();
        assert!(
            !w.is_empty() && w.len() <= 15 && w[0].is_ascii_lowercase(),
            "a listed word has 1-15 bytes and opens on a letter"
        );
        self.lengths[(w[0] & 31) as usize] |= 1 << w.len();
        self
    }

    /// With every word of `words` added.
    pub const fn with_all(mut self, words: &[&str]) -> Self {
        let mut i = 0;
        while i < words.len() {
            self = self.with(words[i]);
            i += 1;
        }
        self
    }

    /// Whether the word at `span` of `text` could be a listed word (ASCII
    /// case folded), on its first byte and length alone, without slicing
    /// the text. A word opening on another byte never is.
    #[inline]
    pub fn may_open(&self, text: &[u8], span: Span) -> bool {
        let len = span.end - span.start;
        text.get(span.start).is_some_and(|c| {
            c.is_ascii_alphabetic()
                && len <= 15
                && self.lengths[usize::from(c & 31)] & 1 << len != 0
        })
    }

    /// [`Openers::may_open`] for a word compared by its Unicode lower case,
    /// which may be shorter than the word (the Kelvin sign, 3 bytes,
    /// lower-cases to "k"): on its first byte alone.
    #[inline]
    pub fn may_start(&self, text: &[u8], span: Span) -> bool {
        text.get(span.start)
            .is_some_and(|c| c.is_ascii_alphabetic() && self.lengths[usize::from(c & 31)] != 0)
    }
}

/// A rule's phrases, with the lengths of their first words by first letter
/// (ASCII words only), so that most words are turned away unread.
pub(super) struct Phrases {
    list: &'static [&'static [Slot]],
    /// The phrases' first words.
    openers: Openers,
    /// Some phrase opens on a number.
    numbers: bool,
}

impl Phrases {
    pub const fn new(list: &'static [&'static [Slot]]) -> Self {
        let mut openers = Openers::EMPTY;
        let mut numbers = false;
        let mut i = 0;
        while i < list.len() {
            let slot = list[i][0];
            let mut j = 0;
            while j < slot.len() {
                if slot[j].as_bytes()[0] == b'#' {
                    numbers = true;
                } else {
                    openers = openers.with(slot[j]);
                }
                j += 1;
            }
            i += 1;
        }
        Self {
            list,
            openers,
            numbers,
        }
    }

    /// Spans of the phrases in the draft, earliest first, none overlapping
    /// a finding already in `out[from..]` or the user's allow list; each
    /// is handed to `push`.
    /// (Not inlined, and `push` not generic: one copy of the scan in the
    /// WebAssembly module, whatever calls it.)
    #[inline(never)]
    pub fn find(
        &self,
        a: &Analysis,
        out: &mut Vec<Finding>,
        from: usize,
        push: &dyn Fn(Span) -> Finding,
    ) {
        let t = &a.tokens;
        let text = a.text.as_bytes();
        // A token's text as a slot reads it: "#" for any number.
        let key = |k: usize| -> Option<&str> {
            let x = t.get(k)?;
            match x.kind {
                TokenKind::Number => Some(NUM[0]),
                TokenKind::Word => Some(a.slice(x.span)),
                _ => None,
            }
        };
        let mut i = 0;
        while i < t.len() {
            let opens = match t[i].kind {
                TokenKind::Number => self.numbers,
                TokenKind::Word => self.openers.may_open(text, t[i].span),
                _ => false,
            };
            let end = if opens { self.match_at(i, &key) } else { None };
            let Some(end) = end else {
                i += 1;
                continue;
            };
            let span = t[i].span.union(&t[end].span);
            if !a.is_allowed(&span) && out[from..].iter().all(|f| !f.span.overlaps(&span)) {
                out.push(push(span));
            }
            i = end + 1;
        }
    }

    /// The last token of the longest phrase opening at token `i`. (Not
    /// inlined, like [`Phrases::find`]: it runs only on the few words that
    /// pass the filter, and the module stays small.)
    #[inline(never)]
    fn match_at<'t>(&self, i: usize, key: &dyn Fn(usize) -> Option<&'t str>) -> Option<usize> {
        let first = key(i)?;
        let mut best = None;
        for p in self.list.iter().filter(|p| fills(p[0], first)) {
            let fits = p[1..]
                .iter()
                .enumerate()
                .all(|(n, &want)| key(i + 1 + n).is_some_and(|k| fills(want, k)));
            if fits && best.is_none_or(|b| b < i + p.len() - 1) {
                best = Some(i + p.len() - 1);
            }
        }
        best
    }
}

/// Whether word `w` ("#" for a number) fills `slot`.
#[inline(never)]
fn fills(slot: Slot, w: &str) -> bool {
    slot == ANY && w != NUM[0] || slot.iter().any(|s| s.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: Phrases = Phrases::new(&[
        &[&["only"], NUM, &["left"]],
        &[&["going", "selling"], &["fast"]],
        &[NUM, ANY, &["left"]],
    ]);

    fn found(text: &str) -> Vec<String> {
        let ctx = crate::Context::default();
        let model = crate::model::Model::builtin();
        let a = Analysis::run(text, None, None, None, ctx, model, None);
        let mut out = Vec::new();
        LIST.find(&a, &mut out, 0, &|s| Finding::new(s, "", None));
        out.iter().map(|f| a.slice(f.span).to_owned()).collect()
    }

    #[test]
    fn matches_numbers_words_and_free_slots() {
        assert_eq!(
            found("Only 3 left, GOING FAST"),
            ["Only 3 left", "GOING FAST"]
        );
        assert_eq!(found("We have 4 chairs left"), ["4 chairs left"]);
    }

    #[test]
    fn turns_away_what_does_not_fit() {
        assert!(found("only three left, going slowly").is_empty());
        assert!(found("4 left").is_empty());
        assert!(found("").is_empty());
        assert!(found("ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ only").is_empty());
    }
}
