//! Stock lines: a draft that is nothing but a stock reply ("Thanks!",
//! "Great insights, thanks for sharing!", "congrats!! so deserved") or
//! emoji alone. It answers nothing in particular, so it is the robotic kind
//! of reply, not a conversation (DIMENSIONS.md: a reply is conversational
//! "unless it is robotic"): the model weighs the `stock-line` feature, and
//! the `robotic` rule reports the drafts that carry it.

use crate::lazy::Lazy;
use crate::text::WordSet;

use super::{ids::named, Doc, Feature, Repeats};
use crate::tokenizer::TokenKind;

/// Stock replies that say nothing about what they reply to.
const STOCK: &[&str] = &[
    "thanks",
    "thank you",
    "thx",
    "ty",
    "cool",
    "nice",
    "nice post",
    "great post",
    "great article",
    "nice article",
    "good post",
    "great read",
    "good read",
    "awesome",
    "great",
    "love it",
    "love this",
    "so true",
    "agreed",
    "agree",
    "well said",
    "interesting",
    "nice one",
    "great job",
    "good job",
    "congrats",
    "congratulations",
    "wow",
    "amazing",
    "lol",
    "same",
    "this",
    "yes",
    "+1",
    "great share",
    "thanks for sharing",
    "thank you for sharing",
    "great stuff",
    "good stuff",
    "ok",
    "okay",
    "noted",
    "great work",
    "nice work",
    "fantastic",
    "brilliant",
    "true",
    "exactly",
    "so cool",
    "very nice",
    "very cool",
    "great point",
    "good point",
    "nice pic",
    "nice photo",
    "beautiful",
    "cute",
    "haha",
    "lmao",
    "interesting read",
    "makes sense",
    "spot on",
    "indeed",
    "no problem",
    "np",
    "you're welcome",
    "welcome",
    "sure",
    "cheers",
    "grateful",
    "blessed",
    "agree with this",
    "same here",
    "me too",
    "so good",
    "i'm crying",
    "lmao i'm crying",
    "i'm dead",
    "dead",
    "crying",
    "omg",
    "yay",
    "love",
    "perfect",
    "facts",
    "mood",
    "big mood",
    "real",
    "so real",
    "preach",
    "yup",
    "yep",
    "word",
    "bravo",
    "respect",
    "nice read",
    "great insights",
    "great insight",
    "insightful",
    "very insightful",
    "good luck",
    "happy birthday",
    // Stock praise of a video or a post's maker, and stock cheers.
    "great video",
    "nice video",
    "good video",
    "awesome video",
    "love this video",
    "great content",
    "informative",
    "great insights thanks for sharing",
    "well deserved",
    "so deserved",
    "much deserved",
    "congrats to the team",
    "legend",
    "what a legend",
    "queen",
    "yes queen",
    "king",
    "goals",
    "obsessed",
    "need",
    "need this",
    "want",
    "want this",
    "interested",
    "finally",
    "first",
    "hard agree",
    "seconded",
    "underrated",
    "ratio",
    "thank u",
    "tysm",
    "ily",
];

/// Words that add nothing to a stock line ("thanks so much", "cool man",
/// "very nice sir"): a draft of stock lines and these alone says nothing.
const FILLER: &[&str] = &[
    "so",
    "much",
    "very",
    "really",
    "all",
    "guys",
    "everyone",
    "man",
    "dude",
    "lol",
    "haha",
    "with",
    "sir",
    "madam",
    "again",
    "too",
    "just",
    "such",
    "a",
    "and",
    "omg",
    "ya",
    "y'all",
    "literally",
    "honestly",
    "definitely",
    "100%",
];

/// At most this many words make a stock line.
const MAX_WORDS: usize = 8;

/// Lower-cases and collapses elongation ("Thaaanks" and "thanks" compare equal).
fn fold(s: &str) -> String {
    let mut out = String::new();
    fold_into(s, &mut String::new(), &mut out);
    out
}

/// [`fold`], appended to `out` (`scratch` is reused: no allocation per word).
fn fold_into(s: &str, scratch: &mut String, out: &mut String) {
    scratch.clear();
    if s.is_ascii() {
        scratch.push_str(s);
        scratch.make_ascii_lowercase();
    } else {
        let lower = crate::text::to_lower(s);
        scratch.extend(
            lower
                .chars()
                // Both curly quotes straighten, as `text::lower_word` does.
                .map(|c| {
                    if matches!(c, '\u{2019}' | '\u{2018}') {
                        '\''
                    } else {
                        c
                    }
                }),
        );
    }
    crate::text::collapse_runs(scratch, 1, out);
}

/// [`fold`] of an ASCII word of at most 32 bytes and no space, on the
/// stack; `None` for any other word (it takes the full fold).
fn fold_ascii_word<'b>(w: &[u8], buf: &'b mut [u8; 32]) -> Option<&'b str> {
    if w.len() > buf.len() || !w.iter().all(|&b| b.is_ascii() && b != b' ') {
        return None;
    }
    let mut n = 0;
    for (i, &b) in w.iter().enumerate() {
        let lower = b.to_ascii_lowercase();
        // `collapse_runs(_, 1, _)`: a repeated letter keeps one copy.
        if i > 0 && lower.is_ascii_alphabetic() && w[i - 1].to_ascii_lowercase() == lower {
            continue;
        }
        buf[n] = lower;
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// Adds `stock-line` (over the whole draft) when the draft, of at most
/// [`MAX_WORDS`] words (`words`) with no link and no question, is emoji
/// alone or, in English, stock lines and filler words end to end.
pub(super) fn stock_line(
    doc: Doc,
    words: usize,
    foreign: bool,
    rep: &mut Repeats,
    out: &mut Vec<Feature>,
) {
    if words > MAX_WORDS
        || doc.tokens.iter().any(|t| {
            t.kind == TokenKind::Url
                || (t.kind == TokenKind::Punctuation && super::is_question(doc.slice(t.span)))
        })
    {
        return;
    }
    // Emoji alone ("🔥🔥", "👍") answer nothing in any language.
    let emoji_only = words == 0
        && doc.tokens.iter().any(|t| t.kind == TokenKind::Emoji)
        && doc.tokens.iter().all(|t| {
            matches!(
                t.kind,
                TokenKind::Emoji | TokenKind::Symbol | TokenKind::Mention
            )
        });
    // Otherwise it reads English stock phrases only.
    if !emoji_only && (foreign || words == 0) {
        return;
    }
    if emoji_only || is_stock(doc) {
        rep.push(out, named!("stock-line"), doc.trimmed(), 1.0);
    }
}

/// True when the draft's words (without @mentions, emoji and punctuation,
/// folded) are stock lines and filler words end to end, at least one stock
/// line among them ("Great insights, thanks for sharing!", "congrats!!! so
/// deserved").
fn is_stock(a: Doc) -> bool {
    // Sorted, so that the lines opening on one byte are one run (the
    // tiling below only ORs bits: order does not matter to it).
    fn folded(list: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = list.iter().map(|s| fold(s)).collect();
        crate::sort::sort(&mut v);
        v
    }
    static FOLDED: Lazy<Vec<String>> = Lazy::new(|| folded(STOCK));
    static FILLER_FOLDED: Lazy<Vec<String>> = Lazy::new(|| folded(FILLER));
    // The first word of every stock line and filler word: one look-up
    // decides whether a draft can be stock, where a scan of every line
    // cost most of this check. (Folded words are their own lower case.)
    static FIRST_WORDS: Lazy<WordSet> = Lazy::new(|| {
        let firsts: Vec<&'static str> = FOLDED
            .iter()
            .chain(FILLER_FOLDED.iter())
            .map(|e| e.split(' ').next().unwrap_or_default())
            .collect();
        WordSet::new(&firsts)
    });
    let mut words = a.tokens.iter().filter(|t| {
        matches!(
            t.kind,
            TokenKind::Word | TokenKind::Number | TokenKind::Symbol | TokenKind::Percentage
        )
    });
    // Most drafts fail on their first word: no stock line or filler word
    // starts with it, so the rest is never folded. A short ASCII word is
    // folded on the stack first, so those drafts allocate nothing here.
    if !cfg!(target_family = "wasm") {
        let mut buf = [0u8; 32];
        let first = words.clone().next().map(|t| a.slice(t.span).as_bytes());
        if let Some(folded) = first.and_then(|w| fold_ascii_word(w, &mut buf)) {
            if !FIRST_WORDS.contains_lower(folded) {
                return false;
            }
        }
    }
    let (mut joined, mut scratch) = (String::new(), String::new());
    if let Some(t) = words.next() {
        fold_into(a.slice(t.span), &mut scratch, &mut joined);
        let w = joined.as_str();
        let opens =
            |e: &String| e.starts_with(w) && e.as_bytes().get(w.len()).is_none_or(|&b| b == b' ');
        // (A token holds no space; were one to, the lines are scanned. In
        // the WebAssembly module they always are: the set costs a kilobyte
        // of code there.)
        let can_open = if cfg!(target_family = "wasm") || w.contains(' ') {
            FOLDED.iter().chain(FILLER_FOLDED.iter()).any(opens)
        } else {
            FIRST_WORDS.contains_lower(w)
        };
        if !can_open {
            return false;
        }
    }
    for t in words {
        joined.push(' ');
        fold_into(a.slice(t.span), &mut scratch, &mut joined);
    }
    // reach[i]: bit 0, the first i bytes tile with filler alone; bit 1,
    // with at least one stock line. Only word starts are ever set.
    let n = joined.len();
    // On the stack for a short draft (at most eight words): no heap block.
    let (mut on_stack, mut on_heap) = ([0u8; 128], Vec::new());
    let reach = crate::scratch::slots(&mut on_stack, &mut on_heap, n + 2, 0);
    reach[0] = 1;
    for i in 0..=n {
        let here = reach[i];
        if here == 0 || (i > 0 && joined.as_bytes()[i - 1] != b' ') {
            continue;
        }
        let rest = &joined[i..];
        let mut step = |len: usize, bits: u8| {
            if rest.len() == len {
                reach[n + 1] |= bits;
            } else if rest.as_bytes().get(len) == Some(&b' ') {
                reach[i + len + 1] |= bits;
            }
        };
        // Only the lines opening on this position's first byte are read:
        // a binary search finds their run in the sorted list (this runs on
        // every short draft).
        let Some(&first) = rest.as_bytes().first() else {
            continue;
        };
        let opening = |list: &'static [String]| {
            let key = |s: &String| s.as_bytes().first().copied().unwrap_or(0);
            let from = list.partition_point(|s| key(s) < first);
            list[from..]
                .iter()
                .take_while(move |s| key(s) == first)
                .filter(|s| rest.starts_with(s.as_str()))
        };
        for s in opening(&FOLDED) {
            step(s.len(), 2);
        }
        for f in opening(&FILLER_FOLDED) {
            step(f.len(), here);
        }
    }
    reach[n + 1] & 2 != 0
}

#[cfg(test)]
mod tests {
    use super::{fold, fold_ascii_word, FILLER, STOCK};
    use crate::{Context, Linter};

    fn stock(text: &str) -> bool {
        Linter::default()
            .features(text, &Context::reply())
            .iter()
            .any(|(name, _)| name == "stock-line")
    }

    #[test]
    fn the_stack_fold_of_a_first_word_is_the_full_fold() {
        let samples = [
            "Thaaanks",
            "THANKS",
            "Cooool",
            "OKAY",
            "hahaha",
            "yesss",
            "aaAAaa",
            "Mississippi",
            "it's",
            "x-ray",
            "100%",
            "!!!",
            "wow!!",
            "Nice.",
            "a",
            "",
        ];
        let listed = STOCK.iter().chain(FILLER).flat_map(|l| l.split(' '));
        let mut buf = [0u8; 32];
        for w in samples.into_iter().chain(listed) {
            for w in [w.to_owned(), w.to_uppercase(), format!("{w}{w}")] {
                let on_stack = fold_ascii_word(w.as_bytes(), &mut buf).map(str::to_owned);
                assert_eq!(on_stack, Some(fold(&w)), "{w}");
            }
        }
        // Longer, non-ASCII or spaced words take the full fold.
        assert!(fold_ascii_word("x".repeat(33).as_bytes(), &mut buf).is_none());
        assert!(fold_ascii_word("Merci\u{e9}".as_bytes(), &mut buf).is_none());
        assert!(fold_ascii_word(b"two words", &mut buf).is_none());
    }

    #[test]
    fn stock_lines_and_emoji_alone_are_stock() {
        assert!(stock("Thanks!"));
        assert!(stock("Great point, agreed"));
        assert!(stock("congrats!! well deserved"));
        assert!(stock("🔥🔥 👏"));
        assert!(!stock("Cool, what lens did you use?"));
        assert!(!stock(
            "Thanks, the tip about soaking the beans overnight saved my chili!"
        ));
        assert!(!stock("🔥 https://example.com"));
        assert!(!stock(""));
    }
}
