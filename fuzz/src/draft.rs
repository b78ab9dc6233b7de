//! Structure-aware drafts: an `Arbitrary` list of social-text pieces (URLs
//! with and without scheme, mentions, hashtags, cashtags, prices, emoji ZWJ,
//! skin-tone, keycap and flag sequences, Prepend signs and combining marks,
//! RTL and bidi controls, CJK, Thai and Indic scripts, line breaks) glued
//! together with no separator, so that the fuzzer lands on the hand-over
//! points between token kinds: a URL followed by a Prepend sign, a hashtag
//! followed by a combining mark, an emoji followed by a bidi control...
//!
//! Used by the `draft` fuzz target and, through `#[path]`, by the proptest
//! strategy in `tests/properties.rs`, so both explore the same shapes.

use arbitrary::{Arbitrary, Unstructured};

/// Picks one entry of a table by a fuzzer-chosen byte.
fn pick<T: Copy>(table: &[T], i: u8) -> T {
    table[usize::from(i) % table.len()]
}

const SCHEMES: &[&str] = &[
    "",
    "",
    "http://",
    "https://",
    "HTTPS://",
    "www.",
    "https://www.",
];
const HOSTS: &[&str] = &["example", "shop.example", "x", "a-b", "bit", "t", "my_site"];
const TLDS: &[&str] = &["com", "io", "ly", "co", "shop", "xyz", "zz", "COM", "de"];
const PATHS: &[&str] = &[
    "",
    "/",
    "/sale",
    "/a?b=1&c=2",
    "/wiki/A_(b)",
    "/#frag",
    "/caf\u{e9}",
    "/%F0%9F%91%8D",
    "/x.",
    "/x)",
];
const NAMES: &[&str] = &[
    "ana",
    "a_b",
    "Team2",
    "x",
    "\u{e9}l\u{e8}ve",
    "\u{65e5}\u{672c}",
    "_",
];
const TAGS: &[&str] = &[
    "tbt",
    "sale2024",
    "caf\u{e9}",
    "cafe\u{301}",
    "\u{65e5}\u{672c}\u{8a9e}",
    "\u{0939}\u{093f}\u{0928}\u{094d}\u{0926}\u{0940}",
    "1",
    "",
    "a\u{200d}b",
];
const TICKERS: &[&str] = &["AAPL", "BTC", "a", "TOOLONGX", "ETH2", ""];
const CURRENCIES: &[char] = &[
    '$', '\u{20ac}', '\u{a3}', '\u{a5}', '\u{20b9}', '\u{20a9}', '\u{20bd}',
];
const SUFFIXES: &[&str] = &["", "", "k", "M", "p", "%", "\u{20ac}", "\u{a3}", "/mo"];
const PHONES: &[&str] = &[
    "(503) 555-0142",
    "+44 20 7946 0958",
    "555.0199",
    "08000930705",
];
const EMAILS: &[&str] = &["me@x.io", "a.b+c@shop.example.com", "x@y", "@@"];
const EMOJI: &[char] = &[
    '\u{1F469}',
    '\u{1F468}',
    '\u{1F9D1}',
    '\u{1F44D}',
    '\u{2764}',
    '\u{1F525}',
    '\u{1F44B}',
    '\u{1F3F3}',
    '\u{261D}',
    '\u{270C}',
    '\u{1F600}',
    '\u{1F91D}',
    '\u{1F4BB}',
    '\u{1F680}',
];
const KEYCAPS: &[char] = &['0', '1', '9', '#', '*'];
/// Grapheme_Cluster_Break=Prepend: they join the character after them.
const PREPEND: &[char] = &[
    '\u{0600}',
    '\u{0601}',
    '\u{0602}',
    '\u{0603}',
    '\u{0604}',
    '\u{0605}',
    '\u{06DD}',
    '\u{070F}',
    '\u{0890}',
    '\u{08E2}',
    '\u{0D4E}',
    '\u{110BD}',
    '\u{111C2}',
];
/// Combining and spacing marks, joiners and selectors.
const MARKS: &[char] = &[
    '\u{0301}',
    '\u{0308}',
    '\u{0327}',
    '\u{20E3}',
    '\u{FE0F}',
    '\u{FE0E}',
    '\u{200D}',
    '\u{200C}',
    '\u{0903}',
    '\u{093F}',
    '\u{094D}',
    '\u{0E31}',
    '\u{0E49}',
    '\u{0670}',
    '\u{1AB0}',
    '\u{1F3FB}',
    '\u{E0020}',
];
const BIDI: &[char] = &[
    '\u{200E}', '\u{200F}', '\u{061C}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];
const WORDS: &[&str] = &[
    "hi",
    "Buy",
    "now",
    "SALE",
    "sooo",
    "don't",
    "I",
    "you",
    "we",
    "our",
    "free",
    "today",
    "thanks",
    "e.g.",
    "U.S.",
    "9-5",
    "x_y",
    "caf\u{e9}",
    "na\u{ef}ve",
    "xD",
    "http",
    "www",
];
const PHRASES: &[&str] = &[
    "buy now",
    "limited time",
    "link in bio",
    "What do you think?",
    "I feel",
    "we are proud to announce",
    "not",
    "follow us",
];
const SCRIPTS: &[&str] = &[
    "\u{65e5}\u{672c}\u{8a9e}\u{306e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
    "\u{4e2d}\u{6587}\u{3002}",
    "\u{d55c}\u{ad6d}\u{c5b4}",
    "\u{0e20}\u{0e32}\u{0e29}\u{0e32}\u{0e44}\u{0e17}\u{0e22}",
    "\u{0e2a}\u{0e27}\u{0e31}\u{0e2a}\u{0e14}\u{0e35}",
    "\u{0915}\u{094d}\u{0937}\u{0924}\u{094d}\u{0930}",
    "\u{09ac}\u{09be}\u{0982}\u{09b2}\u{09be}",
    "\u{0ba4}\u{0bae}\u{0bbf}\u{0bb4}\u{0bcd}",
    "\u{0d2e}\u{0d32}\u{0d2f}\u{0d3e}\u{0d33}\u{0d02}",
    "\u{0645}\u{0631}\u{062d}\u{0628}\u{0627}",
    "\u{0661}\u{0662}\u{0663}",
    "\u{05e9}\u{05dc}\u{05d5}\u{05dd}",
    "\u{041f}\u{0440}\u{0438}\u{0432}\u{0435}\u{0442}",
    "\u{0395}\u{03bb}\u{03bb}\u{03b7}\u{03bd}\u{03b9}\u{03ba}\u{03ac}",
    "\u{fdfd}",
];
const PUNCT: &[&str] = &[
    ".", "!", "!!!", "?!", "...", ",", ":", ";", "(", ")", "\"", "'", "-", "\u{2014}", "\u{2026}",
    "\u{3001}", "\u{3002}", "\u{ff01}", "\u{061f}", "/", "&", "+", "\u{2192}", "\u{a9}",
];
const EMOTICONS: &[&str] = &[":)", ":-(", "<3", ";P", "xD", "^_^", ":/", "8)"];
const SPACES: &[&str] = &[
    " ", " ", "  ", "\t", "\u{a0}", "\u{3000}", "\u{200b}", "\u{feff}",
];
const BREAKS: &[&str] = &[
    "\n", "\r\n", "\r", "\n\n", "\u{2028}", "\u{2029}", "\u{85}", "\u{b}", "\u{c}",
];

/// One piece of a draft; the bytes pick entries of the tables above.
#[derive(Arbitrary, Debug, Clone)]
pub enum Piece {
    Url {
        scheme: u8,
        host: u8,
        tld: u8,
        path: u8,
    },
    Email(u8),
    Mention(u8),
    Hashtag(u8),
    Cashtag(u8),
    /// Currency before (`$19.99`) or after (`12€`) an amount.
    Price {
        currency: u8,
        amount: u16,
        cents: Option<u8>,
        after: bool,
        suffix: u8,
    },
    Number(u32),
    Phone(u8),
    /// An emoji, its skin tone, VS16, and more emoji joined by ZWJ.
    Emoji {
        base: u8,
        skin: Option<u8>,
        vs16: bool,
        joined: Vec<(u8, Option<u8>)>,
    },
    /// Two regional indicators (a flag when paired).
    Flag(u8, u8),
    Keycap(u8),
    Prepend(u8),
    Mark(u8),
    Bidi(u8),
    Word(u8),
    Phrase(u8),
    Script(u8),
    Punct(u8),
    Emoticon(u8),
    Space(u8),
    Break(u8),
    /// Any one character.
    Char(char),
}

impl Piece {
    fn render(&self, out: &mut String) {
        match *self {
            Piece::Url {
                scheme,
                host,
                tld,
                path,
            } => {
                out.push_str(pick(SCHEMES, scheme));
                out.push_str(pick(HOSTS, host));
                out.push('.');
                out.push_str(pick(TLDS, tld));
                out.push_str(pick(PATHS, path));
            }
            Piece::Email(i) => out.push_str(pick(EMAILS, i)),
            Piece::Mention(i) => {
                out.push('@');
                out.push_str(pick(NAMES, i));
            }
            Piece::Hashtag(i) => {
                out.push('#');
                out.push_str(pick(TAGS, i));
            }
            Piece::Cashtag(i) => {
                out.push('$');
                out.push_str(pick(TICKERS, i));
            }
            Piece::Price {
                currency,
                amount,
                cents,
                after,
                suffix,
            } => {
                let sym = pick(CURRENCIES, currency);
                if !after {
                    out.push(sym);
                }
                out.push_str(&amount.to_string());
                if let Some(c) = cents {
                    out.push_str(&format!(".{:02}", c % 100));
                }
                if after {
                    out.push(sym);
                }
                out.push_str(pick(SUFFIXES, suffix));
            }
            Piece::Number(n) => out.push_str(&n.to_string()),
            Piece::Phone(i) => out.push_str(pick(PHONES, i)),
            Piece::Emoji {
                base,
                skin,
                vs16,
                ref joined,
            } => {
                let one = |b: u8, s: Option<u8>, out: &mut String| {
                    out.push(pick(EMOJI, b));
                    if let Some(s) = s {
                        out.push(char::from_u32(0x1F3FB + u32::from(s % 5)).unwrap_or('\u{1F3FB}'));
                    }
                };
                one(base, skin, out);
                if vs16 {
                    out.push('\u{FE0F}');
                }
                for &(b, s) in joined.iter().take(4) {
                    out.push('\u{200D}');
                    one(b, s, out);
                }
            }
            Piece::Flag(a, b) => {
                for x in [a, b] {
                    out.push(char::from_u32(0x1F1E6 + u32::from(x % 26)).unwrap_or('\u{1F1E6}'));
                }
            }
            Piece::Keycap(i) => {
                out.push(pick(KEYCAPS, i));
                out.push_str("\u{FE0F}\u{20E3}");
            }
            Piece::Prepend(i) => out.push(pick(PREPEND, i)),
            Piece::Mark(i) => out.push(pick(MARKS, i)),
            Piece::Bidi(i) => out.push(pick(BIDI, i)),
            Piece::Word(i) => out.push_str(pick(WORDS, i)),
            Piece::Phrase(i) => out.push_str(pick(PHRASES, i)),
            Piece::Script(i) => out.push_str(pick(SCRIPTS, i)),
            Piece::Punct(i) => out.push_str(pick(PUNCT, i)),
            Piece::Emoticon(i) => out.push_str(pick(EMOTICONS, i)),
            Piece::Space(i) => out.push_str(pick(SPACES, i)),
            Piece::Break(i) => out.push_str(pick(BREAKS, i)),
            Piece::Char(c) => out.push(c),
        }
    }
}

/// A draft: its pieces, concatenated without separators.
#[derive(Arbitrary, Debug, Clone)]
pub struct Draft {
    pub pieces: Vec<Piece>,
}

impl Draft {
    /// The draft's text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for p in &self.pieces {
            p.render(&mut out);
        }
        out
    }

    /// The draft that `bytes` describe (a short or empty draft when they run
    /// out): how a proptest strategy of byte vectors uses this generator.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        Unstructured::new(bytes)
            .arbitrary()
            .unwrap_or(Draft { pieces: Vec::new() })
    }
}
