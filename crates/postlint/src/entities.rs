//! Social entities as twitter-text extracts them: links, @mentions,
//! #hashtags and $cashtags.
//!
//! twitter-text (Apache-2.0) is the reference parser for these shapes: its
//! conformance suite (`tests/fixtures/twitter-text`) is shared by its Java,
//! JavaScript, Ruby and Objective-C ports, and `tests/twitter_text.rs` runs it
//! on postlint's tokenizer. The rules below follow that suite, written as
//! small scanners rather than regular expressions, so that the tokenizer stays
//! one linear pass:
//!
//! - a **mention** is `@` or `＠`, not preceded by a letter, digit or one of
//!   `_!#$%&*@` (but `RT@user` is fine), then 1 to 20 of `[A-Za-z0-9_]`, and
//!   not followed by another `@`, an accented Latin letter or `://`; an
//!   optional `/list-name` makes it a list mention;
//! - a **hashtag** is `#` or `＃` after a character that is not a letter, mark,
//!   digit or `&`, then letters, marks, digits, `_`, joiners and a few
//!   in-word signs (`·`, `״`, `〜`...) with at least one letter or mark, not
//!   followed by `#` or `://`;
//! - a **cashtag** is `$` at the start or after a space, then 1 to 6 ASCII
//!   letters and an optional `.XX` or `_XX` suffix, followed by an end, a space
//!   or punctuation;
//! - a **link** is `http://`, `https://` or nothing, a host whose last label is
//!   a known top-level domain (gTLDs, ccTLDs and their internationalised
//!   forms, or punycode), an optional port, path and query. Labels are checked
//!   as DNS labels (no leading or trailing `-`, `_` only in subdomains, 63
//!   characters at most once encoded); without a scheme only the ASCII part of
//!   the host counts and it must not follow `-`, `_`, `.` or `/`; `t.co` links
//!   end after their slug. As in twitter-text's pattern, whose "character
//!   before" group is tried ahead of `^`, a host at the very start of the
//!   text begins at its second character when one does.

use crate::lazy::Lazy;
use crate::unicode_tables::{DECIMAL_NUMBER, LETTER_OR_MARK};

/// The longest host the URL scanner looks at from one start, in bytes: a
/// valid host has at most 253 characters, and a cap keeps a run of dotted
/// words with no TLD linear to scan.
const MAX_HOST_BYTES: usize = 260;
/// twitter-text's limit on a t.co slug.
const MAX_TCO_SLUG: usize = 40;

/// The top-level domains, lower case, one per line; `#` starts a comment.
/// Read at compile time only: the module holds [`TLD_PACKED`] and
/// [`TLD_OTHER`].
const TLD_LIST: &[u8] =
    crate::embed::strip_comments!(include_str!("tlds.txt"), crate::embed::Comments::Hash)
        .as_bytes();

/// The end of the line of `list` that starts at `start`.
const fn tld_line_end(list: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < list.len() && list[end] != b'\n' {
        end += 1;
    }
    end
}

/// Is line `a` of `list` (its byte range) before line `b` in byte order?
const fn tld_line_less(list: &[u8], a: (usize, usize), b: (usize, usize)) -> bool {
    let mut i = 0;
    while a.0 + i < a.1 && b.0 + i < b.1 {
        if list[a.0 + i] != list[b.0 + i] {
            return list[a.0 + i] < list[b.0 + i];
        }
        i += 1;
    }
    a.1 - a.0 < b.1 - b.0
}

/// Copies the lines of `TLD_LIST` that are ASCII (`ascii`) or not, each
/// with its `\n`, into `out` (when given); returns their length.
const fn tld_lines(ascii: bool, mut out: Option<&mut [u8]>) -> usize {
    let (mut start, mut len) = (0, 0);
    while start < TLD_LIST.len() {
        let end = tld_line_end(TLD_LIST, start);
        let mut is_ascii = true;
        let mut i = start;
        while i < end {
            is_ascii &= TLD_LIST[i] < 0x80;
            i += 1;
        }
        if is_ascii == ascii {
            if let Some(out) = &mut out {
                let mut i = start;
                while i < end {
                    out[len + i - start] = TLD_LIST[i];
                    i += 1;
                }
                out[len + end - start] = b'\n';
            }
            len += end - start + 1;
        }
        start = end + 1;
    }
    len
}

const fn tld_lines_array<const N: usize>(ascii: bool) -> [u8; N] {
    let mut out = [0; N];
    assert!(tld_lines(ascii, Some(&mut out)) == N);
    out
}

const TLD_ASCII_LEN: usize = tld_lines(true, None);
/// The ASCII names of `TLD_LIST`, in its order, one a line (compile time
/// only: [`TLD_PACKED`] holds them in the module).
const TLD_ASCII: [u8; TLD_ASCII_LEN] = tld_lines_array::<TLD_ASCII_LEN>(true);
const TLD_OTHER_LEN: usize = tld_lines(false, None);
const TLD_OTHER_BYTES: [u8; TLD_OTHER_LEN] = tld_lines_array::<TLD_OTHER_LEN>(false);
/// The internationalised names of `TLD_LIST`, in its order, one a line.
const TLD_OTHER: &str = match std::str::from_utf8(&TLD_OTHER_BYTES) {
    Ok(s) => s,
    Err(_) => panic!("tlds.txt: not UTF-8"),
};

/// [`TLD_ASCII`] front-coded, into `out` (when given); returns its length.
/// Each name is a byte below 0x20, how many bytes it shares with the name
/// before it, then the rest of it: twitter-text's sorted lists share long
/// prefixes ("vermogensberater", "vermogensberatung"), 8.5 KB of names in
/// 5.7 KB that gzip takes to 3.3 KB rather than 4.3 KB.
const fn tld_front_code(mut out: Option<&mut [u8]>) -> usize {
    let list = &TLD_ASCII;
    let (mut start, mut len, mut prev) = (0, 0, (0, 0));
    while start < list.len() {
        let end = tld_line_end(list, start);
        let mut shared = 0;
        while shared < end - start
            && shared < prev.1 - prev.0
            && shared < 0x1F
            && list[start + shared] == list[prev.0 + shared]
        {
            shared += 1;
        }
        if let Some(out) = &mut out {
            out[len] = shared as u8;
        }
        len += 1;
        let mut i = start + shared;
        while i < end {
            assert!(list[i] >= 0x20, "tlds.txt: a control character in a name");
            if let Some(out) = &mut out {
                out[len] = list[i];
            }
            len += 1;
            i += 1;
        }
        prev = (start, end);
        start = end + 1;
    }
    len
}

const TLD_PACKED_LEN: usize = tld_front_code(None);
/// [`TLD_ASCII`], front-coded (see [`tld_front_code`]).
const TLD_PACKED: [u8; TLD_PACKED_LEN] = {
    let mut out = [0; TLD_PACKED_LEN];
    assert!(tld_front_code(Some(&mut out)) == TLD_PACKED_LEN);
    out
};

/// [`TLD_PACKED`] unpacked: [`TLD_ASCII`] again, on first use.
static TLD_ASCII_TEXT: Lazy<Vec<u8>> = Lazy::new(|| {
    let mut out = Vec::with_capacity(TLD_ASCII_LEN);
    let mut prev = 0;
    for &b in TLD_PACKED.iter() {
        if b < 0x20 {
            if !out.is_empty() {
                out.push(b'\n');
            }
            let start = out.len();
            for i in prev..(prev + usize::from(b)).min(start) {
                let c = out.get(i).copied().unwrap_or(0);
                out.push(c);
            }
            prev = start;
        } else {
            out.push(b);
        }
    }
    out.push(b'\n');
    out
});

/// The most runs `TLD_RUNS` may find.
const TLD_RUN_MAX: usize = 8;

/// [`TLD_ASCII`] cut into runs of lines in strictly descending byte order
/// (twitter-text lists its generic and its country domains that way, each):
/// byte ranges, and how many. Found at compile time; `is_ascii_tld`
/// binary-searches each run in the unpacked text, so the names take no
/// table of their own.
static TLD_RUNS: ([(usize, usize); TLD_RUN_MAX], usize) = {
    let list = &TLD_ASCII;
    let mut runs = [(0, 0); TLD_RUN_MAX];
    let mut count = 0;
    let start = 0;
    let mut run_start = start;
    let mut prev = (start, tld_line_end(list, start));
    let mut next = prev.1 + 1;
    while next < list.len() {
        let line = (next, tld_line_end(list, next));
        assert!(
            line.1 > line.0 && list[next] != b'#',
            "tlds.txt: a blank line or comment among the names"
        );
        if !tld_line_less(list, line, prev) {
            runs[count] = (run_start, prev.1);
            count += 1;
            run_start = next;
        }
        prev = line;
        next = line.1 + 1;
    }
    runs[count] = (run_start, prev.1);
    (runs, count + 1)
};

/// Is `name` (lower case ASCII) a top-level domain?
fn is_ascii_tld(name: &[u8]) -> bool {
    let (runs, count) = &TLD_RUNS;
    let text = &**TLD_ASCII_TEXT;
    runs[..*count].iter().any(|&(lo, hi)| {
        text.get(lo..hi)
            .is_some_and(|run| in_descending_lines(run, name))
    })
}

/// Binary search for the line `name` among `lines` (separated by `\n`, in
/// descending byte order).
fn in_descending_lines(lines: &[u8], name: &[u8]) -> bool {
    // `lo` starts a line; `hi` ends one (at a '\n' or the end).
    let (mut lo, mut hi) = (0, lines.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = lines[lo..mid]
            .iter()
            .rposition(|&x| x == b'\n')
            .map_or(lo, |p| lo + p + 1);
        let end = lines[mid..hi]
            .iter()
            .position(|&x| x == b'\n')
            .map_or(hi, |p| mid + p);
        match name.cmp(&lines[start..end]) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Greater => hi = start.saturating_sub(1).max(lo),
            std::cmp::Ordering::Less => lo = end + 1,
        }
    }
    false
}

/// For each ASCII letter, the letters that can follow it at the start of a
/// top-level domain (bit 26: anything else): `tld_may_follow`'s cheap test.
static TLD_STARTS: [u32; 26] = {
    let mut starts = [0u32; 26];
    let mut start = 0;
    while start < TLD_LIST.len() {
        let end = tld_line_end(TLD_LIST, start);
        let first = TLD_LIST[start];
        if end > start && first.is_ascii_lowercase() {
            let second = if start + 1 < end {
                TLD_LIST[start + 1]
            } else {
                0
            };
            let bit = if second.is_ascii_lowercase() {
                second - b'a'
            } else {
                26
            };
            starts[(first - b'a') as usize] |= 1 << bit;
        }
        start = end + 1;
    }
    // Punycode ("xn--"), which `tld` takes without the list.
    starts[(b'x' - b'a') as usize] |= 1 << (b'n' - b'a');
    starts
};

/// The internationalised top-level domains with their first characters,
/// sorted by that character and, for each, longest first, so that a longer
/// name wins over its prefix (built on first use: only text with a non-ASCII
/// character looks them up). A sorted list rather than a map by first
/// character: a few hundred names, and no hash table of its own in the
/// WebAssembly module.
static OTHER_TLDS: Lazy<Vec<(char, &'static str)>> = Lazy::new(|| {
    let mut other: Vec<(char, &'static str)> = TLD_OTHER
        .lines()
        .map(str::trim)
        .filter(|t| !(t.is_ascii() || t.starts_with('#')))
        .filter_map(|t| Some((t.chars().next()?, t)))
        .collect();
    crate::sort::sort_by_key(&mut other, |&(first, t)| {
        (first, std::cmp::Reverse(t.len()))
    });
    other
});

fn is_space(c: char) -> bool {
    matches!(c, '\u{9}'..='\u{D}' | ' ' | '\u{85}' | '\u{A0}' | '\u{1680}' | '\u{180E}'
        | '\u{2000}'..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

fn is_directional(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}')
}

fn is_invalid(c: char) -> bool {
    matches!(c, '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}')
}

/// twitter-text's punctuation set (ASCII punctuation but `"` and `` ` ``).
fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() && c != '"' && c != '`'
}

/// Accented Latin letters and combining marks that may continue a word.
fn is_latin_accent(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{FF}'
        | '\u{100}'..='\u{24F}' | '\u{253}' | '\u{254}' | '\u{256}' | '\u{257}' | '\u{259}'
        | '\u{25B}' | '\u{263}' | '\u{268}' | '\u{26F}' | '\u{272}' | '\u{289}' | '\u{28B}'
        | '\u{2BB}' | '\u{300}'..='\u{36F}' | '\u{1E00}'..='\u{1EFF}')
}

/// A character a host label is made of.
fn is_domain_char(c: char) -> bool {
    !(is_punct(c) || is_space(c) || is_invalid(c) || is_directional(c))
}

/// A character after which a link may start.
fn is_url_preceding(c: char) -> bool {
    is_directional(c)
        || !(c.is_ascii_alphanumeric()
            || matches!(c, '@' | '＠' | '$' | '#' | '＃')
            || is_invalid(c))
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

// ---------------------------------------------------------------- mentions

/// The end of the mention whose `@` (or `＠`) is at byte `i`, if there is one.
pub(crate) fn mention(text: &str, i: usize) -> Option<usize> {
    let sigil = match text.as_bytes().get(i)? {
        b'@' => '@',
        _ => char_at(text, i)?,
    };
    if sigil != '@' && sigil != '＠' {
        return None;
    }
    if !mention_may_follow(text, i) {
        return None;
    }
    let b = text.as_bytes();
    let name_start = i + sigil.len_utf8();
    let mut end = name_start;
    while end < b.len()
        && end - name_start < 20
        && (b[end].is_ascii_alphanumeric() || b[end] == b'_')
    {
        end += 1;
    }
    if end == name_start {
        return None;
    }
    // An optional list: "/" a letter, then up to 24 of [A-Za-z0-9_-].
    if b.get(end) == Some(&b'/') && b.get(end + 1).is_some_and(u8::is_ascii_alphabetic) {
        let mut e = end + 2;
        while e < b.len()
            && e - (end + 2) < 24
            && (b[e].is_ascii_alphanumeric() || matches!(b[e], b'_' | b'-'))
        {
            e += 1;
        }
        end = e;
    }
    let rest = &text[end..];
    let bad_next = match rest.as_bytes().first() {
        None => false,
        Some(b'@') => true,
        Some(b':') => rest.starts_with("://"),
        Some(&x) if x < 0x80 => false,
        Some(_) => rest
            .chars()
            .next()
            .is_some_and(|c| c == '＠' || is_latin_accent(c)),
    };
    (!bad_next).then_some(end)
}

/// May a mention's sigil stand at byte `i`? Not after a letter, digit or one
/// of `_!#$%&*@＠`, except after a retweet's `RT` (`RT@user`).
fn mention_may_follow(text: &str, i: usize) -> bool {
    let prev = match text.as_bytes()[..i].last() {
        None => return true,
        Some(&x) if x < 0x80 => char::from(x),
        Some(_) => char_before(text, i).unwrap_or(' '),
    };
    if !(prev.is_ascii_alphanumeric()
        || matches!(prev, '_' | '!' | '#' | '$' | '%' | '&' | '*' | '@' | '＠'))
    {
        return true;
    }
    let before = &text.as_bytes()[..i];
    let n = before.len();
    n >= 2
        && before[n - 2..].eq_ignore_ascii_case(b"rt")
        && (n == 2 || {
            let c = before[n - 3];
            !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'+' | b'~' | b'.' | b'-'))
        })
}

// ---------------------------------------------------------------- hashtags

/// Letters and marks of any script: what a hashtag needs at least one of.
fn is_hashtag_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(&HASHTAG_RANGES[0], c)
}

/// [`LETTER_OR_MARK`] and [`DECIMAL_NUMBER`] unpacked (on first use: only a
/// hashtag with a non-ASCII character looks them up).
static HASHTAG_RANGES: Lazy<[Vec<(u32, u32)>; 2]> =
    Lazy::new(|| [unpack_ranges(LETTER_OR_MARK), unpack_ranges(DECIMAL_NUMBER)]);

/// Ranges packed by `scripts/gen-unicode-tables.py`: varint(first -
/// previous last), varint(last - first) each.
fn unpack_ranges(data: &[u8]) -> Vec<(u32, u32)> {
    let (mut out, mut pos, mut last) = (Vec::new(), 0, 0u32);
    while pos < data.len() {
        let first = last + crate::nfc::varint(data, &mut pos);
        last = first + crate::nfc::varint(data, &mut pos);
        out.push((first, last));
    }
    out
}

/// True when `c` is in one of `ranges` (sorted, disjoint, inclusive).
fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    let i = ranges.partition_point(|&(_, hi)| hi < c);
    ranges.get(i).is_some_and(|&(lo, _)| lo <= c)
}

/// What a hashtag is made of: letters, marks, decimal digits, `_`, joiners
/// and a few signs used inside words.
fn is_hashtag_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    is_hashtag_alpha(c)
        || in_ranges(&HASHTAG_RANGES[1], c)
        || matches!(
            c,
            '\u{200C}'
                | '\u{200D}'
                | '\u{A67E}'
                | '\u{05BE}'
                | '\u{05F3}'
                | '\u{05F4}'
                | '\u{FF5E}'
                | '\u{301C}'
                | '\u{309B}'
                | '\u{309C}'
                | '\u{30A0}'
                | '\u{30FB}'
                | '\u{3003}'
                | '\u{0F0B}'
                | '\u{0F0C}'
                | '\u{B7}'
        )
}

/// The end of the hashtag whose `#` (or `＃`) is at byte `i`, if there is one.
pub(crate) fn hashtag(text: &str, i: usize) -> Option<usize> {
    let sigil = char_at(text, i)?;
    if sigil != '#' && sigil != '＃' {
        return None;
    }
    if let Some(prev) = char_before(text, i) {
        let boundary =
            matches!(prev, '\u{FE0E}' | '\u{FE0F}') || !(prev == '&' || is_hashtag_char(prev));
        if !boundary {
            return None;
        }
    }
    let body = i + sigil.len_utf8();
    let mut end = body;
    let mut has_alpha = false;
    for c in text[body..].chars() {
        if end == body && matches!(c, '\u{FE0F}' | '\u{20E3}') {
            return None; // a keycap emoji: #️⃣
        }
        if !is_hashtag_char(c) {
            break;
        }
        has_alpha |= is_hashtag_alpha(c);
        end += c.len_utf8();
    }
    let rest = &text[end..];
    let bad_next = rest.starts_with("://") || rest.starts_with('#') || rest.starts_with('＃');
    (has_alpha && !bad_next).then_some(end)
}

// ---------------------------------------------------------------- cashtags

/// The end of the cashtag whose `$` is at byte `i`, if there is one.
pub(crate) fn cashtag(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    if b.get(i) != Some(&b'$') || !char_before(text, i).is_none_or(is_space) {
        return None;
    }
    let letters = |from: usize, max: usize| {
        let mut e = from;
        while e < b.len() && e - from < max && b[e].is_ascii_alphabetic() {
            e += 1;
        }
        e - from
    };
    let ends_ok =
        |e: usize| char_at(text, e).is_none_or(|c| c.is_whitespace() || is_space(c) || is_punct(c));
    let n = letters(i + 1, 6);
    // The longest symbol that is followed by an end, a space or punctuation.
    for len in (1..=n).rev() {
        let e = i + 1 + len;
        if matches!(b.get(e), Some(b'.' | b'_')) {
            let m = letters(e + 1, 2);
            for s in (1..=m).rev() {
                if ends_ok(e + 1 + s) {
                    return Some(e + 1 + s);
                }
            }
        }
        if ends_ok(e) {
            return Some(e);
        }
    }
    None
}

// ---------------------------------------------------------------- links

/// Finds links ahead of the tokenizer, lazily: `url_at` answers whether a
/// link starts at a byte offset, scanning the text at most once overall.
pub(crate) struct UrlCursor {
    /// Links found and not yet passed, in text order.
    found: Vec<(usize, usize)>,
    /// Where the search resumes (twitter-text resumes after each match).
    resume: usize,
    /// No link at all from `resume` on.
    done: bool,
    /// The text is a whole draft, not a line after the first.
    starts_text: bool,
}

impl UrlCursor {
    /// A cursor over `text` that is a whole draft (`starts_text`) or a line
    /// of one after the first (then its start is no start of the text).
    pub(crate) fn new(starts_text: bool) -> Self {
        Self {
            found: Vec::new(),
            resume: 0,
            done: false,
            starts_text,
        }
    }

    /// The end of the link starting at byte `i`, if one does. Calls (to this
    /// and to `next_from`) must come with non-decreasing `i`.
    pub(crate) fn url_at(&mut self, text: &str, i: usize) -> Option<usize> {
        self.next_from(text, i)
            .and_then(|(s, e)| (s == i).then_some(e))
    }

    /// Where the first link at byte `i` or later starts (`usize::MAX` when
    /// none does).
    #[inline]
    pub(crate) fn next_start(&mut self, text: &str, i: usize) -> usize {
        self.next_from(text, i).map_or(usize::MAX, |l| l.0)
    }

    /// The first link that starts at byte `i` or later.
    #[inline]
    pub(crate) fn next_from(&mut self, text: &str, i: usize) -> Option<(usize, usize)> {
        match self.found.first() {
            Some(&link) if link.0 >= i => Some(link),
            None if self.done => None,
            _ => self.search(text, i),
        }
    }

    #[cold]
    fn search(&mut self, text: &str, i: usize) -> Option<(usize, usize)> {
        loop {
            // Drop links that start before `i`: the tokenizer went past them.
            while self.found.first().is_some_and(|&(s, _)| s < i) {
                self.found.remove(0);
            }
            if let Some(&link) = self.found.first() {
                return Some(link);
            }
            if self.done {
                return None;
            }
            let from = self.resume.max(i);
            match find_urls(text, from, self.resume, self.starts_text, &mut self.found) {
                Some(next) => self.resume = next,
                None => self.done = true,
            }
        }
    }
}

/// Searches `text` from byte `from` for the next match of a link; pushes the
/// links it yields (none if the match is rejected, several for a host like
/// `a.com中b.com`) and returns where the search resumes, or `None` when no
/// match is left. `last_end` is where the previous match ended: as in
/// twitter-text, whose pattern includes the character before a link, that
/// character cannot belong to the previous match. `starts_text`: byte 0 is
/// the start of the draft.
fn find_urls(
    text: &str,
    from: usize,
    last_end: usize,
    starts_text: bool,
    out: &mut Vec<(usize, usize)>,
) -> Option<usize> {
    let b = text.as_bytes();
    let may_start = |s: usize| {
        s == 0
            || (s > last_end
                && match b[s - 1] {
                    x if x < 0x80 => is_url_preceding(x as char),
                    _ => char_before(text, s).is_some_and(is_url_preceding),
                })
    };
    // Label characters of ASCII text, without decoding.
    let ascii_label = |x: u8| is_domain_char(x as char) || x == b'-' || x == b'_';
    let mut p = from;
    loop {
        let dot = p + memchr::memchr(b'.', b.get(p..)?)?;
        // A host goes on after each of its dots: a dot that ends a sentence
        // ("done. Next", "wait...") cannot be in one.
        let label_follows = match b.get(dot + 1) {
            Some(&x) if x < 0x80 => is_domain_char(x as char),
            Some(_) => char_at(text, dot + 1).is_some_and(is_domain_char),
            None => false,
        };
        if !label_follows || !tld_may_follow(b, dot) {
            p = dot + 1;
            continue;
        }
        // The run of label characters that ends at this dot.
        let mut run = dot;
        while run > p {
            if b[run - 1] < 0x80 {
                if !ascii_label(b[run - 1]) {
                    break;
                }
                run -= 1;
                continue;
            }
            let c = char_before(text, run).unwrap_or(' ');
            if is_domain_char(c) || c == '-' || c == '_' {
                run -= c.len_utf8();
            } else {
                break;
            }
        }
        // A scheme right before the run starts the earliest candidate.
        for scheme in ["https://", "http://"] {
            let Some(s) = run.checked_sub(scheme.len()) else {
                continue;
            };
            if s >= p && b[s..run].eq_ignore_ascii_case(scheme.as_bytes()) && may_start(s) {
                if let Some(m) = match_at(text, s, Some(run)) {
                    return Some(accept(text, s, m, out));
                }
            }
        }
        let mut q = run;
        while q < dot {
            let c = if b[q] < 0x80 {
                b[q] as char
            } else {
                char_at(text, q)?
            };
            // At the very start, twitter-text's pattern first takes the
            // first character as the one before the link when it can be
            // (its "before" group is tried ahead of `^`): a host there starts
            // at the second character. Only when none does is the first one
            // part of the host. (With CJK text glued to a host, this decides
            // whether the first label fits in 63 punycode characters.)
            if q == 0 && starts_text && is_domain_char(c) && is_url_preceding(c) {
                if let Some(m) = match_at(text, c.len_utf8(), None) {
                    return Some(accept(text, c.len_utf8(), m, out));
                }
            }
            if is_domain_char(c) && may_start(q) {
                if let Some(m) = match_at(text, q, None) {
                    return Some(accept(text, q, m, out));
                }
            }
            q += c.len_utf8();
        }
        p = dot + 1;
    }
}

/// False when no host can go through the dot at `dot` (followed by a label
/// character): the label after it is the host's last (no dot follows it),
/// it is ASCII, and no top-level domain starts with its first two letters.
/// Most dots in prose ("e.g", "3.5", "U.S", "...so") end here, before any
/// host is scanned.
#[inline]
fn tld_may_follow(b: &[u8], dot: usize) -> bool {
    let mut e = dot + 1;
    while e < b.len()
        && b[e] < 0x80
        && (is_domain_char(b[e] as char) || b[e] == b'-' || b[e] == b'_')
    {
        e += 1;
    }
    if b.get(e).is_some_and(|&x| x == b'.' || x >= 0x80) {
        return true; // more labels, or characters a byte test cannot judge
    }
    let first = b[dot + 1].to_ascii_lowercase();
    if !first.is_ascii_lowercase() {
        return false;
    }
    let second = b.get(dot + 2).map_or(0, u8::to_ascii_lowercase);
    let bit = if second.is_ascii_lowercase() {
        second - b'a'
    } else {
        26
    };
    TLD_STARTS[usize::from(first - b'a')] & (1 << bit) != 0
}

/// One match of twitter-text's link pattern.
struct UrlMatch {
    /// Host span.
    host: (usize, usize),
    /// A path follows the host (and port).
    has_path: bool,
    /// End of the whole match.
    end: usize,
    has_scheme: bool,
}

/// Matches a link at `start`: scheme (when `host_start` is given, the host
/// starts there), host, port, path, query.
fn match_at(text: &str, start: usize, host_start: Option<usize>) -> Option<UrlMatch> {
    let hs = host_start.unwrap_or(start);
    let he = host(text, hs)?;
    let b = text.as_bytes();
    let mut end = he;
    // Port.
    if b.get(end) == Some(&b':') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end += 1;
        while b.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
    }
    let has_path = b.get(end) == Some(&b'/');
    if has_path {
        end = path(text, end + 1);
    }
    if b.get(end) == Some(&b'?') {
        if let Some(q) = query(text, end + 1) {
            end = q;
        }
    }
    Some(UrlMatch {
        host: (hs, he),
        has_path,
        end,
        has_scheme: host_start.is_some(),
    })
}

/// Turns a match into links (or none), the way twitter-text vets them;
/// returns where the search resumes.
fn accept(text: &str, start: usize, m: UrlMatch, out: &mut Vec<(usize, usize)>) -> usize {
    let host = &text[m.host.0..m.host.1];
    if !host_is_valid(host) {
        return m.end;
    }
    if m.has_scheme {
        let url = &text[start..m.end];
        let scheme = if url.as_bytes()[4] == b's' || url.as_bytes()[4] == b'S' {
            8
        } else {
            7
        };
        if url[scheme..].len() > 5
            && url.as_bytes()[scheme..scheme + 5].eq_ignore_ascii_case(b"t.co/")
        {
            // A t.co link ends after its slug (and query).
            let slug_start = start + scheme + 5;
            let b = text.as_bytes();
            let mut e = slug_start;
            while e < m.end && b[e].is_ascii_alphanumeric() {
                e += 1;
            }
            if e > slug_start {
                if e - slug_start > MAX_TCO_SLUG {
                    return m.end;
                }
                if b.get(e) == Some(&b'?') {
                    if let Some(q) = query(text, e + 1) {
                        e = q.min(m.end);
                    }
                }
                out.push((start, e));
                return m.end;
            }
        }
        out.push((start, m.end));
        return m.end;
    }
    // Without a scheme: not after "-", "_", "." or "/", and only the ASCII
    // hosts inside the matched host count.
    if char_before(text, start).is_some_and(|c| matches!(c, '-' | '_' | '.' | '/')) {
        return m.end;
    }
    let first = out.len();
    let mut q = m.host.0;
    while q < m.host.1 {
        if let Some(e) = ascii_host(text, q, m.host.1) {
            out.push((q, e));
            q = e;
        } else {
            q += char_at(text, q).map_or(1, char::len_utf8);
        }
    }
    // The path (and query) belong to the last of them.
    if m.has_path && out.len() > first {
        if let Some(last) = out.last_mut() {
            last.1 = m.end;
        }
    }
    m.end
}

/// A label character of an ASCII host: letters, digits, `-` and accented
/// Latin letters.
fn is_ascii_host_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || is_latin_accent(c)
}

/// An ASCII host (`label.` repeated, then a TLD) at `q`, inside a host that
/// ends at `limit`.
fn ascii_host(text: &str, q: usize, limit: usize) -> Option<usize> {
    // The regex takes as many labels as it can: the last TLD that fits wins.
    let mut best = None;
    let mut pos = q;
    loop {
        let mut e = pos;
        for c in text[pos..limit].chars() {
            if is_ascii_host_char(c) {
                e += c.len_utf8();
            } else {
                break;
            }
        }
        if e > pos && text.as_bytes().get(e) == Some(&b'.') && e < limit {
            best = tld(&text[..limit], e + 1).or(best);
            pos = e + 1;
        } else {
            break;
        }
    }
    best
}

/// The end of a host at `hs`: subdomains, a domain name and a TLD, as long as
/// the pattern allows.
fn host(text: &str, hs: usize) -> Option<usize> {
    let limit = (hs + MAX_HOST_BYTES).min(text.len());
    // Subdomains may hold '_', the domain name may not; both start and end
    // with a label character. The pattern takes as many subdomains as it
    // can, so the last label after which a TLD fits wins.
    let shaped = |s: usize, e: usize, underscore: bool| {
        let l = &text[s..e];
        let first = l.chars().next().is_some_and(is_domain_char);
        let last = l.chars().next_back().is_some_and(is_domain_char);
        first && last && (underscore || !l.contains('_'))
    };
    let mut best = None;
    let mut pos = hs;
    loop {
        let mut e = pos;
        while e < limit {
            let c = char_at(text, e)?;
            if is_domain_char(c) || c == '-' || c == '_' {
                e += c.len_utf8();
            } else {
                break;
            }
        }
        if !(e > pos && e < limit && text.as_bytes()[e] == b'.') {
            break;
        }
        if shaped(pos, e, false) {
            best = tld(text, e + 1).or(best);
        }
        if !shaped(pos, e, true) {
            break; // no longer a subdomain: no later label can be the name
        }
        pos = e + 1;
    }
    best
}

/// The end of a top-level domain at `t`, if one starts there and is not
/// followed by a letter, digit, `@`, `+` or `-`.
fn tld(text: &str, t: usize) -> Option<usize> {
    let rest = text.get(t..)?;
    let b = rest.as_bytes();
    let boundary_ok = |e: usize| {
        !b.get(e)
            .is_some_and(|&x| x.is_ascii_alphanumeric() || matches!(x, b'@' | b'+' | b'-'))
    };
    // Punycode: "xn--" and its letters, digits and hyphens.
    if b.len() > 4 && b[..4].eq_ignore_ascii_case(b"xn--") {
        let e = 4 + b[4..]
            .iter()
            .take_while(|x| x.is_ascii_alphanumeric() || **x == b'-')
            .count();
        if e > 4 {
            return Some(t + e);
        }
    }
    let run = b.iter().take_while(|x| x.is_ascii_alphanumeric()).count();
    if run > 0 && run <= 32 && boundary_ok(run) {
        let mut buf = [0u8; 32];
        buf[..run].copy_from_slice(&b[..run]);
        buf[..run].make_ascii_lowercase();
        if is_ascii_tld(&buf[..run]) {
            return Some(t + run);
        }
    }
    // An internationalised name has a non-ASCII character, which text that
    // matches it has too, right after its ASCII letters (if any): no such
    // character, no match.
    if b.get(run).is_none_or(|&x| x < 0x80) {
        return None;
    }
    let first = crate::case::lower(rest.chars().next()?).next()?;
    let from = OTHER_TLDS.partition_point(|&(c, _)| c < first);
    let names = OTHER_TLDS[from..].iter().take_while(|&&(c, _)| c == first);
    names.map(|&(_, name)| name).find_map(|name| {
        let mut len = 0;
        let mut chars = rest.chars();
        for want in name.chars() {
            let c = chars.next()?;
            if crate::case::lower(c).next() != Some(want) {
                return None;
            }
            len += c.len_utf8();
        }
        boundary_ok(len).then_some(t + len)
    })
}

/// The end of a path whose first character (after the `/`) is at `i`.
fn path(text: &str, i: usize) -> usize {
    let mut pos = i;
    let mut end = i;
    while let Some(c) = char_at(text, pos) {
        if c == '(' {
            match balanced_parens(text, pos) {
                Some(e) => {
                    pos = e;
                    end = e;
                    continue;
                }
                None => break,
            }
        }
        if !is_path_char(c) {
            break;
        }
        pos += c.len_utf8();
        if is_path_end_char(c) {
            end = pos;
        }
    }
    end
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4FF}').contains(&c)
}

fn is_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '*'
                | '\''
                | ';'
                | ':'
                | '='
                | '+'
                | ','
                | '.'
                | '$'
                | '/'
                | '%'
                | '#'
                | '['
                | ']'
                | '-'
                | '_'
                | '~'
                | '@'
                | '|'
                | '&'
        )
        || c == '\u{2013}'
        || is_cyrillic(c)
        || is_latin_accent(c)
}

fn is_path_end_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '+' | '-' | '=' | '_' | '#' | '/')
        || is_cyrillic(c)
        || is_latin_accent(c)
}

/// `(...)` or `(..(..)..)` of path characters at `i`.
fn balanced_parens(text: &str, i: usize) -> Option<usize> {
    let run = |from: usize| {
        let mut e = from;
        while let Some(c) = char_at(text, e).filter(|&c| is_path_char(c)) {
            e += c.len_utf8();
        }
        e
    };
    let b = text.as_bytes();
    let r1 = run(i + 1);
    if r1 > i + 1 && b.get(r1) == Some(&b')') {
        return Some(r1 + 1);
    }
    if b.get(r1) != Some(&b'(') {
        return None;
    }
    let r2 = run(r1 + 1);
    if r2 == r1 + 1 || b.get(r2) != Some(&b')') {
        return None;
    }
    let r3 = run(r2 + 1);
    (b.get(r3) == Some(&b')')).then_some(r3 + 1)
}

/// The end of a query whose first character (after the `?`) is at `i`: its
/// characters up to the last one a query may end with.
fn query(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut end = None;
    let mut pos = i;
    while let Some(&x) = b.get(pos) {
        if !(x.is_ascii_alphanumeric() || b"!?*'@();:&=+$/%#[]-_.,~|".contains(&x)) {
            break;
        }
        pos += 1;
        if x.is_ascii_alphanumeric() || b"-_&=#/".contains(&x) {
            end = Some(pos);
        }
    }
    end
}

/// A host is valid when each label, once IDNA-encoded, has 1 to 63
/// characters (and a label already in punycode is all ASCII).
fn host_is_valid(host: &str) -> bool {
    host.split('.').all(|label| {
        if label.is_ascii() {
            return (1..=63).contains(&label.len());
        }
        if label.len() >= 4 && label.as_bytes()[..4].eq_ignore_ascii_case(b"xn--") {
            return false;
        }
        punycode_len(label).is_some_and(|n| n + 4 <= 63)
    })
}

/// Length of the RFC 3492 punycode encoding of `label` (lower-cased), or
/// `None` when it would be absurdly long.
fn punycode_len(label: &str) -> Option<usize> {
    const BASE: u64 = 36;
    const TMIN: u64 = 1;
    const TMAX: u64 = 26;
    let cps: Vec<u64> = label
        .chars()
        .flat_map(crate::case::lower)
        .map(|c| c as u64)
        .collect();
    if cps.len() > 255 {
        return None;
    }
    let basic = cps.iter().filter(|&&c| c < 0x80).count();
    let mut out = basic + usize::from(basic > 0);
    let (mut n, mut delta, mut bias, mut h) = (0x80u64, 0u64, 72u64, basic);
    while h < cps.len() {
        let m = *cps.iter().filter(|&&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(h as u64 + 1)?)?;
        n = m;
        for &c in &cps {
            if c < n {
                delta += 1;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        TMIN
                    } else if k >= bias + TMAX {
                        TMAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out += 1;
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out += 1;
                bias = adapt(delta, h as u64 + 1, h == basic);
                delta = 0;
                h += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    Some(out)
}

fn adapt(delta: u64, points: u64, first: bool) -> u64 {
    let mut delta = if first { delta / 700 } else { delta / 2 };
    delta += delta / points;
    let mut k = 0;
    while delta > ((36 - 1) * 26) / 2 {
        delta /= 36 - 1;
        k += 36;
    }
    k + (36 * delta) / (delta + 38)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_tables_match_unicode_properties() {
        use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lm = matches!(
                c.general_category_group(),
                GeneralCategoryGroup::Letter | GeneralCategoryGroup::Mark
            );
            assert_eq!(in_ranges(&HASHTAG_RANGES[0], c), lm, "{:X}", c as u32);
            let nd = c.general_category() == GeneralCategory::DecimalNumber;
            assert_eq!(in_ranges(&HASHTAG_RANGES[1], c), nd, "{:X}", c as u32);
        }
    }

    #[test]
    fn ascii_tld_search_finds_every_ascii_name() {
        // twitter-text's two lists and one stray name: few runs to search.
        assert!(TLD_RUNS.1 <= 3, "{} runs", TLD_RUNS.1);
        assert_eq!(*TLD_ASCII_TEXT, TLD_ASCII);
        assert!(TLD_PACKED.len() < TLD_ASCII.len() * 7 / 10);
        let list = std::str::from_utf8(TLD_LIST).unwrap();
        let other: Vec<&str> = list.lines().filter(|l| !l.is_ascii()).collect();
        assert_eq!(TLD_OTHER.lines().collect::<Vec<_>>(), other);
        assert!(other.len() > 100);
        let names: Vec<&str> = list
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#') && l.is_ascii())
            .collect();
        assert!(names.len() > 1000);
        for name in &names {
            assert!(is_ascii_tld(name.as_bytes()), "{name}");
            // Every name passes the first-two-letters test.
            let dotted = format!("a.{name}");
            assert!(tld_may_follow(dotted.as_bytes(), 1), "{name}");
        }
        for not in ["", "c", "comx", "xn", "exampl", "co.uk"] {
            assert!(!is_ascii_tld(not.as_bytes()), "{not}");
        }
    }

    proptest::proptest! {
        /// `tld_may_follow` only turns dots away that no host goes through:
        /// no top-level domain starts right after them, and the label after
        /// them is the last.
        #[test]
        fn tld_gate_turns_away_only_dots_without_a_host(
            text in "([a-z]{1,3}|[A-Z]|[0-9]|\\.|-|_|/| |@|:|é|中|xn--|com|co|org|net|io|Ab|vermögensberater){0,16}"
        ) {
            let b = text.as_bytes();
            for dot in (0..b.len()).filter(|&i| b[i] == b'.' && i + 1 < b.len()) {
                let label_follows = char_at(&text, dot + 1).is_some_and(is_domain_char);
                if label_follows && !tld_may_follow(b, dot) {
                    proptest::prop_assert_eq!(tld(&text, dot + 1), None, "{:?} at {}", text, dot);
                    let mut e = dot + 1;
                    while let Some(c) = char_at(&text, e).filter(|&c| is_domain_char(c) || c == '-' || c == '_') {
                        e += c.len_utf8();
                    }
                    proptest::prop_assert!(b.get(e) != Some(&b'.'), "{:?} at {}", text, dot);
                }
            }
        }
    }

    #[test]
    fn punycode_lengths_match_known_encodings() {
        // "bücher" -> "bcher-kva", "みんな" -> "q9jyb4c".
        assert_eq!(punycode_len("bücher"), Some(9));
        assert_eq!(punycode_len("みんな"), Some(7));
    }

    fn links(text: &str) -> Vec<&str> {
        let mut c = UrlCursor::new(true);
        let mut out = Vec::new();
        let mut i = 0;
        while let Some((s, e)) = c.next_from(text, i) {
            out.push(&text[s..e]);
            i = e.max(s + 1);
        }
        out
    }

    /// twitter-text checks each label of a host it matched at 63 punycode
    /// characters at most; at the start of the text its match leaves the
    /// first character out of the host when it can. With n ideographs glued
    /// to "example.com" (punycode "xn--" + "example-" + 2 per ideograph...):
    /// npm twitter-text 3.1 keeps the link up to n = 49 at the start of the
    /// text (48 in the label) and up to n = 48 after a space.
    #[test]
    fn cjk_glued_to_a_host_at_the_start_follows_twitter_text() {
        let glued = |n: usize| format!("{}example.com", "\u{4E2D}".repeat(n));
        let label = |n: usize| format!("{}example", "\u{4E2D}".repeat(n));
        assert_eq!(punycode_len(&label(48)), Some(59));
        assert_eq!(punycode_len(&label(49)), Some(60));
        for n in [1, 47, 48, 49] {
            assert_eq!(links(&glued(n)), ["example.com"], "{n} at the start");
        }
        assert!(links(&glued(50)).is_empty());
        assert_eq!(links(&format!("ab {}", glued(48))), ["example.com"]);
        assert!(links(&format!("ab {}", glued(49))).is_empty());
        // The first character is left out even when the host would have
        // been valid with it.
        assert_eq!(links("\u{E9}xample.com"), ["xample.com"]);
        assert_eq!(links("x \u{E9}xample.com"), ["\u{E9}xample.com"]);
        // When the rest is no host, the first character starts it.
        assert_eq!(links("\u{E9}.com"), ["\u{E9}.com"]);
    }

    #[test]
    fn url_cursor_finds_links_in_order() {
        let text = "see example.com and http://t.co/abc's, not e.g. this";
        let mut c = UrlCursor::new(true);
        let s1 = text.find("example").unwrap();
        let s2 = text.find("http").unwrap();
        assert_eq!(c.url_at(text, 0), None);
        assert_eq!(c.url_at(text, s1), Some(s1 + "example.com".len()));
        assert_eq!(c.url_at(text, s2), Some(s2 + "http://t.co/abc".len()));
        assert_eq!(c.url_at(text, s2 + 20), None);
    }
}
