//! The CLI's `tokens` command (issue 12) on arbitrary bytes, in each offset
//! unit: one output line per input line, in order; error lines carry their
//! line number; each token's kind is one of the documented snake_case names,
//! its offsets are ordered, inside the draft and on grapheme boundaries in
//! the requested unit, and its `text` is exactly the draft's text between
//! them; the same input gives the same output twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postlint::{OffsetUnit, TokenKind};
use postlint_cli::batch;
use postlint_fuzz::grapheme_starts_in;
use serde_json::Value;

/// The text between two offsets counted in `unit`.
fn slice(text: &str, start: usize, end: usize, unit: OffsetUnit) -> String {
    match unit {
        OffsetUnit::Bytes => text[start..end].to_owned(),
        OffsetUnit::Chars => text.chars().skip(start).take(end - start).collect(),
        OffsetUnit::Utf16 => {
            let units: Vec<u16> = text.encode_utf16().skip(start).take(end - start).collect();
            String::from_utf16(&units).expect("grapheme-aligned offsets never split a pair")
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, data)) = data.split_first() else {
        return;
    };
    let unit = [OffsetUnit::Bytes, OffsetUnit::Chars, OffsetUnit::Utf16][usize::from(mode % 3)];
    let mut out = Vec::new();
    let failed = batch::tokens(data, &mut out, unit).expect("writing to a Vec");
    let mut again = Vec::new();
    let failed_again = batch::tokens(data, &mut again, unit).unwrap();
    assert_eq!((failed, &out), (failed_again, &again), "not deterministic");

    let mut inputs: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    if data.is_empty() || data.ends_with(b"\n") {
        inputs.pop();
    }
    let out = std::str::from_utf8(&out).expect("output is UTF-8");
    let outputs: Vec<&str> = out.lines().collect();
    assert_eq!(
        outputs.len(),
        inputs.len(),
        "one output line per input line"
    );
    let kinds: Vec<&str> = TokenKind::ALL.iter().map(|k| k.as_str()).collect();
    let mut errors = 0;
    for (n, (raw, line)) in inputs.iter().zip(&outputs).enumerate() {
        let v: Value = serde_json::from_str(line).expect("each output line is JSON");
        if v.get("error").is_some() {
            errors += 1;
            assert_eq!(v["line"], n + 1, "error line numbers count every line");
            continue;
        }
        let input: Value = serde_json::from_slice(raw).expect("a tokenized line was JSON");
        let text = input["text"].as_str().expect("a tokenized line had a text");
        let bounds = grapheme_starts_in(text, unit);
        let mut last_end = 0;
        for t in v["tokens"].as_array().expect("tokens") {
            let kind = t["kind"].as_str().expect("a kind");
            assert!(kinds.contains(&kind), "unknown kind {kind}");
            let start = t["start"].as_u64().expect("a start") as usize;
            let end = t["end"].as_u64().expect("an end") as usize;
            assert!(last_end <= start && start < end, "{t} out of order");
            for at in [start, end] {
                assert!(
                    bounds.binary_search(&at).is_ok(),
                    "{t} splits a cluster ({unit:?})"
                );
            }
            assert_eq!(
                t["text"].as_str(),
                Some(slice(text, start, end, unit).as_str())
            );
            last_end = end;
        }
    }
    assert_eq!(errors, failed, "failures counted once per error line");
});
