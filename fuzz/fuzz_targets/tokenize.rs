//! The tokenizer on any text: tokens are non-empty, ordered, disjoint, inside
//! the text, on grapheme-cluster boundaries, convert to code points and UTF-16
//! and back, and come out the same twice (also when appended to a used buffer).
#![no_main]

use libfuzzer_sys::fuzz_target;
use postlint::{tokenize, tokenizer::tokenize_into, TokenKind};
use postlint_fuzz::{text_of, OffsetOracle};
use unicode_segmentation::UnicodeSegmentation;

fuzz_target!(|data: &[u8]| {
    let text = text_of(data);
    let text = text.as_ref();
    let tokens = tokenize(text);
    let oracle = OffsetOracle::new(text);
    let mut bounds: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
    bounds.push(text.len());
    let mut prev_end = 0;
    for t in &tokens {
        assert!(t.span.start < t.span.end, "empty token {t:?}");
        assert!(
            t.span.start >= prev_end,
            "tokens overlap or go backwards: {t:?}"
        );
        oracle.check_span(t.span);
        assert!(
            bounds.binary_search(&t.span.start).is_ok(),
            "start splits a grapheme: {t:?}"
        );
        assert!(
            bounds.binary_search(&t.span.end).is_ok(),
            "end splits a grapheme: {t:?}"
        );
        if t.kind == TokenKind::LineBreak {
            assert!(t.text(text).chars().all(|c| !c.is_alphanumeric()));
        }
        prev_end = t.span.end;
    }
    assert_eq!(tokenize(text), tokens, "not deterministic");
    let mut reused = tokens.clone();
    tokenize_into(text, &mut reused);
    assert_eq!(&reused[..tokens.len()], &tokens[..]);
    assert_eq!(
        &reused[tokens.len()..],
        &tokens[..],
        "tokenize_into appends the same tokens"
    );
});
