//! Tokens as the CLI and the bindings show them: the kind's snake_case name,
//! offsets in the caller's unit, and the text.

use serde::Serialize;

pub mod js;

use crate::offsets::{OffsetMapper, OffsetUnit};
use crate::tokenizer::{tokenize, TokenKind};

impl TokenKind {
    /// Every kind, in declaration order.
    pub const ALL: [TokenKind; 15] = [
        Self::Word,
        Self::Number,
        Self::Url,
        Self::Email,
        Self::Mention,
        Self::Hashtag,
        Self::Cashtag,
        Self::Price,
        Self::Percentage,
        Self::Emoji,
        Self::Phone,
        Self::Emoticon,
        Self::Punctuation,
        Self::Symbol,
        Self::LineBreak,
    ];

    /// The snake_case name used in JSON and by the bindings (`line_break`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Word => "word",
            Self::Number => "number",
            Self::Url => "url",
            Self::Email => "email",
            Self::Mention => "mention",
            Self::Hashtag => "hashtag",
            Self::Cashtag => "cashtag",
            Self::Price => "price",
            Self::Percentage => "percentage",
            Self::Emoji => "emoji",
            Self::Phone => "phone",
            Self::Emoticon => "emoticon",
            Self::Punctuation => "punctuation",
            Self::Symbol => "symbol",
            Self::LineBreak => "line_break",
        }
    }
}

/// One token of a draft, with offsets in some [`OffsetUnit`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TokenView<'a> {
    /// What the token is (snake_case in JSON).
    pub kind: TokenKind,
    /// First offset inside the token.
    pub start: usize,
    /// First offset after the token.
    pub end: usize,
    /// The token's text.
    pub text: &'a str,
}

/// Tokenizes `text` with offsets in `unit`: what `postlint tokens`, Python's
/// `postlint.tokenize` (code points) and JavaScript's `tokenize` (UTF-16)
/// return.
pub fn tokens_in(text: &str, unit: OffsetUnit) -> Vec<TokenView<'_>> {
    let mapper = OffsetMapper::new(text, unit);
    tokenize(text)
        .into_iter()
        .map(|t| TokenView {
            kind: t.kind,
            start: mapper.convert(t.span.start),
            end: mapper.convert(t.span.end),
            text: t.text(text),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_match_serde() {
        for k in TokenKind::ALL {
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
    }

    #[test]
    fn views_use_the_callers_unit() {
        let text = "👍 #tbt";
        let v = tokens_in(text, OffsetUnit::Utf16);
        assert_eq!(
            (v[1].kind, v[1].start, v[1].end, v[1].text),
            (TokenKind::Hashtag, 3, 7, "#tbt")
        );
        let v = tokens_in(text, OffsetUnit::Chars);
        assert_eq!((v[1].start, v[1].end), (2, 6));
    }
}
