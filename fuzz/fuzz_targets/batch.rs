//! The CLI's `batch` line parser on arbitrary bytes: exactly one output line
//! per input line, in order, each a JSON object; error lines carry their line
//! number and are counted as failures; spans stay inside each draft in the
//! requested unit and on grapheme-cluster boundaries (diagnostics and
//! evidence); the same input gives the same output twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postlint::{Linter, OffsetUnit};
use postlint_cli::batch;
use postlint_fuzz::grapheme_starts_in;
use serde_json::Value;

fn input_lines(data: &[u8]) -> Vec<&[u8]> {
    let mut lines: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    // "a\nb\n" is two lines, "a\nb" too; an empty input is none.
    if data.is_empty() || data.ends_with(b"\n") {
        lines.pop();
    }
    lines
}

fn len_in(text: &str, unit: OffsetUnit) -> usize {
    match unit {
        OffsetUnit::Bytes => text.len(),
        OffsetUnit::Chars => text.chars().count(),
        OffsetUnit::Utf16 => text.encode_utf16().count(),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, data)) = data.split_first() else {
        return;
    };
    let unit = [OffsetUnit::Bytes, OffsetUnit::Chars, OffsetUnit::Utf16][usize::from(mode % 3)];
    let explain = mode & 4 != 0;
    let linter = Linter::default();
    let mut out = Vec::new();
    let failed = batch::run(&linter, data, &mut out, unit, explain).expect("writing to a Vec");
    let mut again = Vec::new();
    let failed_again = batch::run(&linter, data, &mut again, unit, explain).unwrap();
    assert_eq!((failed, &out), (failed_again, &again), "not deterministic");

    let inputs = input_lines(data);
    let out = std::str::from_utf8(&out).expect("output is UTF-8");
    assert!(out.is_empty() || out.ends_with('\n'));
    let outputs: Vec<&str> = out.lines().collect();
    assert_eq!(
        outputs.len(),
        inputs.len(),
        "one output line per input line"
    );
    let mut errors = 0;
    for (n, (raw, line)) in inputs.iter().zip(&outputs).enumerate() {
        let v: Value = serde_json::from_str(line).expect("each output line is JSON");
        let obj = v.as_object().expect("each output line is an object");
        if let Some(err) = obj.get("error") {
            errors += 1;
            assert!(err.is_string());
            assert_eq!(obj["line"], n + 1, "error line numbers count every line");
            continue;
        }
        // A success: the input line was a JSON object with a string text.
        let input: Value = serde_json::from_slice(raw).expect("a linted line was JSON");
        let text = input["text"]
            .as_str()
            .expect("a linted line had a string text");
        assert_eq!(
            obj.get("id").unwrap_or(&Value::Null),
            input.get("id").unwrap_or(&Value::Null)
        );
        let len = len_in(text, unit);
        let bounds = grapheme_starts_in(text, unit);
        let on_bounds = |v: &Value| {
            for k in ["start", "end"] {
                let at = v[k].as_u64().expect("a numeric offset") as usize;
                assert!(
                    bounds.binary_search(&at).is_ok(),
                    "{k} of {v} splits a grapheme cluster ({unit:?})"
                );
            }
        };
        for d in obj["diagnostics"].as_array().expect("diagnostics") {
            let (s, e) = (d["start"].as_u64().unwrap(), d["end"].as_u64().unwrap());
            assert!(
                s < e && e as usize <= len,
                "{d} outside a text of {len} {unit:?}"
            );
            on_bounds(d);
        }
        assert_eq!(
            obj.contains_key("evidence"),
            explain,
            "evidence iff explained"
        );
        if let Some(ev) = obj.get("evidence") {
            for e in ev.as_array().expect("evidence") {
                assert!(
                    e["end"].as_u64().unwrap() as usize <= len,
                    "{e} outside the text"
                );
                on_bounds(e);
            }
        }
        for k in [
            "salesy",
            "personal",
            "conversational",
            "identity_reflecting",
        ] {
            let s = obj["scores"][k].as_f64().expect("a numeric score");
            assert!((0.0..=1.0).contains(&s));
        }
    }
    assert_eq!(errors, failed, "failures counted once per error line");
});
