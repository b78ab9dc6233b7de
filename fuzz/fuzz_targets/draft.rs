//! Structure-aware drafts (`src/draft.rs`): social-text pieces glued without
//! separators, so that the fuzzer explores the boundaries between token kinds
//! (a URL then a Prepend sign, a hashtag then a combining mark, an emoji then
//! a bidi control). Tokens and the whole report keep every invariant
//! (grapheme-aligned spans included), and a user's config built from pieces
//! of the same draft matches without breaking them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postlint::{analyze, Config, Linter};
use postlint_fuzz::{check_report, check_tokenize, draft::Draft};

fuzz_target!(|input: (Draft, u8)| {
    let (draft, split) = input;
    let text = draft.render();
    check_tokenize(&text);
    let r = analyze(&text);
    check_report(&text, &r);
    assert_eq!(r, analyze(&text), "not deterministic");
    // A brand and an allowed phrase taken from the draft itself, cut at a
    // piece boundary, so user lexicons match right at those hand-over points.
    let cut = usize::from(split) % (draft.pieces.len() + 1);
    let head = Draft {
        pieces: draft.pieces[..cut].to_vec(),
    }
    .render();
    let tail = Draft {
        pieces: draft.pieces[cut..].to_vec(),
    }
    .render();
    // Phrases the config accepts: a letter or digit, matching as they read.
    let keep = |p: String| -> Vec<String> {
        let p = p.trim().to_owned();
        let config = Config {
            allow: vec![p.clone()],
            ..Config::default()
        };
        if config.validate().is_ok() {
            vec![p]
        } else {
            Vec::new()
        }
    };
    let config = Config {
        brands: keep(head),
        allow: keep(tail),
        ..Config::default()
    };
    let linter = Linter::new(config).expect("phrases the config accepts are valid");
    let r = linter.analyze(&text);
    check_report(&text, &r);
});
