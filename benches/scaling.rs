//! How analysis cost grows with draft size: time and peak memory for drafts
//! of 1 KB, 100 KB, 1 MB and 10 MB, for ordinary text and for pathological
//! shapes. Each case runs in a fresh child process so its peak memory is its
//! own (Linux: the peak resident set is reset through /proc/self/clear_refs
//! after the input is built, then read from /proc/self/status).
//!
//! Run: `cargo bench -p postlint --bench scaling`. Prints a table, and the
//! two checks the performance issue sets: 10 MB time <= 11x the 1 MB time,
//! and 10 MB peak memory <= 10x the input size. Exits 1 if a check fails.

use std::hint::black_box;
use std::process::Command;
use std::time::Instant;

use postlint::Linter;

#[path = "corpus.rs"]
mod corpus;

const SIZES: [(&str, usize); 4] = [
    ("1 KB", 1_000),
    ("100 KB", 100_000),
    ("1 MB", 1_000_000),
    ("10 MB", 10_000_000),
];

const SHAPES: [&str; 7] = [
    "tweets",
    "exclamations",
    "one-emoji",
    "one-word",
    "hashtags",
    "urls",
    "buy-now",
];

/// A draft of `shape` and about `size` bytes (never more).
fn draft(shape: &str, size: usize) -> String {
    let unit: String = match shape {
        "tweets" => corpus::texts(&corpus::vader_tweets_path()).join("\n"),
        "exclamations" => "!".into(),
        "one-emoji" => "👩🏽‍💻".into(),
        "one-word" => "a".into(),
        "hashtags" => "#sale ".into(),
        "urls" => "https://example.com/a?b=1 ".into(),
        "buy-now" => "buy now ".into(),
        other => panic!("unknown shape {other}"),
    };
    let mut s = String::with_capacity(size + unit.len());
    while s.len() < size {
        s.push_str(&unit);
    }
    let cut = s.floor_char_boundary(size);
    s.truncate(cut);
    s
}

fn status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Child: analyse one draft; print `seconds peak_extra_bytes diagnostics`.
fn one(shape: &str, size: usize) {
    let linter = Linter::default();
    let _ = linter.analyze("warm up the lexicon"); // built once per process
    let text = draft(shape, size);
    // Several runs (more for small drafts); the best is reported, so every
    // size is timed with the allocator warmed up alike.
    let reps = (3_000_000 / size.max(1)).clamp(3, 300);
    let mut best = f64::INFINITY;
    let mut diagnostics = 0;
    // Reset the peak resident set to the current one, with the input built.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let before = status_kb("VmRSS:").unwrap_or(0);
    for _ in 0..reps {
        let t = Instant::now();
        let report = black_box(linter.analyze(black_box(&text)));
        best = best.min(t.elapsed().as_secs_f64());
        diagnostics = report.diagnostics.len();
        drop(report);
    }
    let peak = status_kb("VmHWM:").unwrap_or(0);
    println!(
        "{best} {} {diagnostics}",
        peak.saturating_sub(before) * 1024
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, shape, size] = args.as_slice() {
        if flag == "--one" {
            one(shape, size.parse().expect("size in bytes"));
            return;
        }
    }
    let me = std::env::current_exe().expect("own path");
    println!(
        "| shape | size | time | MB/s | peak extra memory | peak / input | diagnostics |\n|---|---|---|---|---|---|---|"
    );
    let mut failures = Vec::new();
    let mut summary = Vec::new();
    for shape in SHAPES {
        let mut times = Vec::new();
        let mut peaks = Vec::new();
        for (label, size) in SIZES {
            let out = Command::new(&me)
                .args(["--one", shape, &size.to_string()])
                .output()
                .expect("run child");
            assert!(
                out.status.success(),
                "{shape} {label}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let line = String::from_utf8_lossy(&out.stdout);
            let mut f = line.split_whitespace();
            let secs: f64 = f.next().and_then(|x| x.parse().ok()).unwrap_or(f64::NAN);
            let peak: f64 = f.next().and_then(|x| x.parse().ok()).unwrap_or(f64::NAN);
            let diags = f.next().unwrap_or("?").to_owned();
            println!(
                "| {shape} | {label} | {} | {:.1} | {:.1} MB | {:.1}x | {diags} |",
                fmt_secs(secs),
                size as f64 / 1e6 / secs,
                peak / 1e6,
                peak / size as f64,
            );
            times.push(secs);
            peaks.push(peak / size as f64);
        }
        let growth = times[3] / times[2];
        let peak10 = peaks[3];
        summary.push((shape, growth, peak10));
        if growth > 11.0 {
            failures.push(format!(
                "{shape}: 10 MB took {growth:.1}x the 1 MB time (limit 11x)"
            ));
        }
        if peak10 > 10.0 {
            failures.push(format!(
                "{shape}: 10 MB peak memory {peak10:.1}x the input (limit 10x)"
            ));
        }
    }
    println!("\n| shape | time 10 MB / 1 MB (<= 11) | peak memory / input at 10 MB (<= 10) |\n|---|---|---|");
    for (shape, growth, peak) in summary {
        println!("| {shape} | {growth:.2} | {peak:.2} |");
    }
    if !failures.is_empty() {
        eprintln!("\nfailed:\n  {}", failures.join("\n  "));
        std::process::exit(1);
    }
}

fn fmt_secs(s: f64) -> String {
    if s < 1e-3 {
        format!("{:.1} µs", s * 1e6)
    } else if s < 1.0 {
        format!("{:.2} ms", s * 1e3)
    } else {
        format!("{s:.2} s")
    }
}
