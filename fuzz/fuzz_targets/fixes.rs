//! Fixes under arbitrary custom-rule configs and drafts: `Linter::new`
//! accepts or rejects the config without panicking; for a valid one, every
//! fix lies on grapheme boundaries, `apply_fixes` gives the same valid text
//! from the report in bytes, code points and UTF-16, and re-linting the
//! fixed text never shows a fixed finding again (for `shouting`,
//! `hashtag-stuffing` and custom replacements that share no word with any
//! phrase, which cannot form a new match with their neighbours, of rules
//! whose phrases hold no placeholder such as a mention or a number).
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use postlint::{Config, CustomRule, Dimension, Linter, OffsetUnit, Severity};
use postlint_fuzz::check_report;
use postlint_fuzz::regions::{back_after_fix, fixed_regions};

#[derive(Arbitrary, Debug)]
struct Rule<'a> {
    phrases: Vec<&'a str>,
    replacement: Option<&'a str>,
    weight: Option<i8>,
}

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    rules: Vec<Rule<'a>>,
    brands: Vec<&'a str>,
    /// (rule, phrase, times) to append to the text, so phrases match.
    splices: Vec<(u8, u8, u8)>,
    text: &'a str,
}

/// Lower-cased words with every run of a repeated character collapsed: a
/// coarser form than the linter's normalisation (which collapses elongated
/// words), so words equal there are equal here.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut out: Vec<char> = w.to_lowercase().chars().collect();
            out.dedup();
            out.into_iter().collect()
        })
        .collect()
}

/// True when a phrase holds a mention, hashtag, cashtag, number, price or
/// link: those match any of their kind (the lexicon's placeholders), so a
/// replacement inside or next to one (`@eeee` -> `@C`) can leave a text the
/// phrase still matches, and the rule is not checked for coming back.
fn has_placeholder(phrase: &str) -> bool {
    phrase
        .chars()
        .any(|c| c.is_numeric() || "@#$%.:/£€¥＃＠".contains(c))
}

fuzz_target!(|input: Input| {
    let rules: Vec<CustomRule> = input
        .rules
        .iter()
        .take(8)
        .enumerate()
        .map(|(i, r)| CustomRule {
            id: format!("fuzz-rule-{i}"),
            phrases: r.phrases.iter().take(8).map(|p| p.to_string()).collect(),
            severity: Severity::Warning,
            message: "Not our word: {text}.".into(),
            suggestion: None,
            replacement: r.replacement.map(str::to_owned),
            dimension: r.weight.map(|_| Dimension::Salesy),
            weight: r.weight.map(|w| f64::from(w) / 16.0),
        })
        .collect();
    let config = Config {
        custom_rules: rules,
        brands: input.brands.iter().take(4).map(|b| b.to_string()).collect(),
        ..Config::default()
    };
    let Ok(linter) = Linter::new(config.clone()) else {
        return;
    };
    let mut text = input.text.to_owned();
    for &(r, p, n) in input.splices.iter().take(16) {
        let Some(rule) = config
            .custom_rules
            .get(usize::from(r) % config.custom_rules.len().max(1))
        else {
            break;
        };
        let Some(phrase) = rule.phrases.get(usize::from(p) % rule.phrases.len().max(1)) else {
            continue;
        };
        for _ in 0..n % 4 {
            text.push_str(phrase);
            text.push(' ');
        }
    }
    let report = linter.analyze(&text);
    check_report(&text, &report);
    let bounds: Vec<usize> = postlint_fuzz::grapheme_starts(&text);
    for f in report.diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
        assert!(
            f.span.start <= f.span.end && f.span.end <= text.len(),
            "{f:?}"
        );
        assert!(
            bounds.binary_search(&f.span.start).is_ok()
                && bounds.binary_search(&f.span.end).is_ok(),
            "{f:?} splits a grapheme cluster"
        );
    }
    let fixed = report.apply_fixes(&text);
    for unit in [OffsetUnit::Chars, OffsetUnit::Utf16] {
        assert_eq!(
            report.clone().with_offsets(&text, unit).apply_fixes(&text),
            fixed
        );
    }
    let phrase_words: Vec<String> = config
        .custom_rules
        .iter()
        .flat_map(|r| r.phrases.iter().flat_map(|p| words(p)))
        .collect();
    let regions = fixed_regions(&report);
    let again = linter.analyze(&fixed);
    check_report(&fixed, &again);
    // A replacement with capitals, marks or tags can make a new shout or
    // new tags of its own, and a deletion can join "!!!" to the "!" after
    // it: the built-in fixes are checked when every custom replacement
    // applied is plain words.
    let plain = regions.iter().all(|(rule, f, _)| {
        matches!(rule.as_str(), "shouting" | "hashtag-stuffing")
            || (f.replacement.chars().any(char::is_alphanumeric)
                && f.replacement
                    .chars()
                    .all(|c| c == ' ' || c.is_lowercase() || c.is_ascii_digit()))
    });
    for (rule, f, region) in regions {
        let checked = match rule.as_str() {
            "shouting" | "hashtag-stuffing" => plain,
            _ => {
                let rep = words(&f.replacement);
                !rep.is_empty()
                    && rep.iter().all(|w| !phrase_words.contains(w))
                    && !config
                        .custom_rules
                        .iter()
                        .any(|r| r.id == rule && r.phrases.iter().any(|p| has_placeholder(p)))
            }
        };
        if !checked {
            continue;
        }
        let back = back_after_fix(&again, &rule, &region);
        assert!(
            back.is_none(),
            "{rule} back after its fix: {text:?} -> {fixed:?}"
        );
    }
});
