//! The drafts the benches run on, shared by every bench binary
//! (`#[path = "corpus.rs"] mod corpus;`).

use std::path::{Path, PathBuf};

/// `../shared/data/vader_tweets.jsonl`, beside the repository.
pub fn vader_tweets_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/vader_tweets.jsonl")
}

/// The `text` of every line of a JSONL file; lines without one are skipped.
pub fn texts(path: &Path) -> Vec<String> {
    let raw = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    raw.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_owned))
        .collect()
}
