//! In-process, single-thread throughput of postlint's tokenizer and full
//! analysis over one JSONL file, for `benches/compare/compare.py`, which runs
//! this and the Python peers in one go and prints the ratios.
//!
//! Run: `cargo bench -p postlint --bench compare_native -- [FILE] [--rounds N]`.
//! Prints one JSON object on stdout; progress goes to stderr.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use postlint::{tokenize_into, Linter};

#[path = "../corpus.rs"]
mod corpus;

fn main() {
    let mut file = corpus::vader_tweets_path();
    let mut rounds = 15usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            // cargo bench passes --bench to every harness = false target.
            "--bench" => {}
            "--rounds" => {
                rounds = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--rounds takes a number")
            }
            path => file = PathBuf::from(path),
        }
    }
    let texts = corpus::texts(&file);
    let bytes: usize = texts.iter().map(String::len).sum();
    let linter = Linter::default();

    // Reusing one token buffer is how a caller that only wants tokens would
    // use the tokenizer (`tokenize_into`); `tokenize` allocates per call.
    let mut buf = Vec::new();
    let tokenize = best_of(rounds, || {
        let mut n = 0;
        for t in &texts {
            buf.clear();
            tokenize_into(t, &mut buf);
            n += buf.len();
        }
        n
    });
    let analyze = best_of(rounds, || {
        texts
            .iter()
            .map(|t| linter.analyze(t).diagnostics.len())
            .sum::<usize>()
    });
    let per_s = |d: Duration| texts.len() as f64 / d.as_secs_f64();
    let mb_s = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64();
    println!(
        "{{\"posts\":{},\"bytes\":{},\"rounds\":{},\"tokenize_posts_per_s\":{:.0},\"tokenize_mb_per_s\":{:.1},\"analyze_posts_per_s\":{:.0},\"analyze_mb_per_s\":{:.1}}}",
        texts.len(),
        bytes,
        rounds,
        per_s(tokenize),
        mb_s(tokenize),
        per_s(analyze),
        mb_s(analyze)
    );
}

/// The fastest of `rounds` timed runs (after one warm-up): the least
/// disturbed by whatever else the machine is doing.
fn best_of(rounds: usize, mut f: impl FnMut() -> usize) -> Duration {
    black_box(f());
    (0..rounds.max(1))
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}
