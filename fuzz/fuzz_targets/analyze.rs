//! Any bytes that are UTF-8 must analyse without panicking, with spans on
//! char boundaries that convert to every offset unit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postlint::{analyze, Config, Linter, OffsetUnit};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let report = analyze(text);
    for d in &report.diagnostics {
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
    }
    let _ = report.clone().with_offsets(text, OffsetUnit::Utf16);
    let _ = report.with_offsets(text, OffsetUnit::Chars);
    // The text as a config must give a clean error or a linter, never a panic.
    if let Ok(config) = Config::from_toml(text) {
        let _ = Linter::new(config).map(|l| l.analyze(text));
    }
    let _ = Config::from_json(text);
});
