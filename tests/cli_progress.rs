//! `postlint batch`'s progress line: on stderr only when stderr is a
//! terminal (never when piped), `--progress` / `--no-progress` override.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn batch(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .arg("batch")
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn postlint");
    // Feed stdin from a thread: the output is larger than a pipe's buffer.
    let mut pipe = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = pipe.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

fn input(lines: usize) -> Vec<u8> {
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
    let o = batch(&[], &input(3000));
    assert_eq!(o.status.code(), Some(0));
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(o.stdout.iter().filter(|&&b| b == b'\n').count(), 3000);
}

#[test]
fn progress_flag_forces_the_line_and_stdout_is_unchanged() {
    let plain = batch(&[], &input(3000));
    let o = batch(&["--progress"], &input(3000));
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(o.stdout, plain.stdout, "progress must not touch stdout");
    let err = String::from_utf8(o.stderr).unwrap();
    let last = err.rsplit('\r').next().unwrap();
    assert!(
        last.starts_with("\x1b[Kpostlint: 3,000 lines in ") && last.ends_with(" lines/s)\n"),
        "{err:?}"
    );
}

#[test]
fn last_flag_wins() {
    let o = batch(&["--progress", "--no-progress"], &input(10));
    assert!(o.stderr.is_empty());
    let o = batch(&["--no-progress", "--progress"], &input(10));
    assert!(String::from_utf8(o.stderr).unwrap().contains("10 lines in"));
}

#[test]
fn progress_counts_bad_lines_and_keeps_their_errors() {
    let mut data = input(5);
    data.extend_from_slice(b"not json\n");
    let o = batch(&["--progress"], &data);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("postlint: line 6: invalid JSON"), "{err:?}");
    assert!(
        err.ends_with("6 lines in ") || err.contains("postlint: 6 lines in "),
        "{err:?}"
    );
}
