//! `Linter::analyze` under arbitrary configs: brands, extra sales phrases,
//! allow lists (spliced into the text so they match, repeatedly), thresholds
//! including NaN, infinities and out-of-range values, and rule levels.
//! `Linter::new` accepts exactly the valid configs; every report keeps the
//! invariants (spans, offsets, scores, labels) and is the same twice.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use postlint::{analyze, rules, Config, Linter, RuleLevel};
use postlint_fuzz::check_report;

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    brands: Vec<&'a str>,
    extra_sales_phrases: Vec<&'a str>,
    allow: Vec<&'a str>,
    thresholds: [u8; 4],
    rules: Vec<(u8, u8)>,
    /// (which list, which phrase, how many times) to append to the text.
    splices: Vec<(u8, u8, u8)>,
    text: &'a str,
}

fn threshold(b: u8) -> f64 {
    match b {
        0..=200 => f64::from(b) / 200.0,
        201 => f64::NAN,
        202 => f64::INFINITY,
        203 => f64::NEG_INFINITY,
        204 => -0.0,
        205 => 1.0 + f64::EPSILON,
        206 => -f64::MIN_POSITIVE,
        207 => f64::MAX,
        _ => -0.5,
    }
}

/// A phrase the config accepts: it has a letter or digit, and it matches as
/// it reads (the same check for brands, sales phrases and allowed phrases,
/// so one phrase alone in `allow` tells).
fn valid_phrase(p: &str) -> bool {
    Config {
        allow: vec![p.to_owned()],
        ..Config::default()
    }
    .validate()
    .is_ok()
}

fn own(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fuzz_target!(|input: Input| {
    let levels = [
        RuleLevel::Off,
        RuleLevel::Info,
        RuleLevel::Warning,
        RuleLevel::Error,
    ];
    let catalogue = rules();
    let mut config = Config {
        brands: own(&input.brands),
        extra_sales_phrases: own(&input.extra_sales_phrases),
        allow: own(&input.allow),
        ..Config::default()
    };
    let t = input.thresholds.map(threshold);
    config.thresholds.salesy = t[0];
    config.thresholds.personal = t[1];
    config.thresholds.conversational = t[2];
    config.thresholds.identity_reflecting = t[3];
    for &(rule, level) in &input.rules {
        let id = catalogue[usize::from(rule) % catalogue.len()].id;
        config
            .rules
            .insert(id.to_owned(), levels[usize::from(level) % 4]);
    }
    let valid = t.iter().all(|t| (0.0..=1.0).contains(t))
        && config.brands.iter().all(|p| valid_phrase(p))
        && config.extra_sales_phrases.iter().all(|p| valid_phrase(p))
        && config.allow.iter().all(|p| valid_phrase(p));
    let built = Linter::new(config.clone());
    assert_eq!(built.is_ok(), valid, "Linter::new on {config:?}: {built:?}");
    // An invalid config is made valid so the text still gets analysed.
    let linter = built.unwrap_or_else(|_| {
        let mut c = config.clone();
        for t in [
            &mut c.thresholds.salesy,
            &mut c.thresholds.personal,
            &mut c.thresholds.conversational,
            &mut c.thresholds.identity_reflecting,
        ] {
            if !(0.0..=1.0).contains(t) {
                *t = 0.5;
            }
        }
        for list in [&mut c.brands, &mut c.extra_sales_phrases, &mut c.allow] {
            list.retain(|p| valid_phrase(p));
        }
        Linter::new(c).expect("a sanitised config is valid")
    });
    let config = linter.config();
    let mut text = input.text.to_owned();
    for &(list, idx, times) in input.splices.iter().take(16) {
        let list = match list % 3 {
            0 => &config.brands,
            1 => &config.extra_sales_phrases,
            _ => &config.allow,
        };
        if list.is_empty() {
            continue;
        }
        let phrase = &list[usize::from(idx) % list.len()];
        for _ in 0..times % 32 {
            text.push_str(phrase);
            text.push(if times & 1 == 0 { ' ' } else { '!' });
        }
    }
    let r = linter.analyze(&text);
    check_report(&text, &r);
    assert_eq!(r, linter.analyze(&text), "not deterministic");
    for d in postlint::Dimension::ALL {
        assert_eq!(
            r.labels.get(d),
            r.scores.get(d) >= linter.threshold(d),
            "label {d}"
        );
    }
    for d in &r.diagnostics {
        let level = config.level(&d.rule);
        assert_eq!(
            level.severity(),
            Some(d.severity),
            "{d:?} at level {level:?}"
        );
    }
    if *config == Config::default() {
        assert_eq!(r, analyze(&text), "a default Linter differs from analyze()");
    }
});
