//! Throughput of the tokenizer alone, of the full analysis, and of the full
//! analysis with a config that has brand names and extra phrases, over the
//! VADER tweet corpus (`../shared/data/vader_tweets.jsonl`), reported both as
//! posts/s (elements) and MB/s (bytes); then one 10,000-character draft and
//! one 10 MB draft (the tweets repeated).
//!
//! Run: `cargo bench -p postlint --bench throughput`.

#[path = "corpus.rs"]
mod corpus;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use postlint::{tokenize, Config, Linter};

fn bench(c: &mut Criterion) {
    let posts = corpus::texts(&corpus::vader_tweets_path());
    let bytes: usize = posts.iter().map(String::len).sum();
    let linter = Linter::default();
    // A brand's config: its names (self-references) and its own phrases.
    let branded = Linter::new(
        Config::from_json(
            r#"{"brands": ["Acme", "Acme Coffee"],
                "extra_sales_phrases": ["bean subscription", "roast of the month", "grab a bag"],
                "allow": ["free refills", "follow us on our journey"]}"#,
        )
        .expect("bench config"),
    )
    .expect("bench linter");
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
        g.bench_function(
            BenchmarkId::new("analyze_with_brand_config", posts.len()),
            |b| {
                b.iter(|| {
                    posts
                        .iter()
                        .map(|p| branded.analyze(p).diagnostics.len())
                        .sum::<usize>()
                })
            },
        );
        g.finish();
    }
    let long = posts.concat();
    let long = &long[..long.floor_char_boundary(10_000)];
    let mut g = c.benchmark_group("long drafts");
    g.throughput(Throughput::Bytes(long.len() as u64));
    g.bench_function("analyze/10k-char draft", |b| {
        b.iter(|| linter.analyze(long))
    });
    let huge = posts.join("\n").repeat(30);
    let huge = &huge[..huge.floor_char_boundary(10_000_000)];
    g.throughput(Throughput::Bytes(huge.len() as u64));
    g.sample_size(10);
    g.bench_function("tokenize/10 MB draft", |b| b.iter(|| tokenize(huge).len()));
    g.bench_function("analyze/10 MB draft", |b| b.iter(|| linter.analyze(huge)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
