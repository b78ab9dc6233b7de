//! Compiled-in text files without their comment lines.
//!
//! The built-in lexicon (`lexicon/en.txt`), model (`model/weights.txt`) and
//! TLD list (`tlds.txt`) document themselves in `#` comments. Their parsers
//! skip those lines, yet `include_str!` compiled them into every binary:
//! about 2 KB, 1 KB of the gzipped WebAssembly module. [`strip_comments!`]
//! drops comment and blank lines at compile time, so the files in the
//! repository keep their comments (and `postlint train --check` still
//! compares the committed model byte for byte) while the binaries hold only
//! the lines a parser reads.

/// Which lines a file's parser skips, besides blank ones (after trimming).
#[derive(Clone, Copy)]
pub(crate) enum Comments {
    /// Lines that start with `#` (the model, the TLD list).
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
        assert_eq!(
            crate::model::Model::builtin(),
            &crate::model::Model::parse(model).unwrap()
        );
        let stripped_tlds = strip_comments!(include_str!("tlds.txt"), Comments::Hash);
        assert_eq!(stripped_tlds, reference(tlds, Comments::Hash));
        assert!(!stripped_tlds.starts_with('#'));
    }
}
