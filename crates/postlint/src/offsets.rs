//! The one place where byte offsets become the units other languages index by.

use serde::{Deserialize, Serialize};

/// The unit a span's offsets are counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// UTF-8 bytes: `&text[start..end]` in Rust.
    #[default]
    Bytes,
    /// Unicode scalar values (code points): `text[start:end]` in Python.
    Chars,
    /// UTF-16 code units: `text.slice(start, end)` in JavaScript.
    Utf16,
}

impl OffsetUnit {
    /// Parses `bytes`, `chars` (or `codepoints`) and `utf16`.
    pub fn parse(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "bytes" | "byte" | "utf8" => Some(Self::Bytes),
            "chars" | "char" | "codepoints" | "code-points" => Some(Self::Chars),
            "utf16" | "utf-16" => Some(Self::Utf16),
            _ => None,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Self::Bytes => c.len_utf8(),
            Self::Chars => 1,
            Self::Utf16 => c.len_utf16(),
        }
    }
}

/// Converts byte offsets of one text into another [`OffsetUnit`].
///
/// Building it costs one pass over the text; each conversion is then a binary
/// search over the text's non-ASCII characters (ASCII text converts for free).
#[derive(Clone, Debug)]
pub struct OffsetMapper {
    unit: OffsetUnit,
    /// `(byte offset just after a non-ASCII char, units - bytes up to there)`.
    checkpoints: Vec<(usize, isize)>,
    len: usize,
}

impl OffsetMapper {
    /// Prepares conversions of byte offsets in `text` to `unit`.
    pub fn new(text: &str, unit: OffsetUnit) -> Self {
        let mut checkpoints = Vec::new();
        if unit != OffsetUnit::Bytes && !text.is_ascii() {
            let mut delta: isize = 0;
            for (i, c) in text.char_indices() {
                if !c.is_ascii() {
                    delta += unit.width(c) as isize - c.len_utf8() as isize;
                    checkpoints.push((i + c.len_utf8(), delta));
                }
            }
        }
        Self {
            unit,
            checkpoints,
            len: text.len(),
        }
    }

    /// True when every offset converts to itself: the unit is bytes, or the
    /// text is ASCII (one byte, one code point, one UTF-16 unit each).
    pub fn is_identity(&self) -> bool {
        self.checkpoints.is_empty()
    }

    /// The unit this mapper converts to.
    pub fn unit(&self) -> OffsetUnit {
        self.unit
    }

    /// Converts a byte offset (on a char boundary, at most the text's length;
    /// larger values are clamped) into the target unit.
    pub fn convert(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let idx = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        let delta = if idx == 0 {
            0
        } else {
            self.checkpoints[idx - 1].1
        };
        (byte as isize + delta) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let m = OffsetMapper::new("hello world", OffsetUnit::Utf16);
        assert_eq!(m.convert(5), 5);
    }

    #[test]
    fn identity_only_where_units_agree() {
        assert!(OffsetMapper::new("plain text", OffsetUnit::Chars).is_identity());
        assert!(OffsetMapper::new("", OffsetUnit::Utf16).is_identity());
        assert!(OffsetMapper::new("café 👍", OffsetUnit::Bytes).is_identity());
        assert!(!OffsetMapper::new("café", OffsetUnit::Chars).is_identity());
        assert!(!OffsetMapper::new("👍", OffsetUnit::Utf16).is_identity());
    }

    #[test]
    fn emoji_offsets_in_each_unit() {
        let text = "a👍🏽b é🇫🇷!";
        let b = text.find('!').unwrap();
        let chars = text[..b].chars().count();
        let utf16: usize = text[..b].encode_utf16().count();
        assert_eq!(OffsetMapper::new(text, OffsetUnit::Chars).convert(b), chars);
        assert_eq!(OffsetMapper::new(text, OffsetUnit::Utf16).convert(b), utf16);
        assert_eq!(OffsetMapper::new(text, OffsetUnit::Bytes).convert(b), b);
        // every char boundary converts like a prefix count
        for (i, _) in text.char_indices() {
            let m = OffsetMapper::new(text, OffsetUnit::Utf16);
            assert_eq!(m.convert(i), text[..i].encode_utf16().count());
        }
    }

    #[test]
    fn parse_names() {
        assert_eq!(OffsetUnit::parse("UTF16"), Some(OffsetUnit::Utf16));
        assert_eq!(OffsetUnit::parse("chars"), Some(OffsetUnit::Chars));
        assert_eq!(OffsetUnit::parse("nibbles"), None);
    }
}
