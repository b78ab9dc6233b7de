//! Property tests of machine-applicable fixes: for arbitrary drafts and
//! custom-rule configs, applying a report's fixes never panics, gives the
//! same text whatever unit the report's offsets are in, keeps every fix on
//! grapheme boundaries, and re-linting the fixed text never shows the fixed
//! diagnostics again.

use postlint::{Config, CustomRule, Linter, OffsetUnit, Severity};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// Words the generated custom rules flag, and the disjoint words their
/// replacements use (so that a replacement never makes a new match).
const FLAGGED: &[&str] = &[
    "gizmo",
    "snazzy",
    "whizbang",
    "doohickey",
    "zippy",
    "thingamajig",
];
const REPLACING: &[&str] = &["device", "smart", "clever", "part", "fast", "widget"];

fn custom_rules() -> impl Strategy<Value = Vec<CustomRule>> {
    let phrase =
        prop::collection::vec(prop::sample::select(FLAGGED), 1..3).prop_map(|w| w.join(" "));
    let replacement = prop::option::of(
        // Deleting a word can join its neighbours into a new match, which
        // is not the fixed finding coming back: deletions are tested apart.
        prop::collection::vec(prop::sample::select(REPLACING), 1..3).prop_map(|w| w.join(" ")),
    );
    let rule = (
        prop::collection::vec(phrase, 1..4),
        replacement,
        any::<bool>(),
    );
    prop::collection::vec(rule, 0..4).prop_map(|rules| {
        rules
            .into_iter()
            .enumerate()
            .map(|(i, (phrases, replacement, weighted))| CustomRule {
                id: format!("house-style-{i}"),
                phrases,
                severity: Severity::Warning,
                message: "Not our word: {text}.".into(),
                suggestion: None,
                replacement,
                dimension: weighted.then_some(postlint::Dimension::Salesy),
                weight: weighted.then_some(0.8),
            })
            .collect()
    })
}

/// Draft pieces that fixes apply to (shouting, `!!!` runs, stacked
/// hashtags, flagged words in every case), mixed with emoji and arbitrary
/// Unicode.
fn drafts() -> impl Strategy<Value = String> {
    let flagged = (prop::sample::select(FLAGGED), 0u8..3).prop_map(|(w, case)| match case {
        0 => format!("{w} "),
        1 => format!("{} ", w.to_uppercase()),
        _ => format!("{}{} ", w[..1].to_uppercase(), &w[1..]),
    });
    let piece = prop_oneof![
        3 => flagged,
        2 => prop::sample::select(vec![
            "HUGE NEWS FOR EVERYONE ", "BIG ", "SALE ", "NASA ", "USA ", "10K ", "I ", "A ",
            "!!! ", "!!!! ", "???? ", "?!?! ", "！！！ ", "so happy!!!!! ", ". ", "\n",
            "#one ", "#two ", "#three ", "#four ", "#five ", "#six ", "#SEVEN ",
            "Buy now! ", "we ", "you ", "What do you think? ", "👩🏽‍💻 ", "🇫🇷 ", "e\u{301} ",
            "\u{200d}", "\u{fe0f}", "\r\n", "日本語 ", "“quoted” ",
        ]).prop_map(str::to_owned),
        1 => "[a-zA-Z !?#.]{0,12}",
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

fn grapheme_boundaries(text: &str) -> Vec<usize> {
    let mut b: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
    b.push(text.len());
    b
}

/// Where the applied fixes land, as the `fixes` fuzz target computes it.
#[path = "../fuzz/src/regions.rs"]
mod regions;
use regions::{back_after_fix, fixed_regions};

fn check_fixes(linter: &Linter, text: &str) {
    let r = linter.analyze(text);
    let bounds = grapheme_boundaries(text);
    for f in r.diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
        assert!(f.span.start <= f.span.end && f.span.end <= text.len());
        assert!(
            bounds.binary_search(&f.span.start).is_ok()
                && bounds.binary_search(&f.span.end).is_ok(),
            "{f:?} splits a grapheme cluster in {text:?}"
        );
    }
    let fixed = r.apply_fixes(text);
    for unit in [OffsetUnit::Chars, OffsetUnit::Utf16] {
        assert_eq!(r.clone().with_offsets(text, unit).apply_fixes(text), fixed);
    }
    let again = linter.analyze(&fixed);
    for (rule, _, region) in fixed_regions(&r) {
        let back = back_after_fix(&again, &rule, &region);
        assert!(
            back.is_none(),
            "{rule} is back after its fix: {text:?} -> {fixed:?}: {back:?}"
        );
    }
    // A second pass has fewer fixes to make, and never panics either.
    let _ = again.apply_fixes(&fixed);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn fixes_apply_cleanly_and_do_not_come_back(
        rules in custom_rules(),
        text in drafts(),
        brands in prop::sample::subsequence(vec!["NASA".to_owned(), "ZipCo".to_owned()], 0..2),
    ) {
        let config = Config { custom_rules: rules, brands, ..Config::default() };
        let linter = Linter::new(config).expect("generated configs are valid");
        check_fixes(&linter, &text);
    }

    #[test]
    fn apply_fixes_never_panics_on_any_text(text in any::<String>(), other in any::<String>()) {
        // A report applied to another text than its own skips what does
        // not fit, in every unit.
        let r = postlint::analyze(&text);
        for unit in [OffsetUnit::Bytes, OffsetUnit::Chars, OffsetUnit::Utf16] {
            let _ = r.clone().with_offsets(&text, unit).apply_fixes(&other);
        }
        check_fixes(&Linter::default(), &text);
    }
}

#[test]
fn each_kind_of_fix_resolves_its_finding() {
    let config = Config::from_json(
        r#"{"custom_rules": [{"id": "say-sturdy", "phrases": ["flimsy"], "severity": "error",
            "message": "m", "replacement": "sturdy"},
            {"id": "no-very", "phrases": ["very"], "severity": "info", "message": "m",
             "replacement": ""}]}"#,
    )
    .unwrap();
    let linter = Linter::new(config).unwrap();
    for text in [
        "BIG NEWS FROM THE WORKSHOP TODAY!!!",
        "so happy!!!!!",
        "Our flimsy chair is back",
        "A very flimsy, very cheap chair",
        "sunset #beach #sun #sea #summer #vibes #travel #love",
        "Flimsy? NEVER AGAIN, NOT EVER!!!! 👩🏽‍💻 #a #b #c #d #e #f",
    ] {
        let r = linter.analyze(text);
        assert!(r.diagnostics.iter().any(|d| d.fix.is_some()), "{text:?}");
        check_fixes(&linter, text);
    }
    let text = "A very flimsy, very cheap chair";
    let fixed = linter.analyze(text).apply_fixes(text);
    assert_eq!(fixed, "A  sturdy,  cheap chair");
    assert!(linter
        .analyze(&fixed)
        .diagnostics
        .iter()
        .all(|d| d.rule != "no-very"));
}
