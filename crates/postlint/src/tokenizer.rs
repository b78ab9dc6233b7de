//! A one-pass tokenizer for social text.
//!
//! It walks the text's Unicode word boundaries (UAX #29, via
//! `unicode-segmentation`) and, at the start of each segment, tries the
//! social-text shapes that word boundaries would cut apart: URLs (with or
//! without scheme), e-mail addresses, @mentions, #hashtags, $cashtags, prices
//! and percentages, emoticons. Every token ends on a grapheme-cluster
//! boundary, so an emoji ZWJ sequence, a skin-toned emoji or a flag is always
//! one token and a combining mark never gets separated from its base.
//!
//! ```
//! use postlint::{tokenize, TokenKind};
//! let text = "Hi @ana! 50% off at shop.example.com 👩🏽‍💻";
//! let kinds: Vec<_> = tokenize(text).iter().map(|t| t.kind).collect();
//! assert_eq!(kinds, [
//!     TokenKind::Word, TokenKind::Mention, TokenKind::Punctuation,
//!     TokenKind::Percentage, TokenKind::Word, TokenKind::Word,
//!     TokenKind::Url, TokenKind::Emoji,
//! ]);
//! ```

use serde::Serialize;
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

use crate::entities::{self, UrlCursor};
use crate::report::Span;
use crate::text::{is_all_caps, is_elongated, is_line_break, is_pictographic, is_punctuation};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A word in any script, contractions included (`don't`).
    Word,
    /// A number, with separators or a suffix (`50,000`, `10k`, `3.5`, `7am`).
    Number,
    /// A web address, with or without scheme (`example.com/sale`).
    Url,
    /// An e-mail address.
    Email,
    /// `@name`.
    Mention,
    /// `#topic`.
    Hashtag,
    /// `$TICKER`.
    Cashtag,
    /// An amount of money (`$19.99`, `€5`, `12£`).
    Price,
    /// A percentage (`50%`).
    Percentage,
    /// One emoji: a whole ZWJ, skin-tone, keycap or flag sequence.
    Emoji,
    /// A phone number (`555-0142`, `(503) 555-0142`, `+44 20 7946 0958`).
    Phone,
    /// An ASCII emoticon (`:)`, `:-(`, `<3`, `;P`).
    Emoticon,
    /// A run of adjacent punctuation (`!!!`, `?!`, `...`).
    Punctuation,
    /// Any other symbol (`+`, `→`, `©`).
    Symbol,
    /// One line break.
    LineBreak,
}

/// A token: its kind, its byte span, and two style flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// Byte span in the tokenized text.
    #[serde(flatten)]
    pub span: Span,
    /// Every cased letter is upper case (two letters at least).
    pub all_caps: bool,
    /// A letter repeats three or more times in a row (`sooo`).
    pub elongated: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        self.span.text(source)
    }

    /// True for tokens made of words a person wrote (words and numbers).
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }
}

/// Tokenizes `text` into a new vector.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 4 + 1);
    tokenize_into(text, &mut out);
    out
}

/// Tokenizes `text`, appending to `out` (lets callers reuse one buffer).
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    tokenize_into_ascii(text, out);
}

/// [`tokenize_into`], returning whether `text` is ASCII: the analysis
/// reads the tokenizer's test instead of making its own. Inlined natively,
/// where the returned flag would cost [`tokenize`] 3 instructions a tweet;
/// not in WebAssembly, where a second copy would cost ~400 bytes gzipped.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(crate) fn tokenize_into_ascii(text: &str, out: &mut Vec<Token>) -> bool {
    // Most English drafts are pure ASCII: their word boundaries come from a
    // small scanner that follows the same UAX #29 rules (checked against
    // unicode-segmentation by a property test), several times faster.
    if text.is_ascii() {
        tokenize_ascii(text, true, out);
        return true;
    }
    // Otherwise line by line, so that one emoji does not send a long draft
    // down the slow path: UAX #29 always breaks after a line feed and no
    // special shape spans one, so each line tokenizes on its own. Its tokens
    // are shifted to draft offsets; the previous line ended in a line-break
    // token, so `push` never merges across lines.
    let mut base = 0;
    for line in text.split_inclusive('\n') {
        let first = out.len();
        if line.is_ascii() {
            tokenize_ascii(line, base == 0, out);
        } else {
            tokenize_segments(line, line.split_word_bound_indices(), base == 0, out);
        }
        if base > 0 {
            for t in &mut out[first..] {
                t.span.start += base;
                t.span.end += base;
            }
        }
        base += line.len();
    }
    false
}

/// `tokenize_segments` over `AsciiWordBounds`, fused and specialised for
/// ASCII: the same algorithm and the same tokens (a property test compares
/// the two), without decoding chars or walking grapheme clusters, since in
/// ASCII every byte boundary is a grapheme boundary except inside CR LF,
/// which is one segment and which no special shape ends in.
fn tokenize_ascii(text: &str, starts_text: bool, out: &mut Vec<Token>) {
    let b = text.as_bytes();
    let mut urls = UrlCursor::new(starts_text);
    let mut next_url = urls.next_start(text, 0);
    // Where the next '@' is: a word is no e-mail address without one ahead.
    let mut next_at = memchr::memchr(b'@', b).unwrap_or(usize::MAX);
    let mut pos = 0;
    let mut consumed = 0;
    while pos < b.len() {
        let seg_start = pos;
        if b[pos] == b' ' {
            // Spaces make no token and start no special shape.
            pos = scan(b, pos + 1, |x| x == b' ');
            continue;
        }
        let end = ascii_segment_end(b, pos);
        pos = end;
        if end <= consumed {
            continue;
        }
        let start = seg_start.max(consumed);
        // A link starts here or inside this word segment ("it's.com").
        if next_url < start {
            next_url = urls.next_start(text, start);
        }
        if next_url < end {
            let (s, e) = (next_url, urls.url_at(text, next_url).unwrap_or(next_url));
            if s > start {
                if let Some(kind) = classify_ascii(b[start]) {
                    push_ascii(out, b, kind, start, s);
                }
            }
            push_ascii(out, b, TokenKind::Url, s, e);
            consumed = e;
            continue;
        }
        if next_at < start {
            next_at = memchr::memchr(b'@', &b[start..]).map_or(usize::MAX, |k| start + k);
        }
        if may_be_special(b, start, end, next_at != usize::MAX) {
            if let Some((kind, tok_end)) = special(text, b, start) {
                push_ascii(out, b, kind, start, tok_end);
                consumed = tok_end;
                continue;
            }
        }
        consumed = end;
        if let Some(kind) = classify_ascii(b[start]) {
            push_ascii(out, b, kind, start, end);
        }
    }
}

/// False when `special` surely finds nothing at `start`, the start of (the
/// rest of) an ASCII word segment ending at `end`; `at_ahead`: an `@` comes
/// at `start` or later. A cheap test that spares most plain words the
/// scanners.
#[inline]
fn may_be_special(b: &[u8], start: usize, end: usize, at_ahead: bool) -> bool {
    match b[start] {
        // "xD" is the one emoticon that starts with a letter.
        b'x' | b'X' if b.get(start + 1) == Some(&b'D') => true,
        // Otherwise a word is only ever the start of an e-mail address
        // (links come from `UrlCursor`), which needs an '@' ahead and one of
        // these after its letters and digits (see `email`): inside the
        // segment or right after it.
        b'a'..=b'z' | b'A'..=b'Z' => {
            at_ahead
                && b[start..(end + 1).min(b.len())]
                    .iter()
                    .any(|&x| BYTE_CLASS[x as usize] & LINKISH != 0)
        }
        b'0'..=b'9'
        | b'@'
        | b'#'
        | b'$'
        | b'('
        | b'+'
        | b':'
        | b';'
        | b'='
        | b'<'
        | b'^'
        | b'>' => true,
        _ => false,
    }
}

/// `classify` for a segment of ASCII text, from its first byte.
#[inline]
fn classify_ascii(first: u8) -> Option<TokenKind> {
    match first {
        b'\n' | b'\r' | b'\x0B' | b'\x0C' => Some(TokenKind::LineBreak),
        b'0'..=b'9' => Some(TokenKind::Number),
        b'a'..=b'z' | b'A'..=b'Z' | b'_' => Some(TokenKind::Word),
        x if x.is_ascii_punctuation() => Some(TokenKind::Punctuation),
        // Spaces, tabs and control characters.
        _ => None,
    }
}

/// `push` for ASCII text: the style flags from bytes.
#[inline(always)]
fn push_ascii(out: &mut Vec<Token>, b: &[u8], kind: TokenKind, start: usize, end: usize) {
    let styled = kind == TokenKind::Word || kind == TokenKind::Hashtag;
    let (all_caps, elongated) = if styled {
        ascii_style(&b[start..end])
    } else {
        (false, false)
    };
    push_token(out, kind, start, end, all_caps, elongated);
}

/// `(is_all_caps, is_elongated)` of an ASCII word.
#[inline]
fn ascii_style(w: &[u8]) -> (bool, bool) {
    let all_caps = !w.iter().any(u8::is_ascii_lowercase)
        && w.iter().filter(|c| c.is_ascii_uppercase()).count() >= 2;
    (all_caps, has_letter_run(w))
}

/// Some ASCII letter of `w` repeats three times in a row ("sooo"). Where
/// `w[i]` differs from `w[i - 1]`, neither the three bytes ending at `i`
/// nor those ending at `i + 1` are one run: the scan steps two bytes on.
#[inline]
fn has_letter_run(w: &[u8]) -> bool {
    let mut i = 2;
    while let Some(&c) = w.get(i) {
        if c != w[i - 1] {
            i += 2;
            continue;
        }
        if w[i - 2] == c && c.is_ascii_alphabetic() {
            return true;
        }
        i += 1;
    }
    false
}

fn tokenize_segments<'a>(
    text: &'a str,
    segments: impl Iterator<Item = (usize, &'a str)>,
    starts_text: bool,
    out: &mut Vec<Token>,
) {
    let bytes = text.as_bytes();
    let mut urls = UrlCursor::new(starts_text);
    let mut next_url = urls.next_start(text, 0);
    let mut consumed = 0usize;
    for (start, seg) in segments {
        let end = start + seg.len();
        if end <= consumed {
            continue;
        }
        let (start, seg) = if start < consumed {
            // A special token ended inside this segment: classify the rest.
            (consumed, &text[consumed..end])
        } else {
            (start, seg)
        };
        // Word boundaries can fall inside a grapheme cluster: a Prepend sign
        // (U+0600, U+06DD, ...) joins the character after it, but word
        // segmentation leaves the sign with what precedes it, where it is
        // skipped (the rest of a URL's segment, a space). The token then
        // takes in its whole cluster: it starts at the cluster's start,
        // never before `consumed` (a cluster boundary). Such a token is an
        // ordinary one (classified from `start`): special shapes keep their
        // marker (`#`, `@`, `$`, a scheme) first.
        let from = grapheme_start(text, start, consumed);
        // A link starts here or inside this word segment ("한국twitter.com"),
        // unless that start is inside a grapheme cluster (after a Prepend
        // sign): a token never begins mid-cluster.
        if next_url < start {
            next_url = urls.next_start(text, start);
        }
        if next_url < end && grapheme_start(text, next_url, from) == next_url {
            let (s, e) = (next_url, urls.url_at(text, next_url).unwrap_or(next_url));
            if s > start {
                if let Some(kind) = classify(&text[start..s]) {
                    push(out, text, kind, from, s);
                }
            }
            let e = snap_to_grapheme(text, e);
            push(out, text, TokenKind::Url, s, e);
            consumed = e;
            continue;
        }
        let special = if from == start {
            special(text, bytes, start)
        } else {
            None
        };
        if let Some((kind, tok_end)) = special {
            let tok_end = snap_to_grapheme(text, tok_end);
            push(out, text, kind, from, tok_end);
            consumed = tok_end;
            continue;
        }
        // Likewise a segment can end inside a cluster (after a Prepend
        // sign): extend to the cluster's end. A segment of nothing but such
        // signs is left to the next one, which takes it in as above, so that
        // `\u{06DD}#tag` is a hashtag and `\u{0600}5` a number.
        let snapped = snap_to_grapheme(text, end);
        if snapped != end && grapheme_start(text, end, consumed) == from {
            continue;
        }
        let end = snapped;
        consumed = end;
        if let Some(kind) = classify(seg) {
            push(out, text, kind, from, end);
        }
    }
}

/// UAX #29 word boundaries of an ASCII text, as an iterator: what the
/// property tests compare with unicode-segmentation.
#[cfg(test)]
struct AsciiWordBounds<'a> {
    text: &'a str,
    pos: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum AsciiWb {
    Letter,
    Numeric,
    ExtendNumLet,
    MidLetter,
    MidNum,
    MidNumLet,
    Space,
    Newline,
    Cr,
    Lf,
    Other,
}

const fn ascii_wb(b: u8) -> AsciiWb {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => AsciiWb::Letter,
        b'0'..=b'9' => AsciiWb::Numeric,
        b'_' => AsciiWb::ExtendNumLet,
        b':' => AsciiWb::MidLetter,
        b',' | b';' => AsciiWb::MidNum,
        b'.' | b'\'' => AsciiWb::MidNumLet,
        b' ' => AsciiWb::Space,
        b'\x0B' | b'\x0C' => AsciiWb::Newline,
        b'\r' => AsciiWb::Cr,
        b'\n' => AsciiWb::Lf,
        _ => AsciiWb::Other,
    }
}

/// Bits of `BYTE_CLASS`: letters, digits and `_` (which join in a word)...
const JOINS: u8 = 1;
/// ...and the bytes that can continue a word into an address.
const LINKISH: u8 = 2;

/// Byte classes for the hot loops of the ASCII tokenizer.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        if c.is_ascii_alphanumeric() || c == b'_' {
            t[i] |= JOINS;
        }
        if matches!(c, b'.' | b'@' | b'-' | b'_' | b'%' | b'+') {
            t[i] |= LINKISH;
        }
        i += 1;
    }
    t
};

/// `ascii_wb` as a table: this runs once per byte of every draft.
static ASCII_WB: [AsciiWb; 256] = {
    let mut t = [AsciiWb::Other; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = ascii_wb(i as u8);
        i += 1;
    }
    t
};

#[cfg(test)]
impl<'a> Iterator for AsciiWordBounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.pos;
        if start >= self.text.len() {
            return None;
        }
        self.pos = ascii_segment_end(self.text.as_bytes(), start);
        Some((start, &self.text[start..self.pos]))
    }
}

/// The end of the UAX #29 word segment of ASCII text `b` that starts at
/// `start` (which must be `< b.len()`).
#[inline]
fn ascii_segment_end(b: &[u8], start: usize) -> usize {
    use AsciiWb::*;
    #[inline(always)]
    fn class(b: &[u8], i: usize) -> AsciiWb {
        if i < b.len() {
            ASCII_WB[b[i] as usize]
        } else {
            AsciiWb::Other
        }
    }
    let class = |i: usize| class(b, i);
    let mut end = start + 1;
    match class(start) {
        Cr if class(end) == Lf => end += 1, // WB3
        Space => {
            while class(end) == Space {
                end += 1; // WB3d
            }
        }
        Letter | Numeric | ExtendNumLet => loop {
            // WB5, WB8-10, WB13a-b: letters, digits and "_" join.
            while end < b.len() && BYTE_CLASS[b[end] as usize] & JOINS != 0 {
                end += 1;
            }
            // WB6-7 and WB11-12: a joiner between two of a kind.
            let mid = class(end);
            if !matches!(mid, MidLetter | MidNum | MidNumLet) {
                break;
            }
            let (prev, next) = (class(end - 1), class(end + 1));
            let letters = prev == Letter && next == Letter && mid != MidNum;
            let digits = prev == Numeric && next == Numeric && mid != MidLetter;
            if letters || digits {
                end += 2;
            } else {
                break;
            }
        },
        _ => {}
    }
    end
}

fn push(out: &mut Vec<Token>, text: &str, kind: TokenKind, start: usize, end: usize) {
    let s = &text[start..end];
    let styled = kind == TokenKind::Word || kind == TokenKind::Hashtag;
    let (all_caps, elongated) = if styled {
        (is_all_caps(s), is_elongated(s))
    } else {
        (false, false)
    };
    push_token(out, kind, start, end, all_caps, elongated);
}

/// Appends a token, or extends the previous one when both are adjacent
/// punctuation (`!` `?` from separate segments read as one `!?`).
#[inline(always)]
fn push_token(
    out: &mut Vec<Token>,
    kind: TokenKind,
    start: usize,
    end: usize,
    all_caps: bool,
    elongated: bool,
) {
    if kind == TokenKind::Punctuation {
        if let Some(prev) = out.last_mut() {
            if prev.kind == TokenKind::Punctuation && prev.span.end == start {
                prev.span.end = end;
                return;
            }
        }
    }
    out.push(Token {
        kind,
        span: Span::new(start, end),
        all_caps,
        elongated,
    });
}

/// Classifies an ordinary word-boundary segment; `None` for whitespace.
fn classify(seg: &str) -> Option<TokenKind> {
    // A prepended concatenation mark (U+0600 ARABIC NUMBER SIGN, ...) stands
    // before the number it marks: classify by what follows it.
    let first = seg.chars().find(|&c| !is_prepended_concatenation_mark(c))?;
    if seg.chars().any(is_line_break) {
        return Some(TokenKind::LineBreak);
    }
    if first.is_whitespace() {
        return None;
    }
    // (A char walk, not `str::contains`: a non-ASCII char pattern goes
    // through the std's two-way substring searcher, 3 KB of WebAssembly.)
    if seg.chars().any(|c| c == '\u{20E3}') || is_pictographic(first) {
        return Some(TokenKind::Emoji);
    }
    if first.is_numeric() {
        return Some(TokenKind::Number);
    }
    if first.is_alphanumeric() || first == '_' {
        return Some(TokenKind::Word);
    }
    if is_punctuation(first) {
        return Some(TokenKind::Punctuation);
    }
    if first.is_control() || first == '\u{FEFF}' || first == '\u{200B}' {
        return None;
    }
    Some(TokenKind::Symbol)
}

/// Unicode's Prepended_Concatenation_Mark: format characters written before
/// a number (or word) and joined to it in one grapheme cluster.
fn is_prepended_concatenation_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0600}'..='\u{0605}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{110BD}'
            | '\u{110CD}'
    )
}

/// A grapheme cursor at byte `at` when `at` (`0 < at < text.len()`) falls
/// inside a grapheme cluster; `None` on a boundary.
fn inside_grapheme(text: &str, at: usize) -> Option<GraphemeCursor> {
    let b = text.as_bytes();
    // Between two ASCII characters there is always a boundary, except CR LF.
    let prev = b[at - 1];
    if b[at] < 0x80 && prev < 0x80 && !(prev == b'\r' && b[at] == b'\n') {
        return None;
    }
    let mut cursor = GraphemeCursor::new(at, text.len(), true);
    match cursor.is_boundary(text, 0) {
        Ok(true) => None,
        _ => Some(cursor),
    }
}

/// Moves `end` forward to the next grapheme-cluster boundary, so that a
/// token built from ASCII never cuts off a combining mark or modifier.
fn snap_to_grapheme(text: &str, end: usize) -> usize {
    if end == 0 || end >= text.len() {
        return end.min(text.len());
    }
    match inside_grapheme(text, end) {
        None => end,
        Some(mut cursor) => cursor
            .next_boundary(text, 0)
            .ok()
            .flatten()
            .unwrap_or(text.len()),
    }
}

/// The start of the grapheme cluster containing byte `at`, where `floor`
/// (`<= at`) is a cluster boundary: the token handed over there.
pub(crate) fn grapheme_start(text: &str, at: usize, floor: usize) -> usize {
    if at == floor || at >= text.len() {
        return at;
    }
    match inside_grapheme(text, at) {
        None => at,
        Some(mut cursor) => cursor
            .prev_boundary(text, 0)
            .ok()
            .flatten()
            .map_or(floor, |p| p.max(floor)),
    }
}

const CURRENCY: [char; 7] = ['$', '€', '£', '¥', '₹', '₩', '₽'];

/// Tries the shapes that cross word boundaries, at byte `i`. Mentions,
/// hashtags and cashtags follow twitter-text (see `entities`); links come
/// from a `UrlCursor` before this is tried.
fn special(text: &str, b: &[u8], i: usize) -> Option<(TokenKind, usize)> {
    let c = b[i];
    let at_word_start = i == 0 || !is_word_byte(b[i - 1]);
    match c {
        b'@' => entities::mention(text, i).map(|e| (TokenKind::Mention, e)),
        b'#' => entities::hashtag(text, i)
            .map(|e| (TokenKind::Hashtag, e))
            .or_else(|| {
                // "#1" is a rank, not a topic.
                let end = scan(b, i + 1, |x| x.is_ascii_digit());
                (end > i + 1 && !b.get(end).is_some_and(|x| is_word_byte(*x)))
                    .then_some((TokenKind::Number, end))
            }),
        b'$' => {
            if let Some(end) = amount(b, i + 1) {
                return Some((TokenKind::Price, end));
            }
            entities::cashtag(text, i).map(|e| (TokenKind::Cashtag, e))
        }
        b'(' | b'+' if at_word_start => phone(b, i).map(|e| (TokenKind::Phone, e)),
        b'0'..=b'9' => {
            if at_word_start {
                if let Some(end) = phone(b, i) {
                    return Some((TokenKind::Phone, end));
                }
            }
            let num_end = amount(b, i)?;
            if b.get(num_end) == Some(&b'%') {
                return Some((TokenKind::Percentage, num_end + 1));
            }
            // Pence: "150p", "25p/msg".
            if matches!(b.get(num_end), Some(b'p'))
                && !b
                    .get(num_end + 1)
                    .is_some_and(|x| x.is_ascii_alphanumeric())
                && b[i..num_end].iter().all(u8::is_ascii_digit)
            {
                return Some((TokenKind::Price, num_end + 1));
            }
            if let Some(sym) = text[num_end..].chars().next() {
                if CURRENCY.contains(&sym) && sym != '$' {
                    return Some((TokenKind::Price, num_end + sym.len_utf8()));
                }
            }
            email(b, i)
        }
        b'a'..=b'z' | b'A'..=b'Z' => {
            if !at_word_start {
                None
            } else if c == b'x' || c == b'X' {
                // "xD" is the only emoticon that starts with a letter.
                email(b, i).or_else(|| emoticon(b, i))
            } else {
                email(b, i)
            }
        }
        b':' | b';' | b'=' | b'<' | b'^' | b'>' if at_word_start => emoticon(b, i),
        0xC2..=0xF4 => {
            // A full-width sigil, or a non-ASCII currency sign and an amount.
            let sym = text[i..].chars().next()?;
            if sym == '＠' {
                entities::mention(text, i).map(|e| (TokenKind::Mention, e))
            } else if sym == '＃' {
                entities::hashtag(text, i).map(|e| (TokenKind::Hashtag, e))
            } else if CURRENCY.contains(&sym) {
                amount(b, i + sym.len_utf8()).map(|e| (TokenKind::Price, e))
            } else {
                None
            }
        }
        _ => None,
    }
}

fn is_word_byte(x: u8) -> bool {
    x.is_ascii_alphanumeric() || x == b'_' || x >= 0x80
}

fn scan(b: &[u8], mut i: usize, f: impl Fn(u8) -> bool) -> usize {
    while i < b.len() && f(b[i]) {
        i += 1;
    }
    i
}

/// A phone number starting at `i`: digit groups joined by `-`, `.`, spaces or
/// parentheses, 7 to 15 digits, the last group four digits long. A leading
/// four-digit group is a year ("2024-11-21"), not a phone number.
fn phone(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    if b.get(j) == Some(&b'+') {
        j += 1;
    }
    let mut digits = 0;
    // Digit groups: how many, the first's length and the last's.
    let (mut groups, mut first_group, mut last_group) = (0usize, 0usize, 0usize);
    let mut end = i;
    let mut seps = 0;
    while j < b.len() {
        let c = b[j];
        if c.is_ascii_digit() {
            let g = scan(b, j, |x| x.is_ascii_digit());
            groups += 1;
            if groups == 1 {
                first_group = g - j;
            }
            last_group = g - j;
            digits += g - j;
            j = g;
            end = j;
            if b.get(j) == Some(&b')') {
                j += 1;
                seps += 1;
            }
        } else if matches!(c, b'-' | b'.' | b' ' | b'(')
            && b.get(j + 1)
                .is_some_and(|x| x.is_ascii_digit() || *x == b'(')
        {
            seps += usize::from(c != b' ');
            j += 1;
        } else {
            break;
        }
    }
    // Without separators only a long run that starts like a phone number
    // ("08000930705", "+447911123456") counts: plain big numbers do not.
    let bare =
        seps == 0 && groups == 1 && (10..=13).contains(&digits) && (b[i] == b'+' || b[i] == b'0');
    if bare && !b.get(end).is_some_and(|x| x.is_ascii_alphanumeric()) {
        return Some(end);
    }
    let ok = (7..=15).contains(&digits)
        && seps > 0
        && groups >= 2
        && last_group == 4
        && first_group != 4
        && !b.get(end).is_some_and(|x| x.is_ascii_alphanumeric());
    ok.then_some(end)
}

/// A number like `19.99`, `1,000` or `3.5k` starting at `i`.
fn amount(b: &[u8], i: usize) -> Option<usize> {
    if !b.get(i)?.is_ascii_digit() {
        return None;
    }
    let mut end = scan(b, i, |x| x.is_ascii_digit());
    // Thousands separators and one decimal part.
    while end + 1 < b.len() && (b[end] == b',' || b[end] == b'.') && b[end + 1].is_ascii_digit() {
        end = scan(b, end + 1, |x| x.is_ascii_digit());
    }
    if end < b.len() && matches!(b[end], b'k' | b'K' | b'm' | b'M' | b'b' | b'B') {
        let after = b.get(end + 1).copied().unwrap_or(b' ');
        if !after.is_ascii_alphanumeric() {
            end += 1;
        }
    }
    Some(end)
}

/// An e-mail address, `local@domain.tld`, starting at `i`. (Links are found
/// by `entities`.)
fn email(b: &[u8], i: usize) -> Option<(TokenKind, usize)> {
    // Most words are plain: nothing after the letters can make an address.
    let run_end = scan(b, i, |x| x.is_ascii_alphanumeric());
    if !matches!(
        b.get(run_end),
        Some(b'.' | b'@' | b'-' | b'_' | b'%' | b'+')
    ) {
        return None;
    }
    let local_end = scan(b, i, |x| x.is_ascii_alphanumeric() || b"._%+-".contains(&x));
    if b.get(local_end) != Some(&b'@') {
        return None;
    }
    domain(b, local_end + 1).map(|end| (TokenKind::Email, end))
}

/// `label(.label)+` ending in a top-level domain of two letters or more;
/// returns the end of the host.
fn domain(b: &[u8], i: usize) -> Option<usize> {
    let end = scan(b, i, |x| {
        x.is_ascii_alphanumeric() || x == b'-' || x == b'.'
    });
    let host = &b[i..end];
    // Trailing dots and hyphens are sentence punctuation, not the host.
    let trim = host
        .iter()
        .rposition(|x| x.is_ascii_alphanumeric())
        .map_or(0, |p| p + 1);
    let host = &host[..trim];
    let last_dot = host.iter().rposition(|&x| x == b'.')?;
    if host.split(|&x| x == b'.').any(|l| l.is_empty()) {
        return None;
    }
    let tld = &host[last_dot + 1..];
    let ok = tld.len() >= 2 && tld.iter().all(|x| x.is_ascii_alphabetic());
    ok.then_some(i + trim)
}

const EMOTICONS: &[&str] = &[
    ":-)", ":)", ":-(", ":(", ";-)", ";)", ":-D", ":D", ";D", ":-P", ":P", ":p", ";P", ";p", ":-p",
    ":-/", ":/", ":'(", ":'-(", ":-O", ":O", ":o", ":-|", ":|", ":*", ":-*", "=)", "=(", "=D",
    "<3", "</3", "^_^", "^^", ">_<", "xD", "XD", "8)", "8-)", ":]", ":[", ":3", "=P", "-_-",
];

/// For each ASCII byte, the emoticons (bits, by index in `EMOTICONS`) that
/// start with it (`[0]`) and that have it second (`[1]`): the candidates at
/// a position are one AND away.
static EMOTICON_MASKS: [[u64; 128]; 2] = {
    assert!(EMOTICONS.len() <= 64);
    let mut masks = [[0u64; 128]; 2];
    let mut k = 0;
    while k < EMOTICONS.len() {
        let e = EMOTICONS[k].as_bytes();
        masks[0][e[0] as usize] |= 1 << k;
        masks[1][e[1] as usize] |= 1 << k;
        k += 1;
    }
    masks
};

fn emoticon(b: &[u8], i: usize) -> Option<(TokenKind, usize)> {
    let rest = &b[i..];
    let (&first, &second) = (rest.first()?, rest.get(1)?);
    if first >= 0x80 || second >= 0x80 {
        return None;
    }
    let mut candidates =
        EMOTICON_MASKS[0][usize::from(first)] & EMOTICON_MASKS[1][usize::from(second)];
    let mut best = 0;
    while candidates != 0 {
        let e = EMOTICONS[candidates.trailing_zeros() as usize].as_bytes();
        candidates &= candidates - 1;
        if rest.starts_with(e) {
            best = best.max(e.len());
        }
    }
    if best == 0 {
        return None;
    }
    let end = i + best;
    // Must stand alone: "http://x" or "8)" inside a word are not faces.
    let after_ok = b
        .get(end)
        .is_none_or(|x| !x.is_ascii_alphanumeric() && *x != b'/');
    after_ok.then_some((TokenKind::Emoticon, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_runs_match_a_scan_of_every_three_bytes() {
        // Every word of up to 7 bytes over a few letters, a capital and a
        // digit: the skipping scan agrees with the plain one.
        let alphabet = b"abA1";
        for len in 0..=7u32 {
            for mut n in 0..4usize.pow(len) {
                let w: Vec<u8> = (0..len)
                    .map(|_| {
                        let c = alphabet[n % 4];
                        n /= 4;
                        c
                    })
                    .collect();
                let plain = w
                    .windows(3)
                    .any(|x| x[0] == x[1] && x[1] == x[2] && x[0].is_ascii_alphabetic());
                assert_eq!(has_letter_run(&w), plain, "{w:?}");
            }
        }
    }

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.kind, t.text(text)))
            .collect()
    }

    #[test]
    fn ascii_bounds_match_unicode_segmentation() {
        for text in [
            "Hello, world! It's 3.5 o'clock: a:b 1,000 x_y __ 2a a2 a.b. .a 1;2 1:2 a' 'a",
            "  tabs\there\r\n\rcr\n\x0b\x0cend.  ",
            "e.g. U.S.A. 10k don't we're 9-5 #tag @me $5 50% http://x.io/a?b=c",
        ] {
            let fast: Vec<_> = AsciiWordBounds { text, pos: 0 }.collect();
            let slow: Vec<_> = text.split_word_bound_indices().collect();
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_fast_path_matches_uax29(text in "[ -~\r\n\t\x0b\x0c]{0,80}") {
            let fast: Vec<_> = AsciiWordBounds { text: &text, pos: 0 }.collect();
            let slow: Vec<_> = text.split_word_bound_indices().collect();
            proptest::prop_assert_eq!(fast, slow);
        }

        #[test]
        fn line_by_line_matches_whole_text(
            text in "([ -~\r\n\t]|\n|\r\n|é|👍|\u{301}|\u{200d}|€5|#café|www\\.x\\.com){0,40}"
        ) {
            let mut slow = Vec::new();
            tokenize_segments(&text, text.split_word_bound_indices(), true, &mut slow);
            proptest::prop_assert_eq!(tokenize(&text), slow);
        }

        #[test]
        fn fused_ascii_tokenizer_matches_generic_path(
            text in "([ -~\r\n\t]|http://|www\\.|\\.com|@|#|\\$|[0-9]{3}|:\\)|SOOO|aaa){0,40}"
        ) {
            let mut fast = Vec::new();
            tokenize_ascii(&text, true, &mut fast);
            let mut slow = Vec::new();
            tokenize_segments(&text, text.split_word_bound_indices(), true, &mut slow);
            proptest::prop_assert_eq!(fast, slow);
        }

        #[test]
        fn ascii_fast_path_matches_uax29_on_word_soup(text in "([a-z0-9_.,;:' ]|A|Z|9){0,60}") {
            let fast: Vec<_> = AsciiWordBounds { text: &text, pos: 0 }.collect();
            let slow: Vec<_> = text.split_word_bound_indices().collect();
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn social_shapes() {
        use TokenKind::*;
        assert_eq!(
            kinds("Visit https://ex.com/a?b=1. Or example.com/sale, mail me@x.io"),
            vec![
                (Word, "Visit"),
                (Url, "https://ex.com/a?b=1"),
                (Punctuation, "."),
                (Word, "Or"),
                (Url, "example.com/sale"),
                (Punctuation, ","),
                (Word, "mail"),
                (Email, "me@x.io"),
            ]
        );
        assert_eq!(
            kinds("@ana #tbt $AAPL $19.99 €5 50% 50,000 10k"),
            vec![
                (Mention, "@ana"),
                (Hashtag, "#tbt"),
                (Cashtag, "$AAPL"),
                (Price, "$19.99"),
                (Price, "€5"),
                (Percentage, "50%"),
                (Number, "50,000"),
                (Number, "10k"),
            ]
        );
    }

    #[test]
    fn phone_numbers() {
        use TokenKind::*;
        assert_eq!(
            kinds("Call (503) 555-0142 or 555.0199, not 2024-11-21 or 9-5"),
            vec![
                (Word, "Call"),
                (Phone, "(503) 555-0142"),
                (Word, "or"),
                (Phone, "555.0199"),
                (Punctuation, ","),
                (Word, "not"),
                (Number, "2024"),
                (Punctuation, "-"),
                (Number, "11"),
                (Punctuation, "-"),
                (Number, "21"),
                (Word, "or"),
                (Number, "9"),
                (Punctuation, "-"),
                (Number, "5"),
            ]
        );
    }

    #[test]
    fn bare_phone_numbers_and_pence() {
        use TokenKind::*;
        assert_eq!(
            kinds("call 08000930705 for 150p, not 1234567890"),
            vec![
                (Word, "call"),
                (Phone, "08000930705"),
                (Word, "for"),
                (Price, "150p"),
                (Punctuation, ","),
                (Word, "not"),
                (Number, "1234567890"),
            ]
        );
    }

    #[test]
    fn emoji_sequences_are_one_token() {
        let text = "hi 👩🏽‍💻🇫🇷 1️⃣ ❤️!";
        let toks = kinds(text);
        assert_eq!(toks[1], (TokenKind::Emoji, "👩🏽‍💻"));
        assert_eq!(toks[2], (TokenKind::Emoji, "🇫🇷"));
        assert_eq!(toks[3], (TokenKind::Emoji, "1️⃣"));
        assert_eq!(toks[4], (TokenKind::Emoji, "❤️"));
    }

    #[test]
    fn emoticons_punctuation_and_breaks() {
        use TokenKind::*;
        assert_eq!(
            kinds("ok :) wow!!!\n<3 ;P"),
            vec![
                (Word, "ok"),
                (Emoticon, ":)"),
                (Word, "wow"),
                (Punctuation, "!!!"),
                (LineBreak, "\n"),
                (Emoticon, "<3"),
                (Emoticon, ";P"),
            ]
        );
    }

    #[test]
    fn flags_caps_and_elongation() {
        let t = tokenize("SOOO good, don't");
        assert!(t[0].all_caps && t[0].elongated);
        assert!(!t[1].all_caps);
        assert_eq!(t[3].text("SOOO good, don't"), "don't");
    }

    #[test]
    fn no_false_links() {
        for s in [
            "e.g. this",
            "done.Thanks",
            "Node.js rocks",
            "3.5 stars",
            "a.m.",
        ] {
            assert!(tokenize(s).iter().all(|t| t.kind != TokenKind::Url), "{s}");
        }
    }

    #[test]
    fn combining_marks_stay_with_their_base() {
        // (A mention followed by a mark is no mention: twitter-text rejects
        // "@ana" before an accent, as it would be a different name.)
        let text = "#cafe\u{301} cafe\u{301}";
        let toks = tokenize(text);
        assert_eq!(toks[0].text(text), "#cafe\u{301}");
        assert_eq!(toks[1].text(text), "cafe\u{301}");
    }

    /// Issue 15: a Prepend sign (U+0600-0605, ...) joins the character after
    /// it, so a token ending right before one must not leave the next token
    /// starting inside that cluster.
    #[test]
    fn prepend_signs_stay_with_the_next_character() {
        use TokenKind::*;
        // The fuzz input: "youtue" is no top-level domain, so under
        // twitter-text's rules this is no link, and the word keeps its cluster.
        assert_eq!(
            kinds("www.youtue\u{0603}\u{FFFD}"),
            vec![(Word, "www.youtue\u{0603}\u{FFFD}")]
        );
        // The same hand-over after a real link.
        assert_eq!(
            kinds("www.youtube.com\u{0603}\u{FFFD}"),
            vec![(Url, "www.youtube.com"), (Symbol, "\u{0603}\u{FFFD}")]
        );
        assert_eq!(
            kinds("see example.com\u{0600}!"),
            vec![
                (Word, "see"),
                (Url, "example.com"),
                (Punctuation, "\u{0600}!")
            ]
        );
        assert_eq!(
            kinds("a \u{06DD}#tag \u{0600}5 \u{0600}"),
            vec![
                (Word, "a"),
                (Punctuation, "\u{06DD}#"),
                (Word, "tag"),
                (Number, "\u{0600}5")
            ]
        );
    }

    /// twitter-text leaves the first character of the draft out of a host
    /// when it can (see `entities`): the draft's start, not each line's.
    #[test]
    fn a_line_start_is_not_the_draft_start_for_links() {
        let text = "\u{E9}xample.com\n\u{E9}xample.com";
        let urls: Vec<_> = tokenize(text)
            .into_iter()
            .filter(|t| t.kind == TokenKind::Url)
            .map(|t| t.text(text))
            .collect();
        assert_eq!(urls, ["xample.com", "\u{E9}xample.com"]);
    }

    #[test]
    fn any_script_passes_through() {
        let text = "おばあちゃん、ありがとう。 مرحبا بك";
        let toks = tokenize(text);
        assert!(!toks.is_empty());
        for t in toks {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
    }
}
