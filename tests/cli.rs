//! The `postlint` binary, run as a subprocess: exit codes, the `batch`
//! contract, config handling, and the human and JSON reports.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn postlint(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn postlint");
    // postlint may exit before reading (a bad config, a usage error): a
    // broken pipe here is not a failure, the exit code tells.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

#[test]
fn check_exit_codes_follow_severity() {
    let pitch = postlint(
        &["check", "-"],
        b"HUGE SALE!!! Buy now, 50% off today only.",
    );
    assert_eq!(pitch.status.code(), Some(1), "{}", stdout(&pitch));
    let calm = postlint(
        &["check", "-"],
        b"Walked the dog by the river this morning, the fog was unreal.",
    );
    assert_eq!(calm.status.code(), Some(0), "{}", stdout(&calm));
    let missing = postlint(&["check", "/definitely/not/here.txt"], b"");
    assert_eq!(missing.status.code(), Some(2));
    let usage = postlint(&["check", "--format", "yaml"], b"");
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn human_report_points_at_the_span() {
    let o = postlint(&["check"], "Lovely day 🌞\nBuy now!".as_bytes());
    let out = stdout(&o);
    assert!(out.contains("salesy"), "{out}");
    assert!(out.contains("error[hard-sell] 2:1"), "{out}");
    assert!(out.contains("2 | Buy now!\n  | ^^^^^^^"), "{out}");
    assert!(out.contains("suggestion:"), "{out}");
    assert!(!out.contains('\x1b'), "no colour when piped");
}

#[test]
fn check_json_and_explain() {
    let o = postlint(
        &["check", "--format", "json"],
        b"What do you think of our new menu?",
    );
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    for key in [
        "salesy",
        "personal",
        "conversational",
        "identity_reflecting",
    ] {
        assert!(v["scores"][key].is_f64(), "{key}");
        assert!(v["labels"][key].is_boolean(), "{key}");
    }
    assert!(v["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["signal"] == "asks-readers"));
    let o = postlint(&["check", "--explain"], b"What do you think?");
    assert!(stdout(&o).contains("asks-readers"));
}

#[test]
fn batch_reads_the_reply_flag() {
    let text = "Totally agree, the second half of that talk was the best part.";
    let input = format!(
        "{{\"id\": 1, \"text\": \"{text}\"}}\n{{\"id\": 2, \"text\": \"{text}\", \"reply\": true}}\n{{\"id\": 3, \"text\": \"x\", \"reply\": \"yes\"}}\n"
    );
    let o = postlint(&["batch"], input.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let lines = json_lines(&o);
    let conv = |i: usize| lines[i]["scores"]["conversational"].as_f64().unwrap();
    assert!(conv(1) >= 0.5 && conv(1) > conv(0), "{lines:?}");
    assert_eq!(
        lines[2]["error"],
        "\"reply\" must be a boolean, not a string"
    );
}

#[test]
fn batch_contract_with_bad_lines() {
    let input = concat!(
        "{\"id\": 1, \"text\": \"Buy now 👍🏽!\"}\n",
        "\n",
        "not json\n",
        "{\"id\": \"x\", \"text\": 5}\n",
        "{\"id\": [1], \"nope\": 1}\n",
        "{\"text\": \"no id here\"}\n",
    );
    let mut bytes = input.as_bytes().to_vec();
    bytes.extend_from_slice(b"{\"id\": 7, \"text\": \"bad \xff utf8\"}\n");
    let o = postlint(&["batch"], &bytes);
    assert_eq!(o.status.code(), Some(1));
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 7, "one line per input line, blank ones too");
    assert_eq!(lines[0]["id"], 1);
    // Keys come in the documented order.
    let raw = stdout(&o);
    let first = raw.lines().next().unwrap();
    let keys = [
        "\"id\"",
        "\"scores\"",
        "\"labels\"",
        "\"language\"",
        "\"diagnostics\"",
    ];
    let pos: Vec<_> = keys.iter().map(|k| first.find(k).unwrap()).collect();
    assert!(pos.windows(2).all(|w| w[0] < w[1]), "{first}");
    assert_eq!(lines[0].as_object().unwrap().len(), 5);
    assert_eq!(lines[0]["language"], "en");
    let d = &lines[0]["diagnostics"][0];
    assert_eq!(d["rule"], "hard-sell");
    assert_eq!((d["start"].as_u64(), d["end"].as_u64()), (Some(0), Some(7)));
    for k in ["severity", "message", "suggestion"] {
        assert!(d.get(k).is_some(), "{k}");
    }
    assert_eq!(
        lines[1],
        serde_json::json!({"id": null, "line": 2, "error": "empty line"})
    );
    assert_eq!(
        lines[2],
        serde_json::json!({"id": null, "line": 3, "error": lines[2]["error"]})
    );
    assert_eq!(lines[3]["id"], "x");
    assert_eq!(lines[3]["line"], 4);
    assert_eq!(lines[4]["id"], serde_json::json!([1]));
    assert_eq!(lines[5]["id"], Value::Null);
    assert!(lines[5]["scores"].is_object());
    assert_eq!(lines[6]["id"], 7);
    assert_eq!(lines[6]["line"], 7);
    assert!(lines[6]["error"].as_str().unwrap().contains("UTF-8"));
    assert!(String::from_utf8_lossy(&o.stderr).contains("line 3"));
}

#[test]
fn batch_offsets_in_each_unit() {
    let text = "🇫🇷👩🏽‍💻 Buy now";
    let line = serde_json::json!({"id": 1, "text": text}).to_string() + "\n";
    for (unit, start) in [
        ("bytes", text.find("Buy").unwrap()),
        ("chars", text.chars().take_while(|&c| c != 'B').count()),
        (
            "utf16",
            text[..text.find("Buy").unwrap()].encode_utf16().count(),
        ),
    ] {
        let o = postlint(&["batch", "--offsets", unit], line.as_bytes());
        assert_eq!(o.status.code(), Some(0));
        let v = &json_lines(&o)[0]["diagnostics"][0];
        assert_eq!(v["rule"], "hard-sell");
        assert_eq!(v["start"].as_u64().unwrap() as usize, start, "{unit}");
        assert_eq!(v["end"].as_u64().unwrap() as usize, start + 7, "{unit}");
    }
}

#[test]
fn config_file_is_used_and_errors_name_the_key() {
    let dir = std::env::temp_dir().join(format!("postlint-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.toml");
    std::fs::write(&good, "[rules]\nhard-sell = \"off\"\n").unwrap();
    let o = postlint(&["--config", good.to_str().unwrap(), "check"], b"Buy now");
    assert_eq!(o.status.code(), Some(0));
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[thresholds]\nsalesy = 3\n").unwrap();
    let o = postlint(&["--config", bad.to_str().unwrap(), "check"], b"hi");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("thresholds.salesy"));
    // postlint.toml in the working directory is picked up.
    std::fs::write(dir.join("postlint.toml"), "[rules]\nhard-sell = \"off\"\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .args(["check", "-"])
        .current_dir(&dir)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn rules_lists_the_catalogue() {
    let o = postlint(&["rules", "--format", "json"], b"");
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ids: Vec<_> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(ids.contains(&"missed-conversation".to_owned()));
    assert_eq!(ids.len(), postlint::rules().len());
    assert!(ids.contains(&"too-long".to_owned()) && ids.contains(&"hashtag-limit".to_owned()));
    let o = postlint(&["rules"], b"");
    assert!(stdout(&o).contains("hashtag-stuffing"));
}

#[test]
fn eval_prints_metrics() {
    let dir = std::env::temp_dir().join(format!("postlint-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("mini.jsonl");
    std::fs::write(
        &f,
        concat!(
            "{\"text\": \"Buy now, 50% off!\", \"salesy\": 1, \"personal\": 0, \"conversational\": 0, \"identity_reflecting\": null, \"rules\": [\"hard-sell\"]}\n",
            "{\"text\": \"My dog ate my sock, what do I do?\", \"salesy\": 0, \"personal\": 1, \"conversational\": 1, \"identity_reflecting\": 0, \"rules\": []}\n",
        ),
    )
    .unwrap();
    let o = postlint(&["eval", f.to_str().unwrap(), "--json"], b"");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let dims = v[0]["dimensions"].as_array().unwrap();
    assert_eq!(dims[0]["dimension"], "salesy");
    assert_eq!(dims[0]["n"], 2);
    assert!(v[0]["rules"]["hard-sell"]["gold"] == 1);
    assert!(v[0]["file"].as_str().unwrap().ends_with("mini.jsonl"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn eval_drafts_needs_cv() {
    let o = postlint(&["eval", "x.jsonl", "--drafts", "out.jsonl"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--cv"));
}

#[test]
fn tokens_answers_each_line_in_the_callers_unit() {
    let input = "{\"id\": 1, \"text\": \"👍 #tbt at example.com\"}\n\nnot json\n";
    let o = postlint(&["tokens", "--offsets", "utf16"], input.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    let toks = lines[0]["tokens"].as_array().unwrap();
    let kinds: Vec<_> = toks.iter().map(|t| t["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["emoji", "hashtag", "word", "url"]);
    assert_eq!(
        (toks[1]["start"].as_u64(), toks[1]["end"].as_u64()),
        (Some(3), Some(7))
    );
    assert_eq!(toks[3]["text"], "example.com");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].is_string() && lines[2]["error"].is_string());
}

#[test]
fn platform_adds_length_and_too_long() {
    let draft = format!("{{\"id\": \"a\", \"text\": \"{}\"}}\n", "x".repeat(290));
    let o = postlint(&["batch", "--platform", "x"], draft.as_bytes());
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["length"]["platform"], "x");
    assert_eq!(
        (v["length"]["count"].as_u64(), v["length"]["limit"].as_u64()),
        (Some(290), Some(280))
    );
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "too-long")
        .expect("too-long");
    assert_eq!(
        (d["start"].as_u64(), d["end"].as_u64()),
        (Some(280), Some(290))
    );
    // Without a platform there is no length.
    let o = postlint(&["batch"], draft.as_bytes());
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert!(v.get("length").is_none());
    let o = postlint(&["check", "--platform", "myspace"], b"hi");
    assert_eq!(o.status.code(), Some(2));
}

// `postlint batch`'s progress line: on stderr only when stderr is a terminal
// (never when piped, as here), `--progress` / `--no-progress` override.
// Inputs stay small: this file's helper writes all of stdin before reading.

fn batch_input(lines: usize) -> Vec<u8> {
    let drafts = [
        "HUGE SALE!!! Buy now, 50% off",
        "Walked the dog by the river this morning.",
        "What do you think? Tell me below",
    ];
    (0..lines)
        .map(|i| format!("{{\"id\":{i},\"text\":\"{}\"}}\n", drafts[i % drafts.len()]))
        .collect::<String>()
        .into_bytes()
}

#[test]
fn piped_stderr_gets_no_progress() {
    let o = postlint(&["batch"], &batch_input(100));
    assert_eq!(o.status.code(), Some(0));
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(o.stdout.iter().filter(|&&b| b == b'\n').count(), 100);
}

#[test]
fn progress_flag_forces_the_line_and_stdout_is_unchanged() {
    let plain = postlint(&["batch"], &batch_input(100));
    let o = postlint(&["batch", "--progress"], &batch_input(100));
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(o.stdout, plain.stdout, "progress must not touch stdout");
    let err = String::from_utf8(o.stderr).unwrap();
    let last = err.rsplit('\r').next().unwrap();
    assert!(
        last.starts_with("\x1b[Kpostlint: 100 lines in ") && last.ends_with(" lines/s)\n"),
        "{err:?}"
    );
}

#[test]
fn last_flag_wins() {
    let o = postlint(&["batch", "--progress", "--no-progress"], &batch_input(10));
    assert!(o.stderr.is_empty());
    let o = postlint(&["batch", "--no-progress", "--progress"], &batch_input(10));
    assert!(String::from_utf8(o.stderr).unwrap().contains("10 lines in"));
}

#[test]
fn progress_counts_bad_lines_and_keeps_their_errors() {
    let mut data = batch_input(5);
    data.extend_from_slice(b"not json\n");
    let o = postlint(&["batch", "--progress"], &data);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("postlint: line 6: invalid JSON"), "{err:?}");
    assert!(
        err.ends_with("6 lines in ") || err.contains("postlint: 6 lines in "),
        "{err:?}"
    );
}

fn example(name: &str) -> String {
    format!("{}/../../examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A fresh scratch directory for one test, and a file path in it.
fn scratch(test: &str, file: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("postlint-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(file);
    (dir, path)
}

#[test]
fn check_fix_rewrites_the_file_and_reports_what_is_left() {
    let (dir, draft) = scratch("fix", "draft.txt");
    std::fs::write(
        &draft,
        "STOCK UP ON TENT PEGS!!! They are dirt cheap, guys.\n",
    )
    .unwrap();
    let config = example("brand.toml");
    let o = postlint(
        &[
            "--config",
            &config,
            "check",
            "--fix",
            draft.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(
        std::fs::read_to_string(&draft).unwrap(),
        "Stock up on tent pegs! They are affordable, folks.\n"
    );
    // The report is of the fixed draft: nothing fixable is left.
    let out = stdout(&o);
    assert!(
        !out.contains("[shouting]") && !out.contains("[say-affordable]"),
        "{out}"
    );
    assert!(out.contains("0 error(s)"), "{out}");
    // Without --fix the file is left alone and fixes are shown.
    std::fs::write(&draft, "Hey guys").unwrap();
    let o = postlint(
        &["--config", &config, "check", draft.to_str().unwrap()],
        b"",
    );
    assert!(
        stdout(&o).contains("fix: \"guys\" -> \"folks\""),
        "{}",
        stdout(&o)
    );
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), "Hey guys");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn check_fix_on_stdin_writes_the_draft_to_stdout_and_the_report_to_stderr() {
    let config = example("brand.toml");
    let o = postlint(
        &[
            "--config", &config, "check", "--fix", "--format", "json", "-",
        ],
        "Hey guys 👋 our shell is CHEAP!!!!".as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "Hey folks 👋 our shell is AFFORDABLE!!!!");
    let left: Value = serde_json::from_slice(&o.stderr).expect("the report is JSON on stderr");
    let rules: Vec<_> = left["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_owned())
        .collect();
    // The custom fix and the shouting fix overlapped: the first applied,
    // the other is what is left (a second --fix takes it).
    assert_eq!(rules, ["shouting"], "{left}");
    assert!(left["diagnostics"][0]["fix"]["replacement"].is_string());
}

#[test]
fn rules_lists_the_configs_custom_rules() {
    let config = example("brand.toml");
    let o = postlint(&["--config", &config, "rules", "--format", "json"], b"");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rules = v.as_array().unwrap();
    let cta = rules
        .iter()
        .find(|r| r["id"] == "no-cta-without-value")
        .expect("the example's custom rule is listed");
    assert_eq!(cta["custom"], true);
    assert_eq!(cta["dimension"], "salesy");
    assert_eq!(cta["severity"], "warning");
    let off = rules
        .iter()
        .find(|r| r["id"] == "missed-conversation")
        .unwrap();
    assert!(off["severity"].is_null());
    let human = stdout(&postlint(&["--config", &config, "rules"], b""));
    assert!(
        human.contains("say-affordable") && human.contains("(custom)"),
        "{human}"
    );
}

#[test]
fn custom_rule_errors_name_the_key() {
    let (dir, bad) = scratch("custom", "bad.toml");
    std::fs::write(
        &bad,
        "[[custom_rules]]\nid = \"ok-rule\"\nphrases = [\"x\"]\nseverity = \"info\"\nmessage = \"m\"\n\
         [[custom_rules]]\nid = \"hard-sell\"\nphrases = [\"y\"]\nseverity = \"info\"\nmessage = \"m\"\n",
    )
    .unwrap();
    let o = postlint(&["--config", bad.to_str().unwrap(), "check"], b"hi");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("custom_rules[1].id"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
