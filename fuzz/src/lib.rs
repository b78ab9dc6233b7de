//! Invariants shared by the fuzz targets. Each `check_*` panics (so libFuzzer
//! reports a crash) when postlint breaks a promise of issue 7: spans inside
//! the text and on char and grapheme-cluster boundaries (issue 15), offsets
//! that round-trip between bytes, code points and UTF-16 code units, scores
//! finite and in [0, 1].

pub mod draft;
pub mod regions;

use postlint::{
    tokenize, tokenizer::tokenize_into, OffsetMapper, OffsetUnit, Report, Span, Token, TokenKind,
};
use unicode_segmentation::UnicodeSegmentation;

/// Byte offset of every code point, plus the text's length.
fn char_starts(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// For each UTF-16 code unit index, the byte offset it starts at
/// (`usize::MAX` for the second half of a surrogate pair), plus the length.
fn utf16_starts(text: &str) -> Vec<usize> {
    let mut v = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        v.push(i);
        if c.len_utf16() == 2 {
            v.push(usize::MAX);
        }
    }
    v.push(text.len());
    v
}

/// Byte offset of every extended grapheme cluster, plus the text's length.
pub fn grapheme_starts(text: &str) -> Vec<usize> {
    text.grapheme_indices(true)
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// [`grapheme_starts`] in `unit` (code points, UTF-16 code units or bytes):
/// what a span in that unit must start and end on.
pub fn grapheme_starts_in(text: &str, unit: OffsetUnit) -> Vec<usize> {
    let to = OffsetMapper::new(text, unit);
    grapheme_starts(text)
        .into_iter()
        .map(|b| to.convert(b))
        .collect()
}

/// Converts every byte span to code points and UTF-16 both through
/// [`OffsetMapper`] and through `report.with_offsets`, and checks that each
/// converts back to the same byte offsets and slices the same substring.
pub struct OffsetOracle<'t> {
    text: &'t str,
    chars: Vec<char>,
    utf16: Vec<u16>,
    char_starts: Vec<usize>,
    utf16_starts: Vec<usize>,
    grapheme_starts: Vec<usize>,
    to_chars: OffsetMapper,
    to_utf16: OffsetMapper,
    to_bytes: OffsetMapper,
}

impl<'t> OffsetOracle<'t> {
    /// Prepares the conversions for `text`.
    pub fn new(text: &'t str) -> Self {
        Self {
            text,
            chars: text.chars().collect(),
            utf16: text.encode_utf16().collect(),
            char_starts: char_starts(text),
            utf16_starts: utf16_starts(text),
            grapheme_starts: grapheme_starts(text),
            to_chars: OffsetMapper::new(text, OffsetUnit::Chars),
            to_utf16: OffsetMapper::new(text, OffsetUnit::Utf16),
            to_bytes: OffsetMapper::new(text, OffsetUnit::Bytes),
        }
    }

    /// Checks a byte span; returns its code-point and UTF-16 spans.
    pub fn check_span(&self, s: Span) -> (Span, Span) {
        let text = self.text;
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "span {s:?} outside a text of {} bytes",
            text.len()
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "span {s:?} not on char boundaries"
        );
        // A compose box highlights whole user-perceived characters.
        for (end, at) in [("start", s.start), ("end", s.end)] {
            assert!(
                self.grapheme_starts.binary_search(&at).is_ok(),
                "{end} of span {s:?} splits a grapheme cluster: {:?}",
                grapheme_around(text, at)
            );
        }
        let want = &text[s.start..s.end];
        let c = Span::new(self.to_chars.convert(s.start), self.to_chars.convert(s.end));
        let u = Span::new(self.to_utf16.convert(s.start), self.to_utf16.convert(s.end));
        assert_eq!(self.to_bytes.convert(s.start), s.start);
        assert_eq!(self.to_bytes.convert(s.end), s.end);
        // Round trip: the converted offsets lead back to the byte offsets.
        assert_eq!(
            self.char_starts.get(c.start),
            Some(&s.start),
            "{s:?} -> chars {c:?}"
        );
        assert_eq!(
            self.char_starts.get(c.end),
            Some(&s.end),
            "{s:?} -> chars {c:?}"
        );
        assert_eq!(
            self.utf16_starts.get(u.start),
            Some(&s.start),
            "{s:?} -> utf16 {u:?}"
        );
        assert_eq!(
            self.utf16_starts.get(u.end),
            Some(&s.end),
            "{s:?} -> utf16 {u:?}"
        );
        // Slicing in each unit gives the same text.
        let got_c: String = self.chars[c.start..c.end].iter().collect();
        assert_eq!(got_c, want);
        let got_u = String::from_utf16(&self.utf16[u.start..u.end]).expect("whole code points");
        assert_eq!(got_u, want);
        (c, u)
    }

    /// Checks every span and score of a report made from this text,
    /// including the report's own conversions.
    pub fn check_report(&self, r: &Report) {
        check_scores(r);
        let spans = || {
            r.diagnostics
                .iter()
                .map(|d| d.span)
                .chain(
                    r.diagnostics
                        .iter()
                        .filter_map(|d| d.fix.as_ref().map(|f| f.span)),
                )
                .chain(r.evidence.iter().map(|e| e.span))
        };
        let (cs, us): (Vec<Span>, Vec<Span>) = spans().map(|s| self.check_span(s)).unzip();
        let rc = r.clone().with_offsets(self.text, OffsetUnit::Chars);
        let ru = r.clone().with_offsets(self.text, OffsetUnit::Utf16);
        let rb = r.clone().with_offsets(self.text, OffsetUnit::Bytes);
        assert_eq!(&rb, r, "byte offsets convert to themselves");
        let spans_of = |r: &Report| -> Vec<Span> {
            r.diagnostics
                .iter()
                .map(|d| d.span)
                .chain(
                    r.diagnostics
                        .iter()
                        .filter_map(|d| d.fix.as_ref().map(|f| f.span)),
                )
                .chain(r.evidence.iter().map(|e| e.span))
                .collect()
        };
        assert_eq!(spans_of(&rc), cs);
        assert_eq!(spans_of(&ru), us);
        for d in &r.diagnostics {
            assert!(!d.span.is_empty(), "empty diagnostic span {d:?}");
        }
    }

    /// Checks tokens of this text: non-empty, ordered, disjoint, and each
    /// span as [`check_span`](Self::check_span) does.
    pub fn check_tokens(&self, tokens: &[Token]) {
        let mut prev_end = 0;
        for t in tokens {
            assert!(t.span.start < t.span.end, "empty token {t:?}");
            assert!(
                t.span.start >= prev_end,
                "tokens overlap or go backwards: {t:?}"
            );
            self.check_span(t.span);
            if t.kind == TokenKind::LineBreak {
                assert!(t.text(self.text).chars().all(|c| !c.is_alphanumeric()));
            }
            prev_end = t.span.end;
        }
    }
}

/// The grapheme cluster around byte `at` and the one before, for messages.
fn grapheme_around(text: &str, at: usize) -> &str {
    let from = text[..at.min(text.len())]
        .grapheme_indices(true)
        .rev()
        .nth(1)
        .map_or(0, |(i, _)| i);
    let to = text[at.min(text.len())..]
        .grapheme_indices(true)
        .nth(1)
        .map_or(text.len(), |(i, _)| at + i);
    text.get(from..to).unwrap_or("")
}

/// Tokenizes `text` and checks the tokens: well formed, on grapheme
/// boundaries, the same twice, and the same when appended to a used buffer.
pub fn check_tokenize(text: &str) -> Vec<Token> {
    let tokens = tokenize(text);
    OffsetOracle::new(text).check_tokens(&tokens);
    assert_eq!(tokenize(text), tokens, "not deterministic");
    let mut reused = tokens.clone();
    tokenize_into(text, &mut reused);
    assert_eq!(&reused[..tokens.len()], &tokens[..]);
    assert_eq!(
        &reused[tokens.len()..],
        &tokens[..],
        "tokenize_into appends the same tokens"
    );
    tokens
}

/// Every score is finite and in [0, 1]; every evidence weight is finite.
pub fn check_scores(r: &Report) {
    for s in [
        r.scores.salesy,
        r.scores.personal,
        r.scores.conversational,
        r.scores.identity_reflecting,
    ] {
        assert!(s.is_finite() && (0.0..=1.0).contains(&s), "score {s}");
    }
    for e in &r.evidence {
        assert!(e.weight.is_finite(), "evidence weight {e:?}");
    }
}

/// Checks a whole report against the text it was made from.
pub fn check_report(text: &str, r: &Report) {
    OffsetOracle::new(text).check_report(r);
}

/// The fuzz input as text: valid UTF-8 as is, anything else decoded lossily
/// (so every input exercises the linter, not only the valid ones).
pub fn text_of(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}
