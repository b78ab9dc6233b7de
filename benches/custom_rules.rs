//! Custom rules (issue 14): compiling a config with 1,000 custom phrases
//! (target: under 5 ms), and analysing the VADER tweet corpus
//! (`../shared/data/vader_tweets.jsonl`) with those rules against the same
//! analysis without them (target: at most 10% slower).
//!
//! The phrases are generated from two short word lists of everyday English,
//! so that some of them match real posts (a rule that never matches would
//! flatter the timing).
//!
//! Run: `cargo bench -p postlint --bench custom_rules`.

#[path = "corpus.rs"]
mod corpus;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use postlint::{Config, CustomRule, Dimension, Linter, Severity};

const FIRST: &[&str] = &[
    "really", "so", "very", "great", "bad", "new", "big", "little", "good", "best", "first",
    "last", "happy", "sad", "crazy", "free", "cheap", "amazing", "awesome", "nice", "long",
    "short", "hard", "easy", "old", "young", "early", "late", "hot", "cold", "fast", "slow",
    "real", "fake", "full", "empty", "sweet", "funny", "weird", "quick",
];
const SECOND: &[&str] = &[
    "day", "night", "time", "news", "game", "show", "week", "morning", "weekend", "movie", "song",
    "friend", "deal", "work", "life", "team", "love", "food", "coffee", "idea", "people", "world",
    "year", "thing", "story",
];

/// `n` custom phrases (`first second`) spread over rules of 20 phrases, a
/// quarter of them with a replacement and a quarter with a score weight.
fn config(n: usize) -> Config {
    let phrases: Vec<String> = FIRST
        .iter()
        .flat_map(|a| SECOND.iter().map(move |b| format!("{a} {b}")))
        .take(n)
        .collect();
    assert_eq!(phrases.len(), n, "not enough word pairs for {n} phrases");
    let custom_rules = phrases
        .chunks(20)
        .enumerate()
        .map(|(i, chunk)| CustomRule {
            id: format!("house-rule-{i}"),
            phrases: chunk.to_vec(),
            severity: Severity::Warning,
            message: "We avoid \"{text}\".".into(),
            suggestion: None,
            replacement: (i % 4 == 0).then(|| "something plainer".into()),
            dimension: (i % 4 == 1).then_some(Dimension::Salesy),
            weight: (i % 4 == 1).then_some(0.5),
        })
        .collect();
    Config {
        custom_rules,
        ..Config::default()
    }
}

fn bench(c: &mut Criterion) {
    let config = config(1_000);
    let mut g = c.benchmark_group("custom_rules");
    g.bench_function("compile/1000 phrases", |b| {
        b.iter(|| Linter::new(config.clone()).expect("bench config"))
    });
    let posts = corpus::texts(&corpus::vader_tweets_path());
    let plain = Linter::default();
    let custom = Linter::new(config).expect("bench config");
    let matched: usize = posts
        .iter()
        .map(|p| {
            custom
                .analyze(p)
                .diagnostics
                .iter()
                .filter(|d| d.rule.starts_with("house-rule-"))
                .count()
        })
        .sum();
    eprintln!(
        "custom_rules: 1000 phrases match {matched} times in {} posts",
        posts.len()
    );
    g.throughput(Throughput::Elements(posts.len() as u64));
    g.sample_size(20);
    for (name, linter) in [("without", &plain), ("with 1000 phrases", &custom)] {
        g.bench_function(BenchmarkId::new("analyze vader_tweets", name), |b| {
            b.iter(|| {
                posts
                    .iter()
                    .map(|p| linter.analyze(p).diagnostics.len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
