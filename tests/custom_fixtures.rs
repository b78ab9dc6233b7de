//! The shared custom-rule fixtures (`tests/fixtures/custom/`): configs
//! (JSON, and the same in TOML), drafts, and the expected report of each
//! draft in each offset unit with its fixed text (`expected.json`). This
//! test checks the Rust library and the CLI against them; the Python
//! (`bindings/python/tests/test_custom.py`) and JavaScript
//! (`bindings/wasm/tests/custom.test.mjs`) tests check their front ends
//! against the same file, so the four give identical reports.
//!
//! `POSTLINT_BLESS=1 cargo test -p postlint-cli --test custom_fixtures`
//! rewrites `expected.json` from the library (review the diff).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use postlint::{Config, Linter, OffsetUnit};
use serde_json::{json, Value};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/custom")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap()
}

fn drafts() -> Vec<Value> {
    read("drafts.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn linter(config: &str) -> Linter {
    Linter::new(Config::from_json(&read(&format!("{config}.json"))).unwrap()).unwrap()
}

/// What the library gives for every draft, in the shape of `expected.json`.
fn actual() -> Value {
    let cases: Vec<Value> = drafts()
        .into_iter()
        .map(|d| {
            let text = d["text"].as_str().unwrap();
            let report = linter(d["config"].as_str().unwrap()).analyze(text);
            let fixed = report.apply_fixes(text);
            let unit = |u| serde_json::to_value(report.clone().with_offsets(text, u)).unwrap();
            json!({
                "id": d["id"],
                "config": d["config"],
                "text": text,
                "bytes": unit(OffsetUnit::Bytes),
                "chars": unit(OffsetUnit::Chars),
                "utf16": unit(OffsetUnit::Utf16),
                "fixed": fixed,
            })
        })
        .collect();
    Value::Array(cases)
}

#[test]
fn library_matches_the_expected_reports() {
    let actual = actual();
    let path = dir().join("expected.json");
    if std::env::var_os("POSTLINT_BLESS").is_some() {
        let text = serde_json::to_string_pretty(&actual).unwrap() + "\n";
        std::fs::write(&path, text).unwrap();
    }
    let expected: Value = serde_json::from_str(&read("expected.json")).unwrap();
    assert_eq!(
        actual, expected,
        "run with POSTLINT_BLESS=1 and review the diff"
    );
    // The fixtures exercise what they are for.
    let cases = expected.as_array().unwrap();
    let rules: Vec<&str> = cases
        .iter()
        .flat_map(|c| c["bytes"]["diagnostics"].as_array().unwrap())
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    for rule in [
        "say-affordable",
        "brand-spelling",
        "no-cta-without-value",
        "warm-welcome",
        "shouting",
        "hashtag-stuffing",
    ] {
        assert!(rules.contains(&rule), "no fixture shows {rule}");
    }
    assert!(cases.iter().any(|c| c["fixed"] != c["text"]));
    assert!(
        cases.iter().any(|c| c["chars"] != c["utf16"]),
        "no emoji case"
    );
}

#[test]
fn fixes_apply_in_every_unit() {
    for case in actual().as_array().unwrap() {
        let text = case["text"].as_str().unwrap();
        for unit in ["bytes", "chars", "utf16"] {
            let report: postlint::Report = serde_json::from_value(case[unit].clone()).unwrap();
            let fixes = report.diagnostics.iter().filter_map(|d| d.fix.as_ref());
            let u = OffsetUnit::parse(unit).unwrap();
            assert_eq!(
                postlint::apply_fixes(text, fixes, u),
                case["fixed"],
                "{unit}"
            );
        }
    }
}

#[test]
fn toml_and_json_configs_are_the_same() {
    for name in ["house", "ignore"] {
        let toml = Config::from_toml(&read(&format!("{name}.toml"))).unwrap();
        let json = Config::from_json(&read(&format!("{name}.json"))).unwrap();
        assert_eq!(toml, json, "{name}");
    }
}

fn cli(args: &[&str], stdin: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .args(args)
        .current_dir(dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn cli_matches_the_expected_reports() {
    let expected: Value = serde_json::from_str(&read("expected.json")).unwrap();
    for case in expected.as_array().unwrap() {
        let text = case["text"].as_str().unwrap();
        // The CLI reads each config's TOML twin.
        let config = format!("{}.toml", case["config"].as_str().unwrap());
        let config = config.as_str();
        for unit in ["bytes", "chars", "utf16"] {
            let line = json!({"id": case["id"], "text": text}).to_string();
            let out = cli(
                &["--config", config, "batch", "--explain", "--offsets", unit],
                &line,
            );
            let got: Value = serde_json::from_str(out.trim()).unwrap();
            let want = &case[unit];
            for key in ["scores", "labels", "diagnostics", "evidence"] {
                assert_eq!(got[key], want[key], "{} {unit} {key}", case["id"]);
            }
        }
        let json_out = cli(
            &["--config", config, "check", "--format", "json", "-"],
            text,
        );
        let got: Value = serde_json::from_str(json_out.trim()).unwrap();
        assert_eq!(got, case["bytes"], "{}", case["id"]);
        let fixed = cli(&["--config", config, "check", "--fix", "-"], text);
        assert_eq!(fixed, case["fixed"].as_str().unwrap(), "{}", case["id"]);
    }
}
