//! Config parsing, TOML and JSON: any text gives a config or a clean error.
//! A config that parses is valid (a Linter builds from it), survives a JSON
//! round trip unchanged, and analyses text within the invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postlint::{Config, ConfigError, Linter};
use postlint_fuzz::check_report;

const SAMPLE: &str =
    "HUGE SALE!!! Buy now 👉 shop.example.com, 50% off #deal #sale @ana 🇫🇷 e\u{301}";

fn exercise(config: Config, src: &str) {
    // Parsing validated it, so building a linter cannot fail.
    let linter = Linter::new(config.clone()).expect("a parsed config builds a linter");
    let json = serde_json::to_string(&config).expect("a config serializes");
    let again = Config::from_json(&json).expect("a serialized config parses back");
    assert_eq!(again, config, "JSON round trip changed the config");
    for text in [SAMPLE, src] {
        let r = linter.analyze(text);
        check_report(text, &r);
        assert_eq!(r, linter.analyze(text), "not deterministic");
    }
    // Every brand and phrase in a draft is found without upsetting spans.
    let joined = config
        .brands
        .iter()
        .chain(&config.extra_sales_phrases)
        .chain(&config.allow)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" , ");
    check_report(&joined, &linter.analyze(&joined));
}

fn check_error(e: &ConfigError) {
    // Errors display without panicking and name a key when they are about one.
    let msg = e.to_string();
    assert!(!msg.is_empty());
    if let Some(key) = e.key() {
        assert!(msg.contains(key), "{msg}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(src) = std::str::from_utf8(rest) else {
        return;
    };
    let parsed = if mode & 1 == 0 {
        Config::from_toml(src)
    } else {
        Config::from_json(src)
    };
    let again = if mode & 1 == 0 {
        Config::from_toml(src)
    } else {
        Config::from_json(src)
    };
    assert_eq!(parsed, again, "parsing is not deterministic");
    match parsed {
        Ok(config) => exercise(config, src),
        Err(e) => check_error(&e),
    }
});
