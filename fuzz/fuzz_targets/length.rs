//! Platform length (issue 12) on structure-aware drafts and on any text, with
//! small limits so `too-long` fires: the report keeps every invariant, the
//! diagnostic fires exactly when the count is over the limit, its span is
//! grapheme aligned and runs to the end of the text, the text before it
//! fits (counted with the draft's tokens), and the count never exceeds what
//! the platform could count (every unit weighs at most 2, a link 23). A reply
//! flag rides along, since the context changes which rules run.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use postlint::length::measure;
use postlint::{tokenize, Config, Context, Linter, Platform};
use postlint_fuzz::{check_report, draft::Draft, text_of};

#[derive(Arbitrary, Debug)]
enum Text {
    Draft(Draft),
    Raw(Vec<u8>),
}

fuzz_target!(|input: (Text, u8, Option<u16>, bool)| {
    let (text, platform, max_length, reply) = input;
    let text = match text {
        Text::Draft(d) => d.render(),
        Text::Raw(bytes) => text_of(&bytes).into_owned(),
    };
    let platform = Platform::ALL[usize::from(platform) % Platform::ALL.len()];
    let max_length = max_length.map(|m| usize::from(m % 64) + 1);
    let config = Config {
        platform: Some(platform),
        max_length,
        ..Config::default()
    };
    let linter = Linter::new(config).expect("a platform with a limit of 1..=64 is valid");
    let ctx = Context { reply };
    let r = linter.analyze_with(&text, &ctx);
    check_report(&text, &r);
    assert_eq!(r, linter.analyze_with(&text, &ctx), "not deterministic");

    let length = r.length.expect("a platform gives a length");
    assert_eq!(length.platform, platform);
    assert_eq!(length.limit, max_length.unwrap_or(platform.default_limit()));
    let chars = text.chars().count();
    assert!(
        length.count <= chars.saturating_mul(23),
        "{length:?} for {chars} code points"
    );
    let too_long: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.rule == "too-long")
        .collect();
    assert_eq!(
        too_long.len(),
        usize::from(length.count > length.limit),
        "too-long iff over the limit: {length:?}"
    );
    if let Some(d) = too_long.first() {
        assert_eq!(d.span.end, text.len(), "the overflow runs to the end");
        // Counted with the draft's own tokens: tokenizing the head alone can
        // differ, since whether a link is a link can depend on text after
        // it (twitter-text drops a host whose punycoded label is too long,
        // and CJK text can run into a host's first label).
        let head = &text[..d.span.start];
        let tokens = tokenize(&text);
        let before: Vec<_> = tokens
            .into_iter()
            .filter(|t| t.span.end <= head.len())
            .collect();
        let fits = measure(head, &before, platform, max_length).count;
        assert!(fits <= length.limit, "{head:?} counts {fits} > {length:?}");
    }
});
