//! twitter-text's conformance suite (tests/fixtures/twitter-text, Apache-2.0,
//! see its NOTICE) run on postlint's tokenizer.
//!
//! `extract.yml`: the mention, hashtag, cashtag and URL sections and their
//! `_with_indices` variants. Each case's entities are the tokens of that kind;
//! a mention, hashtag or cashtag token includes its sigil, which twitter-text's
//! plain lists leave out and its indices keep. twitter-text counts indices in
//! code points (its Ruby and Java ports; the JS port converts from UTF-16), so
//! token spans are converted with `OffsetUnit::Chars` before comparing. (Every
//! `_with_indices` case is in the Basic Multilingual Plane, where code points and
//! UTF-16 units agree.)
//!
//! The suite's README asks implementations to read the files at test time
//! rather than convert them into static tests; this runner does.
//!
//! Cases postlint does not follow are listed in `KNOWN` with the reason and
//! the output postlint gives: the test fails when any other case fails, and
//! also when a listed case starts passing or its output changes, so the list
//! stays true.

use std::collections::BTreeMap;
use std::path::PathBuf;

use postlint::{tokenize, OffsetMapper, OffsetUnit, TokenKind};
use yaml_rust2::{Yaml, YamlLoader};

fn fixture(name: &str) -> Yaml {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/twitter-text")
        .join(name);
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    YamlLoader::load_from_str(&src)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .remove(0)
}

/// The sections of extract.yml this runner covers, and the token kind each
/// one extracts.
const SECTIONS: [(&str, TokenKind); 11] = [
    ("mentions", TokenKind::Mention),
    ("mentions_with_indices", TokenKind::Mention),
    ("urls", TokenKind::Url),
    ("urls_with_indices", TokenKind::Url),
    ("urls_with_directional_markers", TokenKind::Url),
    ("tco_urls_with_params", TokenKind::Url),
    ("hashtags", TokenKind::Hashtag),
    ("hashtags_from_astral", TokenKind::Hashtag),
    ("hashtags_with_indices", TokenKind::Hashtag),
    ("cashtags", TokenKind::Cashtag),
    ("cashtags_with_indices", TokenKind::Cashtag),
];

/// Cases postlint deliberately or knowingly does not follow:
/// `(section, description, postlint's output, why)`.
const KNOWN: &[(&str, &str, &str, &str)] = &[];

/// What postlint extracts for one case, in the same shape as the expected
/// value, rendered as text for comparison and for the KNOWN list.
fn actual(text: &str, kind: TokenKind, with_indices: bool) -> String {
    let mapper = OffsetMapper::new(text, OffsetUnit::Chars);
    let items: Vec<String> = tokenize(text)
        .into_iter()
        .filter(|t| t.kind == kind)
        .map(|t| {
            let s = t.text(text);
            let value = if kind == TokenKind::Url {
                s
            } else {
                // The sigil: '@', '#', '$' or a full-width '＠', '＃'.
                let mut c = s.chars();
                c.next();
                c.as_str()
            };
            if with_indices {
                format!(
                    "{value:?}@[{}, {}]",
                    mapper.convert(t.span.start),
                    mapper.convert(t.span.end)
                )
            } else {
                format!("{value:?}")
            }
        })
        .collect();
    format!("[{}]", items.join(", "))
}

fn expected(value: &Yaml, with_indices: bool) -> String {
    let items: Vec<String> = value
        .as_vec()
        .expect("expected is a list")
        .iter()
        .map(|item| {
            if let Some(s) = item.as_str() {
                return format!("{s:?}");
            }
            let h = item.as_hash().expect("an entity");
            let get = |k: &str| h.get(&Yaml::String(k.to_owned()));
            let name = ["url", "hashtag", "cashtag", "screen_name"]
                .iter()
                .find_map(|k| get(k).and_then(Yaml::as_str))
                .expect("entity text");
            let idx = get("indices").and_then(Yaml::as_vec).expect("indices");
            assert!(with_indices);
            format!(
                "{name:?}@[{}, {}]",
                idx[0].as_i64().unwrap(),
                idx[1].as_i64().unwrap()
            )
        })
        .collect();
    format!("[{}]", items.join(", "))
}

#[test]
fn extract_conformance() {
    let doc = fixture("extract.yml");
    let tests = &doc["tests"];
    let mut unexpected = Vec::new();
    let mut known_seen = Vec::new();
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let (mut passed, mut total) = (0, 0);
    for (section, kind) in SECTIONS {
        let cases = tests[section]
            .as_vec()
            .unwrap_or_else(|| panic!("{section}"));
        let with_indices =
            section.ends_with("_with_indices") || section == "urls_with_directional_markers";
        for case in cases {
            let desc = case["description"].as_str().unwrap();
            let text = case["text"].as_str().unwrap();
            let want = expected(&case["expected"], with_indices);
            let got = actual(text, kind, with_indices);
            let ok = got == want;
            let entry = counts.entry(section).or_default();
            entry.1 += 1;
            total += 1;
            if ok {
                entry.0 += 1;
                passed += 1;
            }
            let known = KNOWN
                .iter()
                .find(|(s, d, _, _)| *s == section && *d == desc);
            match (ok, known) {
                (true, None) => {}
                (false, None) => unexpected.push(format!(
                    "{section}: {desc}\n  text:     {text:?}\n  expected: {want}\n  got:      {got}"
                )),
                (true, Some(_)) => unexpected.push(format!(
                    "{section}: {desc}: listed as a known deviation but passes now; remove it from KNOWN"
                )),
                (false, Some((_, _, out, _))) => {
                    known_seen.push(desc);
                    if *out != got {
                        unexpected.push(format!(
                            "{section}: {desc}: known deviation's output changed\n  listed: {out}\n  got:    {got}"
                        ));
                    }
                }
            }
        }
    }
    for (section, (p, t)) in &counts {
        eprintln!("{section:32} {p:3} / {t:3}");
    }
    eprintln!("{:32} {passed:3} / {total:3}", "total");
    for (s, d, _, _) in KNOWN {
        assert!(
            known_seen.contains(d),
            "KNOWN lists {s}: {d}, which is not a failing case of the suite"
        );
    }
    assert!(
        unexpected.is_empty(),
        "{} unexpected result(s):\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
    assert!(
        passed * 100 >= total * 99,
        "{passed} of {total} pass, under 99%"
    );
}

/// `validate.yml`'s weighted-length cases with emoji discounted (twitter-text
/// v3, the counting postlint uses for `platform = "x"`): the weighted length
/// must match, and for a draft over 280 the part past the limit must start
/// right after twitter-text's `validRangeEnd` (UTF-16 units, as that field
/// is). Deviations: `(description, postlint's count, why)`.
/// (None since the count follows twitter-text's NFC normalisation.)
const KNOWN_WEIGHTED: &[(&str, usize, &str)] = &[];

#[test]
fn weighted_length_conformance() {
    use postlint::{length::measure, Platform};
    let doc = fixture("validate.yml");
    let cases = doc["tests"]["WeightedTweetsWithDiscountedEmojiCounterTest"]
        .as_vec()
        .expect("the weighted-length section");
    let mut problems = Vec::new();
    let mut passed = 0;
    for case in cases {
        let desc = case["description"].as_str().unwrap();
        let text = case["text"].as_str().unwrap();
        let want = case["expected"]["weightedLength"].as_i64().unwrap() as usize;
        let valid_end = case["expected"]["validRangeEnd"].as_i64().unwrap() as usize;
        let l = measure(text, &tokenize(text), Platform::X, None);
        let utf16 = OffsetMapper::new(text, OffsetUnit::Utf16);
        let overflow_ok = if want > 280 {
            l.overflow.map(|s| utf16.convert(s.start)) == Some(valid_end + 1)
        } else {
            l.overflow.is_none()
        };
        let ok = l.count == want && overflow_ok;
        passed += usize::from(ok);
        match (ok, KNOWN_WEIGHTED.iter().find(|k| k.0 == desc)) {
            (true, None) => {}
            (true, Some(_)) => {
                problems.push(format!("{desc}: passes now; remove it from KNOWN_WEIGHTED"))
            }
            (false, Some(k)) if k.1 == l.count => {}
            _ => problems.push(format!(
                "{desc}: expected {want} (valid range ends at {valid_end}), got {} (overflow {:?})",
                l.count,
                l.overflow.map(|s| utf16.convert(s.start))
            )),
        }
    }
    eprintln!(
        "WeightedTweetsWithDiscountedEmojiCounterTest {passed} / {}",
        cases.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The X counting follows twitter-text's default config (`config-v3.json`):
/// its limit, its URL length, and the weight of every range edge.
#[test]
fn x_counting_follows_config_v3() {
    use postlint::{length::measure, Platform};
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/twitter-text/config-v3.json");
    let config: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let n = |k: &str| config[k].as_u64().unwrap() as usize;
    let x = |text: &str| measure(text, &tokenize(text), Platform::X, None);
    assert_eq!(Platform::X.default_limit(), n("maxWeightedTweetLength"));
    assert_eq!(
        x("http://example.com/path").count,
        n("transformedURLLength")
    );
    let (scale, default) = (n("scale"), n("defaultWeight"));
    for range in config["ranges"].as_array().unwrap() {
        let (start, end) = (
            range["start"].as_u64().unwrap() as u32,
            range["end"].as_u64().unwrap() as u32,
        );
        let weight = range["weight"].as_u64().unwrap() as usize;
        for cp in [start, end] {
            if let Some(c) = char::from_u32(cp) {
                assert_eq!(x(&c.to_string()).count * scale, weight, "U+{cp:04X}");
            }
        }
        if let Some(c) = char::from_u32(end + 1) {
            let inside_next = config["ranges"].as_array().unwrap().iter().any(|r| {
                (r["start"].as_u64().unwrap()..=r["end"].as_u64().unwrap())
                    .contains(&u64::from(end + 1))
            });
            if !inside_next {
                assert_eq!(
                    x(&c.to_string()).count * scale,
                    default,
                    "U+{:04X}",
                    end + 1
                );
            }
        }
    }
}
