//! How long a draft is, counted the way its platform counts.
//!
//! Each platform has its own limit and its own unit (README, "Platforms"):
//!
//! | platform | limit | counted as |
//! |---|---|---|
//! | `x` | 280 | twitter-text's v3 weighted length of the NFC form: code points in the Latin, general-punctuation and a few other ranges weigh 1, all others 2; every emoji sequence weighs 2; every link counts 23 |
//! | `bluesky` | 300 | grapheme clusters (the `app.bsky.feed.post` record's `maxGraphemes`) |
//! | `mastodon` | 500 | code points, every link counting 23 |
//! | `threads` | 500 | code points |
//! | `linkedin` | 3000 | code points |
//! | `instagram` | 2200 | code points |
//! | `facebook` | 63206 | code points |
//!
//! [`measure`] is pure: text, its tokens and a platform in, the count, the
//! limit and the byte span past the limit out.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use crate::nfc;
use crate::report::Span;
use crate::tokenizer::{grapheme_start, Token, TokenKind};

/// A platform a draft is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    /// X (Twitter): 280, twitter-text's weighted count.
    X,
    /// Bluesky: 300 grapheme clusters.
    Bluesky,
    /// Threads: 500.
    Threads,
    /// Mastodon: 500, links count 23.
    Mastodon,
    /// LinkedIn: 3000.
    Linkedin,
    /// Instagram: 2200 (and at most 30 hashtags).
    Instagram,
    /// Facebook: 63206.
    Facebook,
}

impl Platform {
    /// Every platform, in documentation order.
    pub const ALL: [Platform; 7] = [
        Self::X,
        Self::Bluesky,
        Self::Threads,
        Self::Mastodon,
        Self::Linkedin,
        Self::Instagram,
        Self::Facebook,
    ];

    /// Each platform's name, in declaration order (see
    /// [`crate::Dimension`]'s table): what `as_str` gives and configs read.
    pub(crate) const NAMES: [(Self, &'static [&'static str]); 7] = [
        (Self::X, &["x"]),
        (Self::Bluesky, &["bluesky"]),
        (Self::Threads, &["threads"]),
        (Self::Mastodon, &["mastodon"]),
        (Self::Linkedin, &["linkedin"]),
        (Self::Instagram, &["instagram"]),
        (Self::Facebook, &["facebook"]),
    ];

    /// The lower-case name used in configs and reports.
    pub const fn as_str(self) -> &'static str {
        crate::report::name(&Self::NAMES[self as usize])
    }

    /// Parses a platform name (any case).
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(name))
    }

    /// The platform's own limit, in its own unit.
    pub const fn default_limit(self) -> usize {
        match self {
            Self::X => 280,
            Self::Bluesky => 300,
            Self::Threads | Self::Mastodon => 500,
            Self::Linkedin => 3000,
            Self::Instagram => 2200,
            Self::Facebook => 63206,
        }
    }
}

impl std::fmt::Display for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A draft's length as its platform counts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Length {
    /// The platform counted for.
    pub platform: Platform,
    /// The draft's length in the platform's unit.
    pub count: usize,
    /// The most the platform (or the config's `max_length`) allows.
    pub limit: usize,
    /// The part past the limit (byte span; `None` when the draft fits).
    #[serde(skip)]
    pub overflow: Option<Span>,
}

impl Length {
    /// How many units are left (negative when over the limit).
    pub fn remaining(&self) -> i64 {
        self.limit as i64 - self.count as i64
    }
}

/// twitter-text v3's weights (its `config/v3.json`), in hundredths.
const X_SCALE: usize = 100;
const X_DEFAULT_WEIGHT: usize = 200;
const X_URL_LENGTH: usize = 23;
const X_LIGHT_RANGES: [(u32, u32); 4] = [(0, 4351), (8192, 8205), (8208, 8223), (8242, 8247)];
/// Mastodon counts every link as this many characters.
const MASTODON_URL_LENGTH: usize = 23;

fn x_weight(c: char) -> usize {
    let cp = c as u32;
    if X_LIGHT_RANGES
        .iter()
        .any(|&(lo, hi)| (lo..=hi).contains(&cp))
    {
        X_SCALE
    } else {
        X_DEFAULT_WEIGHT
    }
}

/// Counts `text` (whose tokens are `tokens`) for `platform`, against
/// `max_length` or the platform's own limit.
pub fn measure(
    text: &str,
    tokens: &[Token],
    platform: Platform,
    max_length: Option<usize>,
) -> Length {
    let limit = max_length.unwrap_or(platform.default_limit());
    // Units of the count, each with its weight, in text order; the first unit
    // that takes the total past the limit starts the overflow.
    let scale = if platform == Platform::X { X_SCALE } else { 1 };
    let budget = limit.saturating_mul(scale);
    let mut total = 0usize;
    let mut overflow = None;
    let mut add = |start: usize, weight: usize| {
        total = total.saturating_add(weight);
        if overflow.is_none() && total > budget {
            overflow = Some(start);
        }
    };
    match platform {
        Platform::Bluesky => {
            for (i, _) in text.grapheme_indices(true) {
                add(i, 1);
            }
        }
        Platform::X | Platform::Mastodon => {
            // Links (and for X, emoji) are units of their own; the rest is
            // counted character by character.
            let special = |t: &&Token| {
                t.kind == TokenKind::Url || (platform == Platform::X && t.kind == TokenKind::Emoji)
            };
            // X weighs the NFC form of the text (twitter-text normalises
            // first): each of its characters counts at the offset of the
            // character it comes from.
            let between = |add: &mut dyn FnMut(usize, usize), from: usize, to: usize| {
                if platform == Platform::X {
                    nfc::for_each(&text[from..to], &mut |i, c| add(from + i, x_weight(c)));
                } else {
                    for (i, _) in text[from..to].char_indices() {
                        add(from + i, 1);
                    }
                }
            };
            let mut pos = 0;
            for t in tokens.iter().filter(special) {
                between(&mut add, pos, t.span.start);
                let weight = match (platform, t.kind) {
                    (Platform::X, TokenKind::Url) => X_URL_LENGTH * X_SCALE,
                    (Platform::X, _) => X_DEFAULT_WEIGHT,
                    _ => MASTODON_URL_LENGTH,
                };
                add(t.span.start, weight);
                pos = t.span.end;
            }
            between(&mut add, pos, text.len());
        }
        Platform::Threads | Platform::Linkedin | Platform::Instagram | Platform::Facebook => {
            for (i, _) in text.char_indices() {
                add(i, 1);
            }
        }
    }
    Length {
        platform,
        count: total / scale,
        limit,
        // Counting by code point can cross the limit inside a cluster (a
        // combining mark, an emoji's skin tone): the whole cluster is over,
        // so a compose box never shades half a character.
        overflow: overflow.map(|s| Span::new(grapheme_start(text, s, 0), text.len())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn m(text: &str, p: Platform, max: Option<usize>) -> Length {
        measure(text, &tokenize(text), p, max)
    }

    #[test]
    fn x_counts_links_as_23_and_emoji_as_2() {
        let text = "Hi https://example.com/a/very/long/path/indeed 👩🏽‍💻";
        let l = m(text, Platform::X, None);
        assert_eq!(l.count, 3 + 23 + 1 + 2);
        assert_eq!((l.limit, l.overflow), (280, None));
        // CJK characters weigh 2.
        assert_eq!(m("日本語", Platform::X, None).count, 6);
    }

    #[test]
    fn overflow_starts_at_the_first_unit_past_the_limit() {
        let l = m("abcdef", Platform::Threads, Some(4));
        assert_eq!((l.count, l.limit), (6, 4));
        assert_eq!(l.overflow, Some(Span::new(4, 6)));
        // A link that does not fit is past the limit as a whole.
        let text = "abc example.com";
        let l = m(text, Platform::Mastodon, Some(10));
        assert_eq!(l.count, 4 + 23);
        assert_eq!(l.overflow.map(|s| s.text(text)), Some("example.com"));
        // Exactly at the limit fits.
        assert_eq!(m("abcd", Platform::Threads, Some(4)).overflow, None);
    }

    #[test]
    fn overflow_starts_at_the_cluster_that_crosses_the_limit() {
        // The 5th code point is a combining mark: "e\u{301}" is over as a whole.
        let text = "abce\u{301}f";
        let l = m(text, Platform::Threads, Some(4));
        assert_eq!(l.overflow.map(|s| s.text(text)), Some("e\u{301}f"));
        // The limit falls inside a ZWJ emoji sequence of 4 code points.
        let text = "ab 👩🏽‍💻 x";
        let l = m(text, Platform::Instagram, Some(4));
        assert_eq!(l.overflow.map(|s| s.text(text)), Some("👩🏽‍💻 x"));
        // A Prepend sign joins the character after it.
        let text = "abc\u{600}d";
        let l = m(text, Platform::Linkedin, Some(4));
        assert_eq!(l.overflow.map(|s| s.text(text)), Some("\u{600}d"));
    }

    #[test]
    fn x_counts_the_nfc_form() {
        let x = |text: &str, max: Option<usize>| m(text, Platform::X, max);
        // "e" + U+0301 is one character once composed ("é"); other
        // platforms count code points as written.
        assert_eq!(x("cafe\u{301}", None).count, 4);
        assert_eq!(m("cafe\u{301}", Platform::Threads, None).count, 5);
        // Three Hangul jamo (2 each) compose into one syllable (2).
        assert_eq!(x("\u{1100}\u{1161}\u{11A8}", None).count, 2);
        // A composition exclusion comes apart: U+0958 is two characters in
        // NFC, each weighing 1.
        assert_eq!(x("\u{958}", None).count, 2);
        // An emoji ZWJ sequence is one unit of 2, whatever NFC does.
        assert_eq!(x("\u{1F469}\u{1F3FD}\u{200D}\u{1F4BB}", None).count, 2);
        // The overflow starts on a cluster of the original text: at the
        // composed character's base, or at the excluded character that
        // became two.
        let text = "abe\u{301}c";
        let over = |max| x(text, Some(max)).overflow.map(|s| s.text(text));
        assert_eq!(over(3), Some("c"));
        assert_eq!(over(2), Some("e\u{301}c"));
        let text = "a\u{958}b";
        let l = x(text, Some(2));
        assert_eq!(l.count, 4);
        assert_eq!(l.overflow.map(|s| s.text(text)), Some("\u{958}b"));
    }

    #[test]
    fn bluesky_counts_grapheme_clusters() {
        let l = m("e\u{301}👩🏽‍💻🇫🇷", Platform::Bluesky, None);
        assert_eq!((l.count, l.limit), (3, 300));
    }

    #[test]
    fn platform_names_round_trip() {
        for p in Platform::ALL {
            assert_eq!(Platform::parse(p.as_str()), Some(p));
            assert_eq!(serde_json::to_value(p).unwrap(), p.as_str());
        }
        assert_eq!(Platform::parse("X"), Some(Platform::X));
        assert_eq!(Platform::parse("myspace"), None);
    }
}
