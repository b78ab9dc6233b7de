//! Compiled-in text files without their comment lines.
//!
//! The built-in lexicon (`lexicon/en.txt`), model (`model/weights.txt`) and
//! TLD list (`tlds.txt`) document themselves in `#` comments. Their parsers
//! skip those lines, yet `include_str!` compiled them into every binary:
//! about 2 KB, 1 KB of the gzipped WebAssembly module. [`strip_comments!`]
//! drops comment and blank lines at compile time, so the files in the
//! repository keep their comments (and `postlint train --check` still
//! compares the committed model byte for byte) while the binaries hold only
//! the lines a parser reads. The model goes further: [`pack_model!`] turns
//! its decimals into varints at compile time (see [`model`]).

/// Which lines a file's parser skips, besides blank ones (after trimming).
#[derive(Clone, Copy)]
pub(crate) enum Comments {
    /// Lines that start with `#` (the TLD list).
    Hash,
    /// Lines that start with `# ` or are `#` alone: the lexicon, where
    /// `#ad` is a phrase.
    HashSpace,
}

/// Whitespace that `str::trim` removes and that is ASCII. A line of other
/// (Unicode) whitespace is kept: the parser drops it anyway.
const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | 0x0b | 0x0c)
}

/// Does the parser of `kind` skip the line `src[start..end]`? Only says yes
/// when it certainly does: ASCII trimming stops where `str::trim` does at
/// the front, and a comment's marker is ASCII.
const fn skipped(src: &[u8], mut start: usize, mut end: usize, kind: Comments) -> bool {
    while start < end && is_ascii_space(src[start]) {
        start += 1;
    }
    while end > start && is_ascii_space(src[end - 1]) {
        end -= 1;
    }
    if start == end {
        return true;
    }
    if src[start] != b'#' {
        return false;
    }
    match kind {
        Comments::Hash => true,
        Comments::HashSpace => end - start == 1 || src[start + 1] == b' ',
    }
}

/// The end of the line that starts at `start`: its `\n`, or the end of
/// `src`.
const fn line_end(src: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < src.len() && src[end] != b'\n' {
        end += 1;
    }
    end
}

/// Copies the lines of `src` the parser of `kind` reads, each with its
/// `\n`, into `out` (when given); returns how many bytes they take.
const fn kept(src: &[u8], kind: Comments, mut out: Option<&mut [u8]>) -> usize {
    let mut len = 0;
    let mut start = 0;
    while start < src.len() {
        let end = line_end(src, start);
        let next = if end < src.len() { end + 1 } else { end };
        if !skipped(src, start, end, kind) {
            if let Some(out) = &mut out {
                let mut i = start;
                while i < next {
                    out[len + i - start] = src[i];
                    i += 1;
                }
            }
            len += next - start;
        }
        start = next;
    }
    len
}

/// How many bytes [`strip`] keeps of `src`.
pub(crate) const fn kept_len(src: &[u8], kind: Comments) -> usize {
    kept(src, kind, None)
}

/// `src` without the lines the parser of `kind` skips; `N` is
/// [`kept_len`]`(src, kind)`.
pub(crate) const fn strip<const N: usize>(src: &[u8], kind: Comments) -> [u8; N] {
    let mut out = [0; N];
    let len = kept(src, kind, Some(&mut out));
    assert!(len == N, "strip: N is not kept_len");
    out
}

/// `strip_comments!(include_str!("file"), Comments::Hash)`: the file as a
/// `&'static str` without the lines its parser skips, at compile time.
macro_rules! strip_comments {
    ($src:expr, $kind:expr) => {{
        // Names no caller uses: items in a macro are not hygienic.
        const STRIP_SRC: &[u8] = $src.as_bytes();
        const STRIP_LEN: usize = $crate::embed::kept_len(STRIP_SRC, $kind);
        const STRIP_OUT: [u8; STRIP_LEN] = $crate::embed::strip::<STRIP_LEN>(STRIP_SRC, $kind);
        // Whole lines go, so what is left is UTF-8 like the file.
        match ::core::str::from_utf8(&STRIP_OUT) {
            Ok(s) => s,
            Err(_) => panic!("strip_comments: not UTF-8"),
        }
    }};
}
pub(crate) use strip_comments;

/// The built-in model in a denser form than its text, at compile time.
///
/// The model file is 19 KB of decimals that gzip takes to 7 KB. Packed, its
/// lines become two parts: [`model_names`] (`b` for the bias line, `f` and
/// the name for a feature, `w` and the word for a learned word, one a line,
/// in file order) and [`model_numbers`] (the largest count of decimals `D`
/// in the file, then each line's four numbers as LEB128 varints of
/// `|x| * 10^D * 2 + (x < 0)`). `Model::builtin` divides each by `10^D`:
/// one correctly rounded division of the same rational as the decimal's,
/// so the very `f64` that `decimal::parse` reads from the text (a test
/// compares the two models). A line the packer does not understand stops
/// the build.
pub(crate) mod model {
    use super::is_ascii_space;

    /// The line of `src` that starts at `start`, trimmed: `(start, end,
    /// next line's start)`.
    const fn line(src: &[u8], start: usize) -> (usize, usize, usize) {
        let end = super::line_end(src, start);
        let next = if end < src.len() { end + 1 } else { end };
        let (mut a, mut b) = (start, end);
        while a < b && is_ascii_space(src[a]) {
            a += 1;
        }
        while b > a && is_ascii_space(src[b - 1]) {
            b -= 1;
        }
        (a, b, next)
    }

    /// The next whitespace-separated field of `src[at..end]`: `(start,
    /// end)`, empty at the end of the line.
    const fn field(src: &[u8], mut at: usize, end: usize) -> (usize, usize) {
        while at < end && is_ascii_space(src[at]) {
            at += 1;
        }
        let start = at;
        while at < end && !is_ascii_space(src[at]) {
            at += 1;
        }
        (start, at)
    }

    const fn is(src: &[u8], (a, b): (usize, usize), word: &[u8]) -> bool {
        if b - a != word.len() {
            return false;
        }
        let mut i = 0;
        while i < word.len() {
            if src[a + i] != word[i] {
                return false;
            }
            i += 1;
        }
        true
    }

    /// A model line: its tag, its name (empty for the bias), and where its
    /// numbers start; `None` for a line the parser skips.
    const fn record(src: &[u8], a: usize, b: usize) -> Option<(u8, (usize, usize), usize)> {
        if a == b || src[a] == b'#' {
            return None;
        }
        let key = field(src, a, b);
        if is(src, key, b"bias") {
            return Some((b'b', (key.1, key.1), key.1));
        }
        let tag = if is(src, key, b"feature") {
            b'f'
        } else if is(src, key, b"word") {
            b'w'
        } else {
            panic!("model: unknown line")
        };
        let name = field(src, key.1, b);
        assert!(name.0 < name.1, "model: no name");
        Some((tag, name, name.1))
    }

    /// `[+-]digits[.digits]` at `(a, b)`: (negative, mantissa, decimals).
    const fn number(src: &[u8], (mut a, b): (usize, usize)) -> (bool, u64, usize) {
        assert!(a < b, "model: need 4 numbers");
        let negative = src[a] == b'-';
        if negative || src[a] == b'+' {
            a += 1;
        }
        let (mut mantissa, mut decimals, mut point, mut digits) = (0u64, 0, false, 0);
        while a < b {
            let c = src[a];
            if c == b'.' && !point {
                point = true;
            } else {
                assert!(c.is_ascii_digit(), "model: not a number");
                assert!(mantissa < 1 << 49, "model: too many digits");
                mantissa = mantissa * 10 + (c - b'0') as u64;
                digits += 1;
                if point {
                    decimals += 1;
                }
            }
            a += 1;
        }
        assert!(digits > 0, "model: not a number");
        (negative, mantissa, decimals)
    }

    /// The four numbers of a record, which start at `at` on a line that
    /// ends at `b`, each as [`number`] reads it.
    const fn four_numbers(src: &[u8], mut at: usize, b: usize) -> [(bool, u64, usize); 4] {
        let mut out = [(false, 0, 0); 4];
        let mut k = 0;
        while k < 4 {
            let f = field(src, at, b);
            out[k] = number(src, f);
            at = f.1;
            k += 1;
        }
        assert!(field(src, at, b).0 == b, "model: need 4 numbers");
        out
    }

    /// The largest count of decimals of any number in the model.
    pub(crate) const fn decimals(src: &[u8]) -> usize {
        let (mut start, mut most) = (0, 0);
        while start < src.len() {
            let (a, b, next) = line(src, start);
            if let Some((_, _, at)) = record(src, a, b) {
                let numbers = four_numbers(src, at, b);
                let mut k = 0;
                while k < 4 {
                    if numbers[k].2 > most {
                        most = numbers[k].2;
                    }
                    k += 1;
                }
            }
            start = next;
        }
        assert!(most <= 15, "model: too many decimals");
        most
    }

    /// Writes the names part into `out` (when given); returns its length.
    pub(crate) const fn names(src: &[u8], mut out: Option<&mut [u8]>) -> usize {
        let (mut start, mut len) = (0, 0);
        while start < src.len() {
            let (a, b, next) = line(src, start);
            if let Some((tag, (n0, n1), _)) = record(src, a, b) {
                if let Some(out) = &mut out {
                    out[len] = tag;
                    let mut i = n0;
                    while i < n1 {
                        out[len + 1 + i - n0] = src[i];
                        i += 1;
                    }
                    out[len + 1 + n1 - n0] = b'\n';
                }
                len += n1 - n0 + 2;
            }
            start = next;
        }
        len
    }

    /// Writes the numbers part into `out` (when given); returns its length.
    pub(crate) const fn numbers(src: &[u8], mut out: Option<&mut [u8]>) -> usize {
        let most = decimals(src);
        if let Some(out) = &mut out {
            out[0] = most as u8;
        }
        let (mut start, mut len) = (0, 1);
        while start < src.len() {
            let (a, b, next) = line(src, start);
            if let Some((_, _, at)) = record(src, a, b) {
                let numbers = four_numbers(src, at, b);
                let mut k = 0;
                while k < 4 {
                    let (negative, mut m, d) = numbers[k];
                    let mut scale = d;
                    while scale < most {
                        m *= 10;
                        scale += 1;
                    }
                    assert!(m < 1 << 53, "model: too many digits");
                    let mut v = m << 1 | negative as u64;
                    loop {
                        let byte = (v & 0x7F) as u8;
                        v >>= 7;
                        if let Some(out) = &mut out {
                            out[len] = if v == 0 { byte } else { byte | 0x80 };
                        }
                        len += 1;
                        if v == 0 {
                            break;
                        }
                    }
                    k += 1;
                }
            }
            start = next;
        }
        len
    }

    /// `names` into an array of its length.
    pub(crate) const fn names_array<const N: usize>(src: &[u8]) -> [u8; N] {
        let mut out = [0; N];
        assert!(names(src, Some(&mut out)) == N);
        out
    }

    /// `numbers` into an array of its length.
    pub(crate) const fn numbers_array<const N: usize>(src: &[u8]) -> [u8; N] {
        let mut out = [0; N];
        assert!(numbers(src, Some(&mut out)) == N);
        out
    }
}

/// `pack_model!(include_str!("model/weights.txt"))`: `(names: &'static
/// str, numbers: &'static [u8])`, the model packed at compile time (see
/// [`model`]).
macro_rules! pack_model {
    ($src:expr) => {{
        const PACK_SRC: &[u8] = $src.as_bytes();
        const PACK_NAMES_LEN: usize = $crate::embed::model::names(PACK_SRC, None);
        const PACK_NAMES: [u8; PACK_NAMES_LEN] =
            $crate::embed::model::names_array::<PACK_NAMES_LEN>(PACK_SRC);
        const PACK_NUMBERS_LEN: usize = $crate::embed::model::numbers(PACK_SRC, None);
        const PACK_NUMBERS: [u8; PACK_NUMBERS_LEN] =
            $crate::embed::model::numbers_array::<PACK_NUMBERS_LEN>(PACK_SRC);
        // Whole fields go, so the names are UTF-8 like the file.
        const PACK_NAMES_STR: &str = match ::core::str::from_utf8(&PACK_NAMES) {
            Ok(s) => s,
            Err(_) => panic!("pack_model: not UTF-8"),
        };
        (PACK_NAMES_STR, &PACK_NUMBERS as &[u8])
    }};
}
pub(crate) use pack_model;

#[cfg(test)]
mod tests {
    use super::*;

    /// What the parsers skip, with their own trimming: the reference.
    fn reference(src: &str, kind: Comments) -> String {
        let mut out = String::new();
        for line in src.split_inclusive('\n') {
            let t = line.trim();
            let skip = t.is_empty()
                || match kind {
                    Comments::Hash => t.starts_with('#'),
                    Comments::HashSpace => t.starts_with("# ") || t == "#",
                };
            if !skip {
                out.push_str(line);
            }
        }
        out
    }

    #[test]
    fn keeps_exactly_the_lines_a_parser_reads() {
        const SRC: &str = "# head\n\n  \t\r\n#ad\n# x\n#\n a *2 \r\n#\tb\nlast";
        const LEXICON: &str = strip_comments!(SRC, Comments::HashSpace);
        const MODEL: &str = strip_comments!(SRC, Comments::Hash);
        assert_eq!(LEXICON, "#ad\n a *2 \r\n#\tb\nlast");
        assert_eq!(MODEL, " a *2 \r\nlast");
        for (kind, got) in [(Comments::HashSpace, LEXICON), (Comments::Hash, MODEL)] {
            assert_eq!(got, reference(SRC, kind));
        }
        // A line of Unicode whitespace stays (the parser skips it anyway).
        assert_eq!(strip_comments!("\u{3000}\n#", Comments::Hash), "\u{3000}\n");
        assert_eq!(strip_comments!("", Comments::Hash), "");
    }

    #[test]
    fn a_packed_model_is_its_text() {
        const SRC: &str = "# head\n\n  bias -0 +1.5 2 -0.125\r\n\
            feature a-b 0.1 -0.25 3 0\nword caf\u{e9} 0.0001 -7 12.5 0.3\n#x 1\nword z 1 1 1 1";
        const PACKED: (&str, &[u8]) = pack_model!(SRC);
        assert_eq!(PACKED.0, "b\nfa-b\nwcaf\u{e9}\nwz\n");
        assert_eq!(PACKED.1[0], 4);
        let unpacked = crate::model::Model::unpack(PACKED.0, PACKED.1);
        let parsed = crate::model::Model::parse(SRC).unwrap();
        assert_eq!(unpacked, parsed);
        let bits = |m: &crate::model::Model| m.bias.map(f64::to_bits);
        assert_eq!(bits(&unpacked), bits(&parsed));
        assert!(unpacked.bias[0].is_sign_negative());
        let all = |m: &crate::model::Model| {
            let mut v: Vec<u64> = m
                .features()
                .iter()
                .flat_map(|f| f.1.map(f64::to_bits))
                .collect();
            v.extend(m.words().iter().flat_map(|w| w.1.map(f64::to_bits)));
            v
        };
        assert_eq!(all(&unpacked), all(&parsed));
    }

    #[test]
    fn builtin_files_lose_only_what_their_parsers_skip() {
        let lexicon = include_str!("lexicon/en.txt");
        let model = include_str!("model/weights.txt");
        let tlds = include_str!("tlds.txt");
        assert_eq!(crate::lexicon::EN, reference(lexicon, Comments::HashSpace));
        assert!(crate::lexicon::EN.len() < lexicon.len());
        assert_eq!(
            format!("{:?}", crate::lexicon::parse(crate::lexicon::EN)),
            format!("{:?}", crate::lexicon::parse(lexicon))
        );
        assert!(crate::lexicon::EN.contains("\n#ad\n"));
        let parsed = crate::model::Model::parse(model).unwrap();
        assert_eq!(crate::model::Model::builtin(), &parsed);
        let bits = |m: &crate::model::Model| {
            let mut v: Vec<u64> = m.bias.map(f64::to_bits).to_vec();
            v.extend(m.features().iter().flat_map(|f| f.1.map(f64::to_bits)));
            v.extend(m.words().iter().flat_map(|w| w.1.map(f64::to_bits)));
            v
        };
        assert_eq!(bits(crate::model::Model::builtin()), bits(&parsed));
        let stripped_tlds = strip_comments!(include_str!("tlds.txt"), Comments::Hash);
        assert_eq!(stripped_tlds, reference(tlds, Comments::Hash));
        assert!(!stripped_tlds.starts_with('#'));
    }
}
