//! Small character-class helpers shared by the tokenizer and the rules.

/// True for characters drawn as emoji or pictographs (approximating the
/// Unicode `Extended_Pictographic` property plus regional indicators), which is
/// all the tokenizer needs to tell an emoji cluster from a symbol.
pub(crate) fn is_pictographic(c: char) -> bool {
    matches!(c as u32,
        0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139
        | 0x2194..=0x2199 | 0x21A9..=0x21AA
        | 0x231A..=0x231B | 0x2328 | 0x23CF | 0x23E9..=0x23F3 | 0x23F8..=0x23FA
        | 0x24C2 | 0x25AA..=0x25AB | 0x25B6 | 0x25C0 | 0x25FB..=0x25FE
        | 0x2600..=0x27BF
        | 0x2934..=0x2935 | 0x2B05..=0x2B07 | 0x2B1B..=0x2B1C | 0x2B50 | 0x2B55
        | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0x1F000..=0x1FAFF
        | 0x1FC00..=0x1FFFD)
}

/// True for punctuation: ASCII punctuation and the common Unicode punctuation
/// blocks (general punctuation, CJK and full-width forms, inverted marks).
pub(crate) fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    matches!(c as u32,
        0x00A1 | 0x00A7 | 0x00AB | 0x00B6 | 0x00B7 | 0x00BB | 0x00BF
        | 0x2010..=0x2027 | 0x2030..=0x205E
        | 0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F
        | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65
        | 0x055A..=0x055F | 0x0589 | 0x060C | 0x061B | 0x061F | 0x06D4 | 0x0964..=0x0965)
}

/// Characters that end a sentence.
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | ';' | '…' | '。' | '！' | '？' | '‼' | '⁉' | '؟' | '।'
    )
}

/// Line separators, including the Unicode ones.
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// A fixed set of lower-case words, for membership tests on every sentence
/// opener of every draft: a hash look-up instead of a scan of the list.
/// Words of up to 15 bytes (all but freak ones) are packed into one integer
/// key, so a look-up lower-cases into a register-sized buffer and hashes two
/// words, with no UTF-8 check and no string comparison.
pub(crate) struct WordSet {
    /// The packed words (the values are unused): a map of the type the
    /// model's word table has, rather than a set, so that the WebAssembly
    /// module holds one hash table for both.
    packed: KeyMap,
    /// Words longer than 15 bytes.
    long: Vec<&'static str>,
    /// Bit `n` set when a packed word has `n` bytes, and bit `c` of
    /// `firsts` when one starts with ASCII byte `c`: most words of a draft
    /// are in neither, and an ASCII word is turned away on them before it
    /// is lower-cased and hashed.
    lengths: u16,
    firsts: u128,
}

/// A word of at most 15 bytes as one integer: its bytes, then its length.
pub(crate) fn pack(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    if b.len() > 15 {
        return None;
    }
    Some(load(b) | (b.len() as u128) << 120)
}

/// [`pack`] at compile time, for short word lists compared with a
/// [`lower_key`] (a handful of integer compares, where a list of strings
/// costs a case-insensitive compare per entry). Every word must be lower
/// case and at most 15 bytes: a longer one fails the build.
pub(crate) const fn pack_all<const N: usize>(words: [&str; N]) -> [u128; N] {
    let mut keys = [0u128; N];
    let mut w = 0;
    while w < N {
        let b = words[w].as_bytes();
        assert!(b.len() <= 15, "a packed word has at most 15 bytes");
        let mut k = 0u128;
        let mut i = b.len();
        while i > 0 {
            i -= 1;
            k = k << 8 | b[i] as u128;
        }
        keys[w] = k | (b.len() as u128) << 120;
        w += 1;
    }
    keys
}

/// Up to 16 bytes as a little-endian integer, zero-padded: two overlapping
/// fixed-size loads instead of a variable-length copy (which is a call to
/// `memcpy`, dearer than the hash look-up it prepares).
#[inline]
fn load(b: &[u8]) -> u128 {
    let n = b.len();
    debug_assert!(n <= 16);
    if n >= 8 {
        let lo = u64::from_le_bytes(b[..8].try_into().unwrap_or_default());
        // Bytes n-8..n; the top 16-n of them are b[8..n].
        let hi = u64::from_le_bytes(b[n - 8..].try_into().unwrap_or_default());
        u128::from(lo) | (u128::from(hi) >> ((16 - n) * 8)) << 64
    } else if n >= 4 {
        let lo = u32::from_le_bytes(b[..4].try_into().unwrap_or_default());
        let hi = u32::from_le_bytes(b[n - 4..].try_into().unwrap_or_default());
        u128::from(u64::from(lo) | (u64::from(hi) >> ((8 - n) * 8)) << 32)
    } else {
        b.iter().rev().fold(0, |k, &c| k << 8 | u128::from(c))
    }
}

impl WordSet {
    pub fn new(words: &[&'static str]) -> Self {
        let mut set = Self {
            packed: KeyMap::with_capacity(words.len()),
            long: Vec::new(),
            lengths: 0,
            firsts: 0,
        };
        for &w in words {
            match pack(w) {
                Some(key) => {
                    set.packed.entry(key, 0);
                    set.lengths |= 1 << w.len();
                    // A word that does not start with an ASCII byte is
                    // never the lower case of an ASCII word.
                    // (The empty word counts as starting with byte 0.)
                    match w.as_bytes().first() {
                        Some(c) if c.is_ascii() => set.firsts |= 1 << c.to_ascii_lowercase(),
                        Some(_) => {}
                        None => set.firsts |= 1,
                    }
                }
                None => set.long.push(w),
            }
        }
        set
    }

    /// True when `word`, lower-cased, is in the set.
    #[inline]
    pub fn contains_lower(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if b.len() <= 15 && word.is_ascii() {
            // ASCII lower-casing keeps the length and maps the first byte
            // alone.
            let first = b.first().map_or(0, u8::to_ascii_lowercase);
            if self.lengths & 1 << b.len() == 0 || self.firsts & 1 << first == 0 {
                return false;
            }
        }
        match lower_key(word) {
            Some(key) => self.contains_key(key),
            None if word.is_ascii() => self.long.iter().any(|w| w.eq_ignore_ascii_case(word)),
            None => self.long.contains(&to_lower(word).as_str()),
        }
    }

    /// [`WordSet::contains_lower`] of a word by the key the word walk made
    /// of it (`crate::words::walk`: an ASCII word of at most 15 bytes,
    /// lower-cased): the word is not lower-cased and tested again, and the
    /// set turns most away on the key's length and first byte alone.
    /// (Its one caller, `Doc::is_in`, is not inlined in the WebAssembly
    /// module.)
    #[inline]
    pub fn contains_walked(&self, key: u128) -> bool {
        let (len, first) = ((key >> 120) as u32, key as u8);
        self.lengths & 1 << len != 0 && self.firsts & 1 << first != 0 && self.contains_key(key)
    }

    /// True when the word of a [`lower_key`] is in the set.
    #[inline]
    fn contains_key(&self, key: u128) -> bool {
        self.packed.get(key).is_some()
    }
}

/// A hash table of packed keys ([`pack`], or any integer below
/// `u128::MAX`) to `u32` values: the word tables every word of every
/// draft is looked up in (the model's, the lexicon's, the word sets').
/// Open addressing, linear probing, at most half full, one multiply to
/// hash: a look-up that finds its key (or an empty slot) in the first
/// slot is a dozen instructions, where a general hash map hashes both
/// halves of the key and probes a group of control bytes.
#[derive(Clone, Debug)]
pub(crate) struct KeyMap {
    /// The slots' keys, a power of two of them; [`EMPTY`] keys are free.
    /// Apart from the values: a probe reads 16 bytes, not a 32-byte
    /// `(u128, u32)` with its padding, so a table is half the cache lines
    /// (the model's and the lexicon's word tables are looked up on every
    /// word, and missed the data cache), and a word set's values are never
    /// read at all.
    keys: Vec<u128>,
    /// The value of each slot's key.
    values: Vec<u32>,
    len: usize,
    /// `64 - log2(keys.len())`: a hash's top bits pick the first slot.
    shift: u32,
}

/// The key of a free slot: no packed key (its length byte would be 0xFF).
const EMPTY: u128 = u128::MAX;

impl Default for KeyMap {
    fn default() -> Self {
        Self::with_capacity(0)
    }
}

impl PartialEq for KeyMap {
    /// The same keys with the same values (in any layout).
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len
            && self
                .keys
                .iter()
                .zip(&self.values)
                .filter(|s| *s.0 != EMPTY)
                .all(|(&k, &v)| other.get(k) == Some(v))
    }
}

impl KeyMap {
    /// An empty map with room for `n` keys without growing (a word set's
    /// words: two heap blocks, not two per doubling).
    pub fn with_capacity(n: usize) -> Self {
        let slots = (2 * n).next_power_of_two().max(2);
        Self {
            keys: vec![EMPTY; slots],
            values: vec![0; slots],
            len: 0,
            shift: 64 - slots.trailing_zeros(),
        }
    }

    /// The first slot to probe for `key`.
    #[inline]
    fn home(&self, key: u128) -> usize {
        let h =
            (key as u64 ^ ((key >> 64) as u64).rotate_left(32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> self.shift) as usize
    }

    /// The value of `key`.
    #[inline]
    pub fn get(&self, key: u128) -> Option<u32> {
        let mask = self.keys.len() - 1;
        let mut i = self.home(key);
        loop {
            let k = self.keys[i];
            if k == EMPTY {
                return None;
            }
            if k == key {
                return self.values.get(i).copied();
            }
            i = (i + 1) & mask;
        }
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        self.len
    }

    /// The value of `key`, inserted as `value` first when it is missing.
    pub fn entry(&mut self, key: u128, value: u32) -> &mut u32 {
        debug_assert_ne!(key, EMPTY);
        if 2 * (self.len + 1) > self.keys.len() {
            let n = 2 * self.keys.len();
            let old_keys = std::mem::replace(&mut self.keys, vec![EMPTY; n]);
            let old_values = std::mem::replace(&mut self.values, vec![0; n]);
            self.shift -= 1;
            for (k, v) in old_keys
                .into_iter()
                .zip(old_values)
                .filter(|s| s.0 != EMPTY)
            {
                let i = self.free_slot(k);
                self.keys[i] = k;
                self.values[i] = v;
            }
        }
        let i = self.free_slot(key);
        if self.keys[i] == EMPTY {
            self.keys[i] = key;
            self.values[i] = value;
            self.len += 1;
        }
        &mut self.values[i]
    }

    /// The slot holding `key`, or the free slot it would go in.
    fn free_slot(&self, key: u128) -> usize {
        let mask = self.keys.len() - 1;
        let mut i = self.home(key);
        while self.keys[i] != key && self.keys[i] != EMPTY {
            i = (i + 1) & mask;
        }
        i
    }
}

/// `word` lower-cased and packed as a [`WordSet`] key (`None` when longer
/// than 15 bytes).
#[inline]
pub(crate) fn lower_key(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    if !word.is_ascii() {
        return pack(&to_lower(word));
    }
    if b.len() > 15 {
        return None;
    }
    Some(lower_ascii_key(b))
}

/// [`lower_key`] of an ASCII word of at most 15 bytes, for callers that
/// know it is one (no test of each byte again). (Not inlined in the
/// WebAssembly module, where 128-bit arithmetic is long code.)
#[cfg_attr(not(target_arch = "wasm32"), inline)]
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(crate) fn lower_ascii_key(b: &[u8]) -> u128 {
    debug_assert!(b.len() <= 15 && b.is_ascii());
    // All sixteen bytes lower-cased at once (every byte is below 0x80):
    // a byte's high bit, after adding 0x3F, says it is at least 'A'; after
    // adding 0x25, that it is past 'Z'. No sum carries into the next byte.
    let x = load(b);
    const ONES: u128 = u128::MAX / 0xFF;
    let upper = (x + ONES * 0x3F) & !(x + ONES * 0x25) & (ONES * 0x80);
    (x | upper >> 2) | (b.len() as u128) << 120
}

/// `w` lower-cased into `buf`, curly apostrophes straightened: the form
/// learned words are looked up in.
pub(crate) fn lower_word(w: &str, buf: &mut String) {
    buf.clear();
    if w.is_ascii() {
        buf.push_str(w);
        buf.make_ascii_lowercase();
        return;
    }
    for c in w.chars() {
        match c {
            '’' | '‘' => buf.push('\''),
            c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
            c => buf.extend(crate::case::lower(c)),
        }
    }
}

/// `s` lower-cased as `str::to_lowercase` does it, final sigma included
/// ("ΟΔΟΣ" -> "οδος"), but char by char: the std function links 4 KB into
/// the WebAssembly module for context rules this one-letter test covers
/// (a capital sigma that ends a word after a letter).
pub(crate) fn to_lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_letter = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{3A3}' && prev_letter && !chars.peek().is_some_and(|n| n.is_alphabetic()) {
            out.push('\u{3C2}');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(crate::case::lower(c));
        }
        prev_letter = c.is_alphabetic();
    }
    out
}

/// True when `word`, lower-cased, is one of `list` (lower-case words).
/// ASCII words, nearly all of them, are compared without allocating.
pub(crate) fn lower_is_one_of(word: &str, list: &[&str]) -> bool {
    if word.is_ascii() {
        list.iter().any(|w| w.eq_ignore_ascii_case(word))
    } else {
        let lower = to_lower(word);
        list.contains(&lower.as_str())
    }
}

/// True when `word`, lower-cased, ends with `suffix` (lower-case ASCII).
pub(crate) fn lower_ends_with(word: &str, suffix: &str) -> bool {
    if word.is_ascii() {
        word.len() >= suffix.len()
            && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    } else {
        to_lower(word).ends_with(suffix)
    }
}

/// Where the ASCII pattern `pat` occurs in `s`: byte offsets, first to last.
/// A window scan, not `str::find`/`str::replace`: those bring in the std's
/// two-way substring searcher, 3 KB of WebAssembly for a handful of short,
/// fixed patterns read only when a lexicon or config is loaded or a custom
/// rule fires. (An ASCII match always starts and ends on char boundaries.)
pub(crate) fn ascii_matches<'a>(s: &'a str, pat: &'a str) -> impl Iterator<Item = usize> + 'a {
    let n = pat.len();
    let starts = if n == 0 {
        0
    } else {
        (s.len() + 1).saturating_sub(n)
    };
    (0..starts).filter(move |&i| s.as_bytes()[i..i + n] == *pat.as_bytes())
}

/// `s` with every `pat` (ASCII, non-empty, non-overlapping, left to right)
/// replaced by `with`.
pub(crate) fn replace_ascii(s: &str, pat: &str, with: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for i in ascii_matches(s, pat) {
        if i >= last {
            out.push_str(&s[last..i]);
            out.push_str(with);
            last = i + pat.len();
        }
    }
    out.push_str(&s[last..]);
    out
}

/// True when `s` has at least two letters and every cased letter is upper case.
pub(crate) fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            letters += 1;
        }
    }
    letters >= 2
}

/// True when some letter repeats three or more times in a row ("sooo").
pub(crate) fn is_elongated(s: &str) -> bool {
    let mut prev = '\0';
    let mut run = 0;
    for c in s.chars() {
        if c == prev && c.is_alphabetic() {
            run += 1;
            if run >= 3 {
                return true;
            }
        } else {
            prev = c;
            run = 1;
        }
    }
    false
}

/// Collapses every run of a repeated letter longer than `keep` to `keep` copies.
pub(crate) fn collapse_runs(s: &str, keep: usize, out: &mut String) {
    debug_assert!(keep >= 1);
    if s.is_ascii() {
        // Whole slices between over-long runs: no per-char decoding or push.
        let b = s.as_bytes();
        let (mut i, mut from) = (0, 0);
        while i < b.len() {
            let c = b[i];
            let mut j = i + 1;
            while j < b.len() && b[j] == c {
                j += 1;
            }
            if j - i > keep && c.is_ascii_alphabetic() {
                out.push_str(&s[from..i + keep]);
                from = j;
            }
            i = j;
        }
        out.push_str(&s[from..]);
        return;
    }
    let mut prev = '\0';
    let mut run = 0;
    for c in s.chars() {
        if c == prev && c.is_alphabetic() {
            run += 1;
            if run > keep {
                continue;
            }
        } else {
            prev = c;
            run = 1;
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_lower_agrees_with_the_std_on_words() {
        for s in [
            "",
            "HUGE SALE",
            "Straße İSTANBUL ǅemal",
            "ΟΔΟΣ ΣΟΦΟΣ. ΣΑΣ",
            "Σ alone, ΑΣ!",
            "Ⓐ ÀÉÎ ＡＢＣ 🎉 x\u{301}",
            "\u{10400}",
        ] {
            assert_eq!(to_lower(s), s.to_lowercase(), "{s}");
        }
    }

    #[test]
    fn pack_all_agrees_with_pack_and_lower_key() {
        const KEYS: [u128; 3] = pack_all(["rt", "retweet", "a-longer-word"]);
        assert_eq!(KEYS[0], pack("rt").unwrap());
        assert_eq!(KEYS[1], lower_key("ReTweet").unwrap());
        assert_eq!(KEYS[2], lower_key("A-LONGER-WORD").unwrap());
    }

    #[test]
    fn ascii_matches_and_replace_agree_with_std() {
        for (s, pat, with) in [
            ("Hi {text}, {text}!", "{text}", "you"),
            ("a--b---c", "--", "+"),
            ("aaaa", "aa", "b"),
            ("", "x", "y"),
            ("x", "xx", "y"),
            ("🎉 *2 é *", " *", "|"),
        ] {
            assert_eq!(replace_ascii(s, pat, with), s.replace(pat, with), "{s:?}");
            let first = ascii_matches(s, pat).next();
            assert_eq!(first, s.find(pat), "{s:?}");
            assert_eq!(ascii_matches(s, pat).last(), s.rfind(pat), "{s:?}");
        }
        assert_eq!(ascii_matches("abc", "").count(), 0);
    }

    #[test]
    fn caps_and_elongation() {
        assert!(is_all_caps("SALE"));
        assert!(is_all_caps("DON'T"));
        assert!(!is_all_caps("I"));
        assert!(!is_all_caps("Sale"));
        assert!(is_elongated("soooo"));
        assert!(!is_elongated("coffee"));
        let mut s = String::new();
        collapse_runs("nowwww", 1, &mut s);
        // Loads are the bytes, zero-padded, at every length.
        let bytes: Vec<u8> = (1..=16).collect();
        for n in 0..=16 {
            let mut key = [0u8; 16];
            key[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(load(&bytes[..n]), u128::from_le_bytes(key), "{n}");
        }
        // The packed, lower-cased key is the bytes lower-cased one by one.
        for w in [
            "",
            "A",
            "Z",
            "@[`{",
            "hello",
            "HeLLo-World_09",
            "ZZZZZZZZZZZZZZZ",
        ] {
            let lower = w.to_ascii_lowercase();
            assert_eq!(lower_key(w), pack(&lower), "{w:?}");
        }
        for c in 0u8..0x80 {
            let w = String::from(c as char).repeat(15);
            assert_eq!(lower_key(&w), pack(&w.to_ascii_lowercase()), "{c:#x}");
        }
        assert_eq!(s, "now");
        for (text, keep) in [
            ("sooo gooood!!!", 2),
            ("aaa", 1),
            ("", 1),
            ("ab", 1),
            ("Woooow  ok", 1),
        ] {
            let mut fast = String::new();
            collapse_runs(text, keep, &mut fast);
            // The char-by-char path (a non-ASCII suffix forces it).
            let mut slow = String::new();
            collapse_runs(&format!("{text}é"), keep, &mut slow);
            assert_eq!(format!("{fast}é"), slow, "{text:?} keep {keep}");
        }
    }

    #[test]
    fn classes() {
        assert!(is_pictographic('🔥'));
        assert!(is_pictographic('❤'));
        assert!(!is_pictographic('a'));
        assert!(is_punctuation('—'));
        assert!(is_punctuation('!'));
        assert!(!is_punctuation('€'));
    }

    #[test]
    fn key_maps_find_every_key_they_were_given() {
        let mut m = KeyMap::default();
        for k in 0..1000u128 {
            assert_eq!(*m.entry(k * 0x1_0000_0001, k as u32), k as u32);
        }
        // An entry already there keeps its value.
        assert_eq!(*m.entry(0, 7), 0);
        assert_eq!(m.len(), 1000);
        for k in 0..1000u128 {
            assert_eq!(m.get(k * 0x1_0000_0001), Some(k as u32));
            assert_eq!(m.get(k * 0x1_0000_0001 + 1), None);
        }
        assert_eq!(m.get(u128::MAX), None);
        // Equal whatever the order the keys came in.
        let mut r = KeyMap::default();
        for k in (0..1000u128).rev() {
            r.entry(k * 0x1_0000_0001, k as u32);
        }
        assert_eq!(m, r);
        *r.entry(5 * 0x1_0000_0001, 0) = 1;
        assert_ne!(m, r);
    }

    #[test]
    fn word_sets_lower_case_what_they_look_up() {
        let set = WordSet::new(&["went", "très", "día", "characteristically", "a"]);
        for yes in [
            "went",
            "WENT",
            "Went",
            "TRÈS",
            "très",
            "Día",
            "CHARACTERISTICALLY",
            "a",
            "A",
        ] {
            assert!(set.contains_lower(yes), "{yes}");
        }
        for no in [
            "wen",
            "wentt",
            "tres",
            "",
            "characteristicall",
            "b",
            "ا",
            "went ",
        ] {
            assert!(!set.contains_lower(no), "{no}");
        }
        // The length and first-byte screen turns away only what the table
        // would: the empty word, a word whose lower case is ASCII though
        // it is not (the Kelvin sign), same length and first letter.
        let set = WordSet::new(&["", "kit", "zap", "9lives"]);
        for yes in ["", "KIT", "\u{212A}it", "zap", "ZAP", "9LIVES"] {
            assert!(set.contains_lower(yes), "{yes}");
        }
        for no in ["kid", "zip", "kits", "ki", "9lifes", "\0", "it"] {
            assert!(!set.contains_lower(no), "{no:?}");
        }
    }
}
