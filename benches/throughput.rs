//! Throughput of the tokenizer alone and of the full analysis over the VADER
//! tweet corpus (`../shared/data/vader_tweets.jsonl`), reported both as
//! posts/s (elements) and MB/s (bytes).
//!
//! Run: `cargo bench -p postlint --bench throughput`.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use postlint::{tokenize, Linter};

fn corpus() -> Vec<String> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/vader_tweets.jsonl");
    let raw = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    raw.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_owned))
        .collect()
}

fn bench(c: &mut Criterion) {
    let posts = corpus();
    let bytes: usize = posts.iter().map(String::len).sum();
    let linter = Linter::default();
    for (unit, throughput) in [
        ("posts", Throughput::Elements(posts.len() as u64)),
        ("bytes", Throughput::Bytes(bytes as u64)),
    ] {
        let mut g = c.benchmark_group(format!("vader_tweets/{unit}"));
        g.throughput(throughput);
        g.sample_size(20);
        g.bench_function(BenchmarkId::new("tokenize", posts.len()), |b| {
            b.iter(|| posts.iter().map(|p| tokenize(p).len()).sum::<usize>())
        });
        g.bench_function(BenchmarkId::new("analyze", posts.len()), |b| {
            b.iter(|| {
                posts
                    .iter()
                    .map(|p| linter.analyze(p).diagnostics.len())
                    .sum::<usize>()
            })
        });
        g.finish();
    }
    let long = posts.concat();
    let long = &long[..long.floor_char_boundary(10_000)];
    c.bench_function("analyze/10k-char draft", |b| {
        b.iter(|| linter.analyze(long))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
