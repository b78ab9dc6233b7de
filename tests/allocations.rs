//! Allocation counts (dhat's heap profiler as the global allocator): the
//! analysis allocates a bounded number of blocks per draft, not one or more
//! per token. Its vectors grow by doubling, so a draft ten times longer may
//! take a few more blocks, never ten times as many.
//!
//! One test in its own binary: dhat allows one profiler per process.

use postlint::{tokenize_into, Linter};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// Blocks allocated by `f`.
fn blocks(f: impl FnOnce()) -> u64 {
    let before = dhat::HeapStats::get().total_blocks;
    f();
    dhat::HeapStats::get().total_blocks - before
}

/// `n` sentences of everyday writing, with words of several kinds (numbers,
/// a hashtag, elongation, capitals, a question) but nothing a rule reports,
/// so the output stays the same size while the input grows.
fn draft(n: usize) -> String {
    let sentences = [
        "Spent the morning at the allotment with 3 neighbours and sooo much rain",
        "Walked home past the old mill where Grandad used to work",
        "The kettle is on and the dog is asleep by the radiator",
        "Does anyone else remember the 1987 storm",
    ];
    (0..n)
        .map(|i| sentences[i % sentences.len()])
        .collect::<Vec<_>>()
        .join(". ")
        + ". #weekend"
}

/// Heap blocks one tweet-sized draft may take (measured: 7 since a thread
/// reuses a draft's vectors for its next draft; 9 before, 10 before its
/// learned words stayed on the stack, 16 before the stack buffers of
/// lexicon matching and scoring).
const TWEET_BLOCKS: u64 = 7;

#[test]
fn allocations_do_not_grow_with_tokens() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let linter = Linter::default();
    linter.analyze("warm up the lexicon and the word sets, please");

    let (small, large) = (draft(40), draft(400));
    let tokens_small = postlint::tokenize(&small).len();
    let tokens_large = postlint::tokenize(&large).len();
    assert!(tokens_large >= 9 * tokens_small);

    // The tokenizer into a reused buffer allocates nothing once the buffer
    // is large enough.
    let mut buf = Vec::with_capacity(tokens_large);
    assert_eq!(blocks(|| tokenize_into(&large, &mut buf)), 0);

    let mut reports = Vec::new();
    let b_small = blocks(|| reports.push(linter.analyze(&small)));
    let b_large = blocks(|| reports.push(linter.analyze(&large)));
    let (r_small, r_large) = (&reports[0], &reports[1]);
    assert_eq!(r_small.diagnostics.len(), r_large.diagnostics.len());
    println!("{tokens_small} tokens: {b_small} blocks; {tokens_large} tokens: {b_large} blocks");
    // Far below one per token, and growing only like the vectors' doublings
    // (measured: 32 blocks for 471 tokens, 47 for 4,701).
    assert!(
        b_small <= 34 && b_small < tokens_small as u64 / 4,
        "{b_small} blocks for {tokens_small} tokens"
    );
    assert!(
        b_large <= b_small + 20,
        "{b_small} -> {b_large} blocks for 10x the tokens"
    );

    // A tweet-sized draft keeps its word ids, learned words, phrase
    // matches, the order and terms of its scoring, its repeat counts and
    // its capitalised names on the stack: what is left are the vectors the analysis hands on
    // (tokens, sentences, hits, features, evidence...).
    let tweet = draft(2);
    let b_tweet = blocks(|| drop(linter.analyze(&tweet)));
    println!("tweet-sized draft: {b_tweet} blocks");
    assert!(b_tweet <= TWEET_BLOCKS, "{b_tweet} blocks for a tweet");
}
