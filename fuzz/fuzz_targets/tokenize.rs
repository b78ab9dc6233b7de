//! The tokenizer on any text: tokens are non-empty, ordered, disjoint, inside
//! the text, on grapheme-cluster boundaries, convert to code points and UTF-16
//! and back, and come out the same twice (also when appended to a used buffer).
#![no_main]

use libfuzzer_sys::fuzz_target;
use postlint_fuzz::{check_tokenize, text_of};

fuzz_target!(|data: &[u8]| {
    check_tokenize(text_of(data).as_ref());
});
