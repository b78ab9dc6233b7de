//! One walk over a draft's word tokens for what is looked up word by word
//! before the features: the language check's function words and the
//! model's learned words. Each word is lower-cased into its packed key once
//! and looked up once, in the model's word table, which holds both (the two
//! passes it replaces each lower-cased and hashed every word).

use crate::model::Model;
use crate::normalize::{ENGLISH, FUNCTION_WORD_MAX, OTHER};
use crate::scratch::Stacked;
use crate::text::{lower_ascii_key, lower_key, lower_word};
use crate::tokenizer::{Token, TokenKind};

/// `(token, learned word index)` for each word token the model has
/// learned, in draft order (repeats included): on the stack for a tweet's
/// few. (The index is widened to a `usize`: a pair without padding is
/// zeroed on the stack by one `memset`, where `(usize, u32)`'s were
/// written field by field, 48 stores of code on every draft's path.)
pub(crate) type Learned = Stacked<(usize, usize), 24>;

/// A draft has a word "please" asks by (`features::signals::requests`).
pub(crate) const TRIGGER_PLEASE: u8 = 1;
/// A draft has a "you" credits can be given to
/// (`features::signals::credits_readers`).
pub(crate) const TRIGGER_YOU: u8 = 2;
/// A draft has a verb that can invite readers
/// (`features::signals::invitations`).
pub(crate) const TRIGGER_INVITING: u8 = 4;
/// A draft has a commercial verb that can open a call to act
/// (`features::imperative_calls`).
pub(crate) const TRIGGER_IMPERATIVE: u8 = 8;
/// A draft has a verb that can open a diary-style sentence
/// (`features::Doc::is_diary_opener`).
pub(crate) const TRIGGER_DIARY: u8 = 16;
/// A draft has a "to" and a word that can dedicate a sentence to people
/// after it ("To every nurse...": `features::signals::audience`).
pub(crate) const TRIGGER_TO: u8 = 32;
pub(crate) const TRIGGER_DEDICATED: u8 = 64;
/// A draft has a platform action or a keyword verb
/// (`rules::engagement_bait`'s forms: "RT + follow", "comment GUIDE").
pub(crate) const TRIGGER_BAIT: u8 = 128;
/// Every trigger: what a draft with a word the walk could not key has (its
/// text is read word by word, as before).
pub(crate) const TRIGGER_ALL: u8 = 255;

/// The trigger words and their bits: the model's word table holds them
/// beside the function words, so the walk's one look-up per word also
/// tells which feature passes a draft can skip (most drafts hold none of
/// a pass's words; the passes read every token or sentence). A list's
/// words longer than 15 bytes are never a keyed word, so they need no bit.
/// (Plain lists: the model's table is filled by two plain loops, small in
/// the WebAssembly module.)
pub(crate) static TRIGGER_WORDS: [(&[&str], u8); 7] = {
    use crate::features::{signals, DIARY_WORDS, IMPERATIVE_WORDS, PAST_ONLY_WORDS};
    [
        (&signals::PLEASE_WORDS, TRIGGER_PLEASE),
        (&["to"], TRIGGER_TO),
        (&signals::DEDICATED_WORDS, TRIGGER_DEDICATED),
        (&signals::INVITING_WORDS, TRIGGER_INVITING),
        (&IMPERATIVE_WORDS, TRIGGER_IMPERATIVE),
        (&DIARY_WORDS, TRIGGER_DIARY),
        (&PAST_ONLY_WORDS, TRIGGER_DIARY),
    ]
};

/// The trigger words listed by their packed keys.
pub(crate) static TRIGGER_KEYS: [(&[u128], u8); 3] = [
    (&crate::features::signals::YOU, TRIGGER_YOU),
    (&crate::rules::engagement_bait::ACTIONS, TRIGGER_BAIT),
    (&crate::rules::engagement_bait::KEYWORD_VERBS, TRIGGER_BAIT),
];

/// Walks the word tokens of `text` once. `keys` (one per token, zero
/// when given) gets the lower-cased packed key of each ASCII word of at
/// most 15 bytes, for the lexicon's matching (`Normalized::of_range`);
/// other slots stay zero, which no key is. `learned` (empty when given;
/// the caller's, so that it is not moved out) gets the learned words.
/// True when the draft is mostly in a language other than English: most
/// of its letters are in another script, or its function words are
/// another language's.
/// `ascii` says whether `text` is ASCII (the caller's test, made once).
/// Also gives the draft's trigger bits: those of its words (`TRIGGER_WORDS`),
/// or all of them when some word token got no key.
pub(crate) fn walk(
    text: &str,
    ascii: bool,
    tokens: &[Token],
    model: &Model,
    keys: &mut [u128],
    learned: &mut Learned,
) -> (bool, u8) {
    let (mut latin, mut other, mut en, mut foreign) = (0usize, 0usize, 0usize, 0usize);
    let mut triggers = 0u8;
    // Lower-cased words the key does not hold (longer than 15 bytes, or
    // not ASCII): rare, allocated on first use.
    let mut buf = String::new();
    // In ASCII text no letter is of another script: only function words
    // can tell.
    debug_assert_eq!(ascii, text.is_ascii());
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        // (Natively only: the WebAssembly module walks every draft the
        // general way below, which keys the same words, for its size.)
        if ascii && cfg!(not(target_arch = "wasm32")) {
            // ASCII text: a word's bytes are its text, sliced without the
            // UTF-8 boundary checks of a `str`.
            let b = text
                .as_bytes()
                .get(t.span.start..t.span.end)
                .unwrap_or_default();
            let (class, bits, id) =
                ascii_entry(model, b, || t.text(text), keys.get_mut(i), &mut buf);
            triggers |= bits;
            if b.len() <= FUNCTION_WORD_MAX {
                // A word in both lists ("in", "a") tells nothing.
                en += usize::from(class == ENGLISH);
                foreign += usize::from(class == OTHER);
            }
            if let Some(id) = id {
                learned.push((i, id as usize));
            }
            continue;
        }
        let w = t.text(text);
        if !ascii {
            for c in w.chars().filter(|c| c.is_alphabetic()) {
                if (c as u32) < 0x250 {
                    latin += 1;
                } else {
                    other += 1;
                }
            }
        }
        let (class, id) = if ascii || w.is_ascii() {
            let (class, bits, id) =
                ascii_entry(model, w.as_bytes(), || w, keys.get_mut(i), &mut buf);
            triggers |= bits;
            (class, id)
        } else {
            triggers = TRIGGER_ALL;
            // The function words are keyed by `str::to_lowercase`, the
            // learned words by `lower_word` (apostrophes straightened).
            let class = if w.len() <= FUNCTION_WORD_MAX {
                lower_key(w).map_or(0, |key| model.word_by_key(key).0)
            } else {
                0
            };
            (class, learned_long(model, w, &mut buf))
        };
        if w.len() <= FUNCTION_WORD_MAX {
            en += usize::from(class == ENGLISH);
            foreign += usize::from(class == OTHER);
        }
        if let Some(id) = id {
            learned.push((i, id as usize));
        }
    }
    let foreign = other > latin || (foreign >= 2 && foreign > 2 * en);
    (foreign, triggers)
}

/// An ASCII word's function-word class, trigger bits and learned index: by
/// its key, written to `slot`, when it fits in one; by its lower-cased text
/// (`text()`) when longer, with every trigger (it has no key). `text` is a
/// closure because the native ASCII walk reads its words as bytes and
/// slices the `str` only for a long one.
#[inline(always)]
fn ascii_entry<'a>(
    model: &Model,
    b: &[u8],
    text: impl FnOnce() -> &'a str,
    slot: Option<&mut u128>,
    buf: &mut String,
) -> (u8, u8, Option<u32>) {
    if b.len() <= 15 {
        let key = lower_ascii_key(b);
        if let Some(k) = slot {
            *k = key;
        }
        model.word_entry(key)
    } else {
        // Longer than 15 bytes: no function word, no key.
        (0, TRIGGER_ALL, learned_long(model, text(), buf))
    }
}

/// The learned index of a word looked up by its lower-cased text (words
/// longer than 24 bytes are never learned words).
fn learned_long(model: &Model, w: &str, buf: &mut String) -> Option<u32> {
    if w.len() > 24 {
        return None;
    }
    lower_word(w, buf);
    model.word_id(buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenizer::tokenize;

    fn foreign(t: &str) -> bool {
        walk(
            t,
            t.is_ascii(),
            &tokenize(t),
            Model::builtin(),
            &mut [],
            &mut Stacked::new(0),
        )
        .0
    }

    fn class(w: &str) -> u8 {
        Model::builtin().word_by_key(lower_key(w).unwrap()).0
    }

    #[test]
    fn other_languages_are_told_from_english() {
        assert!(foreign("Hoy fue un gran día con mi familia en la playa."));
        assert!(foreign("今日は友達とラーメンを食べました。"));
        assert!(foreign(
            "Wir haben heute das neue Café mit der Familie besucht und es ist toll."
        ));
        // Short posts in the other listed languages (written for this test).
        for t in [
            "Bonjour à tous ! Demain nous fêtons nos dix ans, merci pour tout.",
            "Oggi siamo in piazza con i nostri amici, grazie a tutti!",
            "Hoje é o nosso aniversário, muito obrigado a vocês!",
            "Vandaag zijn we er niet, morgen weer open voor iedereen.",
            "Te quiero mucho, gracias por todo.",
            "Heute ist unser Geburtstag, danke für alles!",
        ] {
            assert!(foreign(t), "{t}");
        }
        assert!(!foreign("I had a great day at the beach with my family."));
        assert!(!foreign("omg did the author le guin die"));
        assert!(!foreign(
            "Our new menu is here: crème brûlée, café au lait and more."
        ));
        assert!(!foreign("Buy now! 50% off"));
        assert!(!foreign(""));
        // Every list word is found, with its list's bit (a word on both
        // sides has both).
        for (key, c) in crate::normalize::function_words() {
            assert_ne!(c, 0);
            assert_ne!(Model::builtin().word_by_key(key).0 & c, 0);
        }
        assert_eq!(class("IN"), ENGLISH | OTHER);
        assert_eq!(class("The"), ENGLISH);
        assert_eq!(class("DÍA"), OTHER);
        assert_eq!(class("thee"), 0);
        // English with a Spanish name or two stays English.
        assert!(!foreign(
            "We had dinner at La Casa del Sol and it was the best night of the year"
        ));
    }

    #[test]
    fn learned_words_are_found_in_any_case_and_spelling() {
        let m = Model::new(
            [0.0; 4],
            [],
            [
                ("the".to_owned(), [1.0; 4]),
                ("don't".to_owned(), [1.0; 4]),
                ("extraordinarily".to_owned(), [1.0; 4]),
                ("unbelievablyawesome".to_owned(), [1.0; 4]),
                ("café".to_owned(), [1.0; 4]),
            ],
        );
        let text = "THE Don’t Extraordinarily UNBELIEVABLYAWESOME Café the x";
        let toks = tokenize(text);
        let mut learned = Stacked::new(0);
        walk(text, text.is_ascii(), &toks, &m, &mut [], &mut learned);
        let found: Vec<(&str, u32)> = learned
            .as_slice()
            .iter()
            .map(|&(i, id)| (toks[i].text(text), id as u32))
            .collect();
        assert_eq!(
            found,
            [
                ("THE", 0),
                ("Don’t", 1),
                ("Extraordinarily", 2),
                ("UNBELIEVABLYAWESOME", 3),
                ("Café", 4),
                ("the", 0)
            ]
        );
        // A function word the model has not learned is no learned word.
        let mut learned = Stacked::new(0);
        walk("and", true, &tokenize("and"), &m, &mut [], &mut learned);
        assert!(learned.as_slice().is_empty());
    }

    fn triggers_of(t: &str, m: &Model) -> u8 {
        let toks = tokenize(t);
        let mut keys = vec![0; toks.len()];
        walk(t, t.is_ascii(), &toks, m, &mut keys, &mut Stacked::new(0)).1
    }

    #[test]
    fn the_walk_says_which_trigger_words_a_draft_has() {
        // In any model, learned words or none, and in any case.
        let learned = Model::new([0.0; 4], [], [("please".to_owned(), [1.0; 4])]);
        for m in [Model::builtin(), &learned, &Model::new([0.0; 4], [], [])] {
            for w in crate::features::signals::PLEASE_WORDS {
                assert_eq!(triggers_of(w, m), TRIGGER_PLEASE, "{w}");
                let upper = format!("So {} help", w.to_uppercase());
                assert_eq!(triggers_of(&upper, m), TRIGGER_PLEASE, "{upper}");
            }
            for w in ["you", "YOU", "Y'all", "y'all"] {
                assert_eq!(triggers_of(w, m), TRIGGER_YOU, "{w}");
            }
            for w in [
                "rt", "Retweet", "repost", "FOLLOW", "like", "share", "comment", "type", "drop",
            ] {
                assert_ne!(triggers_of(w, m) & TRIGGER_BAIT, 0, "{w}");
            }
            // Every listed word carries its list's bit, whatever its case.
            for &(words, bit) in &TRIGGER_WORDS {
                for w in words.iter().filter(|w| w.len() <= 15) {
                    // (A hyphenated verb is two words and a hyphen.)
                    let found = triggers_of(&w.to_uppercase(), m);
                    assert!(found & bit != 0 || w.contains('-'), "{w}");
                }
            }
            assert_eq!(
                triggers_of("you, please tell me: went to shop", m),
                TRIGGER_PLEASE
                    | TRIGGER_YOU
                    | TRIGGER_INVITING
                    | TRIGGER_DIARY
                    | TRIGGER_IMPERATIVE
                    | TRIGGER_TO
            );
            assert_eq!(triggers_of("pleased, meet your team", m), 0);
            // A word the walk keys not (not ASCII, or long): every pass runs.
            assert_eq!(triggers_of("café", m), TRIGGER_ALL);
            assert_eq!(triggers_of("unbelievablyawesome", m), TRIGGER_ALL);
        }
    }
}
