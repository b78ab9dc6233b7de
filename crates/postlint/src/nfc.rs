//! Canonical composition (Unicode NFC) for counting: twitter-text weighs the
//! NFC form of a draft, where `"e"` + U+0301 is one character (`é`).
//!
//! [`for_each`] hands out the NFC form's characters, each with the byte
//! offset of the character of the original text it starts from, so that a
//! count can say where in the caller's text it crossed a limit; nothing is
//! rewritten. Most text is already in NFC, and a quick check keeps it on a
//! fast path: ASCII, and any character below U+0300 or outside the small
//! set that NFC can change or merge (combining marks, the few letters and
//! vowel signs that compose with what precedes them, singletons and
//! composition exclusions), is passed through as it is.
//!
//! The data are the canonical decompositions and combining classes of the
//! Unicode Character Database, packed by `scripts/gen-unicode-tables.py`
//! (about 6 KB, unpacked once); Hangul syllables are composed by
//! arithmetic. One deliberate gap: the CJK compatibility ideographs
//! (U+F900–U+FAFF, U+2F800–U+2FA1F) stay as written, where NFC maps each to
//! one unified ideograph: both weigh the same and compose with nothing, so
//! no count can tell (the generator checks that).

use crate::lazy::Lazy;

use crate::unicode_tables::{NFC_COMBINING_CLASSES, NFC_DECOMPOSITIONS};

/// The unpacked tables.
struct Tables {
    /// `(first, last, class)`: runs of code points with a non-zero canonical
    /// combining class, sorted.
    classes: Vec<(u32, u32, u8)>,
    /// `(code point, first, second)`: one level of canonical decomposition,
    /// sorted by code point; `second` is 0 for a singleton.
    decompositions: Vec<(u32, u32, u32)>,
    /// The primary composites, as `first << 42 | second << 21 | composite`,
    /// sorted.
    compositions: Vec<u64>,
    /// Sorted, merged ranges (`first << 32 | last`) of the code points that
    /// NFC may change or that may merge with the character before them
    /// (quick check "No" or "Maybe", or a non-zero combining class).
    unstable: Vec<u64>,
}

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

/// Reads a variable-length integer (7 bits a byte, low bits first).
pub(crate) fn varint(data: &[u8], pos: &mut usize) -> u32 {
    let mut value = 0u32;
    let mut shift = 0;
    while let Some(&byte) = data.get(*pos) {
        *pos += 1;
        value |= u32::from(byte & 0x7F) << shift;
        shift += 7;
        if byte & 0x80 == 0 || shift > 28 {
            break;
        }
    }
    value
}

static TABLES: Lazy<Tables> = Lazy::new(|| {
    let mut classes = Vec::new();
    let (data, mut pos, mut last) = (NFC_COMBINING_CLASSES, 0, 0u32);
    while pos < data.len() {
        let first = last + varint(data, &mut pos);
        last = first + varint(data, &mut pos);
        let class = data.get(pos).copied().unwrap_or(0);
        pos += 1;
        classes.push((first, last, class));
    }
    let mut decompositions = Vec::new();
    let mut compositions = Vec::new();
    let mut unstable = Vec::new();
    let (data, mut pos, mut c, mut first) = (NFC_DECOMPOSITIONS, 0, 0u32, 0u32);
    while pos < data.len() {
        let head = varint(data, &mut pos);
        c += head >> 1;
        let zigzag = varint(data, &mut pos);
        first = if zigzag & 1 == 0 {
            first.wrapping_add(zigzag >> 1)
        } else {
            first.wrapping_sub((zigzag >> 1) + 1)
        };
        let second = varint(data, &mut pos);
        decompositions.push((c, first, second));
        if head & 1 == 1 {
            compositions.push(u64::from(first) << 42 | u64::from(second) << 21 | u64::from(c));
        } else {
            // Quick check "No": a singleton or an exclusion.
            unstable.push(range(c, c));
        }
    }
    // The module-wide sort (crate::sort): no new sort code in WebAssembly.
    crate::sort::sort(&mut compositions);
    // Quick check "Maybe": the second characters of compositions, among
    // them starters (Indic length marks, Hangul vowels and final
    // consonants).
    for &key in &compositions {
        let second = (key >> 21) as u32 & CODE_POINT;
        if class_in(&classes, second) == 0 {
            unstable.push(range(second, second));
        }
    }
    unstable.extend(classes.iter().map(|&(lo, hi, _)| range(lo, hi)));
    unstable.push(range(V_BASE, V_BASE + V_COUNT - 1));
    unstable.push(range(T_BASE + 1, T_BASE + T_COUNT - 1));
    crate::sort::sort(&mut unstable);
    let mut merged: Vec<u64> = Vec::with_capacity(unstable.len());
    for r in unstable {
        match merged.last_mut() {
            Some(last) if (r >> 32) <= (*last & 0xFFFF_FFFF) + 1 => {
                *last = (*last).max(*last & !0xFFFF_FFFF | r & 0xFFFF_FFFF);
            }
            _ => merged.push(r),
        }
    }
    Tables {
        classes,
        decompositions,
        compositions,
        unstable: merged,
    }
});

/// 21 bits: a code point.
const CODE_POINT: u32 = 0x1F_FFFF;

/// A range of code points as one sortable number.
fn range(first: u32, last: u32) -> u64 {
    u64::from(first) << 32 | u64::from(last)
}

fn class_in(classes: &[(u32, u32, u8)], c: u32) -> u8 {
    let i = classes.partition_point(|&(_, hi, _)| hi < c);
    classes
        .get(i)
        .filter(|&&(lo, _, _)| lo <= c)
        .map_or(0, |&(_, _, class)| class)
}

/// The first code point NFC can change or merge: below it every character
/// passes through.
const FIRST_UNSTABLE: char = '\u{300}';

impl Tables {
    fn class(&self, c: char) -> u8 {
        class_in(&self.classes, c as u32)
    }

    /// True when `c` may change under NFC or merge with what precedes it.
    fn unstable(&self, c: char) -> bool {
        let c = u64::from(c);
        let i = self.unstable.partition_point(|&r| r & 0xFFFF_FFFF < c);
        self.unstable.get(i).is_some_and(|&r| r >> 32 <= c)
    }

    /// Appends the full canonical decomposition of `c` to `out`.
    fn decompose(&self, c: char, offset: usize, out: &mut Vec<(usize, char)>) {
        let cp = c as u32;
        if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
            let s = cp - S_BASE;
            let jamo = [
                L_BASE + s / N_COUNT,
                V_BASE + (s % N_COUNT) / T_COUNT,
                T_BASE + s % T_COUNT,
            ];
            for j in jamo.into_iter().filter(|&j| j != T_BASE) {
                out.extend(char::from_u32(j).map(|j| (offset, j)));
            }
            return;
        }
        let found = self
            .decompositions
            .binary_search_by_key(&cp, |&(c, _, _)| c)
            .ok()
            .map(|i| self.decompositions[i]);
        match found {
            Some((_, first, second)) => {
                for part in [first, second] {
                    if let Some(part) = char::from_u32(part).filter(|_| part != 0) {
                        self.decompose(part, offset, out);
                    }
                }
            }
            None => out.push((offset, c)),
        }
    }

    /// The primary composite of `first` and `second`, if there is one.
    fn compose(&self, first: char, second: char) -> Option<char> {
        let (a, b) = (first as u32, second as u32);
        if (L_BASE..L_BASE + L_COUNT).contains(&a) && (V_BASE..V_BASE + V_COUNT).contains(&b) {
            let lv = (a - L_BASE) * N_COUNT + (b - V_BASE) * T_COUNT;
            return char::from_u32(S_BASE + lv);
        }
        if (S_BASE..S_BASE + S_COUNT).contains(&a)
            && (a - S_BASE).is_multiple_of(T_COUNT)
            && (T_BASE + 1..T_BASE + T_COUNT).contains(&b)
        {
            return char::from_u32(a + (b - T_BASE));
        }
        let pair = u64::from(a) << 42 | u64::from(b) << 21;
        let i = self.compositions.partition_point(|&k| k < pair);
        let key = *self.compositions.get(i)?;
        if key >> 21 != pair >> 21 {
            return None;
        }
        char::from_u32(key as u32 & CODE_POINT)
    }

    /// Normalises one segment (a starter and the characters that may merge
    /// with it), handing out its NFC characters.
    fn segment(
        &self,
        segment: &[(usize, char)],
        buf: &mut Vec<(usize, char)>,
        f: &mut dyn FnMut(usize, char),
    ) {
        buf.clear();
        for &(offset, c) in segment {
            self.decompose(c, offset, buf);
        }
        // Canonical order: a stable sort of each run of non-starters by class
        // (runs are short: insertion sort).
        for i in 1..buf.len() {
            let class = self.class(buf[i].1);
            if class == 0 {
                continue;
            }
            let mut j = i;
            while j > 0 && self.class(buf[j - 1].1) > class {
                buf.swap(j - 1, j);
                j -= 1;
            }
        }
        // Canonical composition: each character joins the last starter
        // unless a character of class 0 or of its class (or higher) comes
        // between them.
        let mut starter: Option<usize> = None;
        let mut last_class = 0u8;
        let mut kept = 0;
        for i in 0..buf.len() {
            let (offset, c) = buf[i];
            let class = self.class(c);
            if let Some(s) = starter {
                let adjacent = s + 1 == kept;
                if adjacent || (last_class != 0 && last_class < class) {
                    if let Some(composite) = self.compose(buf[s].1, c) {
                        buf[s].1 = composite;
                        continue;
                    }
                }
            }
            if class == 0 {
                starter = Some(kept);
            }
            last_class = class;
            buf[kept] = (offset, c);
            kept += 1;
        }
        // Reordering can put a mark before one typed earlier: each character
        // takes the earliest offset from it on, so that offsets never go back.
        let mut earliest = usize::MAX;
        for item in buf[..kept].iter_mut().rev() {
            earliest = earliest.min(item.0);
            item.0 = earliest;
        }
        for &(offset, c) in &buf[..kept] {
            f(offset, c);
        }
    }
}

/// Calls `f(offset, c)` for each character `c` of the NFC form of `text`,
/// in order; `offset` is the byte offset in `text` of the character `c`
/// comes from (for a composite, its first part's; if canonical reordering
/// put `c` before a mark typed earlier, that mark's), never decreasing.
pub(crate) fn for_each(text: &str, f: &mut dyn FnMut(usize, char)) {
    if text.is_ascii() {
        for (i, b) in text.bytes().enumerate() {
            f(i, char::from(b));
        }
        return;
    }
    let tables = &*TABLES;
    // Characters are handed out one behind: the last stable character may
    // still be the starter of a segment that needs work.
    let mut pending: Option<(usize, char)> = None;
    let mut segment: Vec<(usize, char)> = Vec::new();
    let mut buf = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c < FIRST_UNSTABLE || !tables.unstable(c) {
            if let Some((j, p)) = pending.replace((i, c)) {
                f(j, p);
            }
            continue;
        }
        segment.clear();
        segment.extend(pending.take());
        segment.push((i, c));
        while let Some(&(j, d)) = chars.peek() {
            if d < FIRST_UNSTABLE || !tables.unstable(d) {
                break;
            }
            segment.push((j, d));
            chars.next();
        }
        tables.segment(&segment, &mut buf, f);
    }
    if let Some((j, p)) = pending {
        f(j, p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn nfc(text: &str) -> String {
        let mut out = String::new();
        for_each(text, &mut |_, c| out.push(c));
        out
    }

    fn offsets(text: &str) -> Vec<(usize, char)> {
        let mut out = Vec::new();
        for_each(text, &mut |i, c| out.push((i, c)));
        out
    }

    /// What postlint's NFC leaves as written on purpose: the CJK
    /// compatibility ideographs.
    fn reference(text: &str) -> String {
        let compat = |c: char| matches!(c, '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}');
        let mut out = String::new();
        let mut rest = text;
        while let Some(i) = rest.find(compat) {
            out.extend(rest[..i].nfc());
            let c = rest[i..].chars().next().unwrap_or(' ');
            out.push(c);
            rest = &rest[i + c.len_utf8()..];
        }
        out.extend(rest.nfc());
        out
    }

    #[test]
    fn handcrafted_cases() {
        // A combining acute accent joins its base.
        assert_eq!(nfc("cafe\u{301}"), "caf\u{E9}");
        assert_eq!(offsets("e\u{301}x"), [(0, '\u{E9}'), (3, 'x')]);
        // Marks are put in canonical order, then composed where unblocked:
        // dot below (220) before circumflex (230), whichever is typed first.
        assert_eq!(nfc("e\u{302}\u{323}"), "\u{1EC7}");
        assert_eq!(nfc("e\u{323}\u{302}"), "\u{1EC7}");
        // A precomposed letter followed by a mark recomposes.
        assert_eq!(nfc("\u{E9}\u{323}"), "\u{1EB9}\u{301}");
        // Hangul: leading consonant + vowel (+ final consonant) is a syllable.
        assert_eq!(nfc("\u{1100}\u{1161}\u{11A8}"), "\u{AC01}");
        assert_eq!(nfc("\u{AC00}\u{11A8}"), "\u{AC01}");
        assert_eq!(offsets("a\u{1100}\u{1161}"), [(0, 'a'), (1, '\u{AC00}')]);
        // A composition exclusion decomposes and stays decomposed (one
        // character becomes two), and singletons map to their target.
        assert_eq!(nfc("\u{958}"), "\u{915}\u{93C}");
        assert_eq!(offsets("\u{958}"), [(0, '\u{915}'), (0, '\u{93C}')]);
        assert_eq!(nfc("\u{212B}"), "\u{C5}");
        // Starters that compose with what precedes them (a Bengali vowel
        // sign and its length mark).
        assert_eq!(nfc("\u{9C7}\u{9BE}"), "\u{9CB}");
        // An emoji ZWJ sequence with a skin tone and variation selector is
        // left alone.
        let family = "\u{1F469}\u{1F3FD}\u{200D}\u{1F4BB} \u{2764}\u{FE0F}";
        assert_eq!(nfc(family), family);
        // A mark with nothing before it stays.
        assert_eq!(nfc("\u{301}a"), "\u{301}a");
        assert_eq!(nfc(""), "");
    }

    #[test]
    fn every_character_matches_unicode_normalization() {
        let mut text = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            text.clear();
            text.push(c);
            assert_eq!(nfc(&text), reference(&text), "U+{:04X}", c as u32);
            // The character after a base letter and after a Hangul syllable
            // (planes 2 to 13 hold ideographs or nothing: no character
            // there combines with what precedes it).
            if ('\u{20000}'..'\u{E0000}').contains(&c) {
                continue;
            }
            for base in ['a', '\u{AC00}'] {
                text.clear();
                text.push(base);
                text.push(c);
                assert_eq!(nfc(&text), reference(&text), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn every_composition_round_trips() {
        for &(c, _, _) in &TABLES.decompositions {
            let c = char::from_u32(c).unwrap_or(' ');
            let nfd: String = c.to_string().nfd().collect();
            assert_eq!(nfc(&nfd), reference(&nfd), "U+{:04X}", c as u32);
        }
    }

    proptest::proptest! {
        #[test]
        fn mixes_of_bases_and_marks_match_unicode_normalization(
            text in "([aeouAEOU \u{E9}\u{1EB9}\u{3B1}\u{3C9}\u{1F00}\u{915}\u{9C7}\u{9BE}\u{9D7}\u{B47}\u{B3E}\u{1100}\u{1161}\u{11A8}\u{AC00}\u{F900}]|[\u{300}-\u{36F}]|\u{93C}|\u{345}|\u{1B5}|\u{5B7}|\u{5BC}|\u{3099}|\u{309A}|\u{304B}|\u{212B}|\u{958}|\u{F73}|\u{344}|\u{1D15F}|\u{1D16E}){0,24}"
        ) {
            proptest::prop_assert_eq!(nfc(&text), reference(&text));
            // Offsets are those of characters of the text, in order.
            let offs = offsets(&text);
            proptest::prop_assert!(offs.windows(2).all(|w| w[0].0 <= w[1].0));
            proptest::prop_assert!(offs.iter().all(|&(i, _)| text.is_char_boundary(i) && i < text.len()));
        }
    }
}
