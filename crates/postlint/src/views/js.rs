//! What the JavaScript package shows and reads, kept in the core so the
//! WebAssembly binding stays glue and the shapes are tested natively:
//! camelCase names ([`js_key`], [`dimension_name`]), the report and rule
//! views, the packed report transport ([`pack`]), options objects
//! ([`js_options`]) and the fixes of a report handed back ([`fixes_of`]).

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::config::{Config, ConfigError, ConfigValue};
use crate::custom::RuleSummary;
use crate::features::Context;
use crate::fix::Fix;
use crate::length::Length;
use crate::report::{Dimension, Language, Report, Severity, Span};
use crate::rules::RuleInfo;

/// The JavaScript name of a dimension: the same spelling as the keys of
/// `Scores`, so `report.scores[rule.dimension]` works.
pub fn dimension_name(d: Dimension) -> &'static str {
    match d {
        Dimension::Salesy => "salesy",
        Dimension::Personal => "personal",
        Dimension::Conversational => "conversational",
        Dimension::IdentityReflecting => "identityReflecting",
    }
}

/// The JavaScript name of a severity (the same as the core's).
pub fn severity_name(s: Severity) -> &'static str {
    s.as_str()
}

/// `Scores` and `Labels` in JavaScript's spelling.
#[derive(Serialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Four<T> {
    salesy: T,
    personal: T,
    conversational: T,
    identity_reflecting: T,
}

/// A `Diagnostic` as JavaScript sees it.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsDiagnostic<'a> {
    /// The rule id.
    pub rule: &'a str,
    severity: &'static str,
    /// First UTF-16 offset flagged.
    pub start: u32,
    /// First UTF-16 offset after the flagged text.
    pub end: u32,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestion: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsFix<'a>>,
}

/// A `Fix` as JavaScript sees it.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsFix<'a> {
    start: u32,
    end: u32,
    replacement: &'a str,
}

/// An `Evidence` item as JavaScript sees it.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsEvidence<'a> {
    dimension: &'static str,
    signal: &'a str,
    start: u32,
    end: u32,
    weight: f64,
}

/// A `Report` as JavaScript sees it; borrows from a UTF-16 [`Report`].
#[derive(Serialize, Debug, PartialEq)]
pub struct JsReportView<'a> {
    scores: Four<f64>,
    labels: Four<bool>,
    language: &'static str,
    /// The diagnostics, in the report's order.
    pub diagnostics: Vec<JsDiagnostic<'a>>,
    evidence: Vec<JsEvidence<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    length: Option<Length>,
}

/// A rule of the catalogue as JavaScript sees it: `RuleInfo` for the
/// module's `rules()`, with `severity` and `custom` for a configured
/// `Linter`'s `rules()`.
#[derive(Serialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct JsRule {
    /// The rule id.
    pub id: String,
    /// The dimension's JavaScript name; `None` for a custom rule without one.
    pub dimension: Option<&'static str>,
    /// The severity the rule has by default.
    pub default_severity: &'static str,
    /// What the rule catches.
    pub description: String,
    /// The severity under the linter's config, `None` when off; only in a
    /// `Linter`'s catalogue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<Option<&'static str>>,
    /// True for the config's own rules; only in a `Linter`'s catalogue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom: Option<bool>,
}

impl From<&RuleInfo> for JsRule {
    fn from(r: &RuleInfo) -> Self {
        JsRule {
            id: r.id.to_owned(),
            dimension: Some(dimension_name(r.dimension)),
            default_severity: severity_name(r.default_severity),
            description: r.description.to_owned(),
            severity: None,
            custom: None,
        }
    }
}

impl From<&RuleSummary> for JsRule {
    fn from(r: &RuleSummary) -> Self {
        JsRule {
            id: r.id.clone(),
            dimension: r.dimension.map(dimension_name),
            default_severity: severity_name(r.default_severity),
            description: r.description.clone(),
            severity: Some(r.severity.map(severity_name)),
            custom: Some(r.custom),
        }
    }
}

/// The module's `rules()`: the built-in catalogue.
pub fn builtin_rules() -> Vec<JsRule> {
    crate::rules::rules().iter().map(JsRule::from).collect()
}

/// A `Linter`'s `rules()`: built-in then custom rules, with the severity
/// each runs at under `config`.
pub fn configured_rules(config: &Config) -> Vec<JsRule> {
    config.rule_catalogue().iter().map(JsRule::from).collect()
}

/// JavaScript strings are at most 2^30 code units long in every engine, so
/// UTF-16 offsets always fit; saturate rather than panic all the same.
fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl<'a> JsReportView<'a> {
    /// Views `report`, whose spans must already be in UTF-16 units.
    pub fn new(report: &'a Report) -> Self {
        let s = &report.scores;
        let l = &report.labels;
        JsReportView {
            scores: Four {
                salesy: s.salesy,
                personal: s.personal,
                conversational: s.conversational,
                identity_reflecting: s.identity_reflecting,
            },
            labels: Four {
                salesy: l.salesy,
                personal: l.personal,
                conversational: l.conversational,
                identity_reflecting: l.identity_reflecting,
            },
            language: report.language.as_str(),
            diagnostics: report
                .diagnostics
                .iter()
                .map(|d| JsDiagnostic {
                    rule: &d.rule,
                    severity: severity_name(d.severity),
                    start: offset(d.span.start),
                    end: offset(d.span.end),
                    message: &d.message,
                    suggestion: d.suggestion.as_deref(),
                    fix: d.fix.as_ref().map(|f| JsFix {
                        start: offset(f.span.start),
                        end: offset(f.span.end),
                        replacement: &f.replacement,
                    }),
                })
                .collect(),
            evidence: report
                .evidence
                .iter()
                .map(|e| JsEvidence {
                    dimension: dimension_name(e.dimension),
                    signal: &e.signal,
                    start: offset(e.span.start),
                    end: offset(e.span.end),
                    weight: e.weight,
                })
                .collect(),
            length: report.length,
        }
    }
}

/// The core's snake_case key paths in the spelling a JavaScript caller uses
/// (`extra_sales_phrases[0]` → `extraSalesPhrases[0]`,
/// `thresholds.identity_reflecting` → `thresholds.identityReflecting`).
/// Only the keys with a camelCase alias are renamed: unknown keys and rule
/// ids are the caller's own text and stay as they were.
pub fn js_key(key: &str) -> String {
    for (snake, camel) in [
        ("extra_sales_phrases", "extraSalesPhrases"),
        ("custom_rules", "customRules"),
        ("max_length", "maxLength"),
    ] {
        if let Some(rest) = key.strip_prefix(snake) {
            if rest.is_empty() || rest.starts_with(['[', '.']) {
                return format!("{camel}{rest}");
            }
        }
    }
    if key == "thresholds.identity_reflecting" {
        return "thresholds.identityReflecting".to_owned();
    }
    key.to_owned()
}

/// A config error as JavaScript shows it: the message, and the key (in
/// JavaScript's spelling) or `None` when the value as a whole is unusable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsConfigError {
    /// The message, naming the key.
    pub message: String,
    /// The offending key, e.g. `thresholds.identityReflecting`.
    pub key: Option<String>,
}

impl From<&ConfigError> for JsConfigError {
    fn from(e: &ConfigError) -> Self {
        match e {
            ConfigError::Invalid { key, message } => {
                let key = js_key(key);
                JsConfigError {
                    message: format!("config key `{key}`: {message}"),
                    key: Some(key),
                }
            }
            other => JsConfigError {
                message: other.to_string(),
                key: None,
            },
        }
    }
}

impl From<ConfigError> for JsConfigError {
    fn from(e: ConfigError) -> Self {
        Self::from(&e)
    }
}

/// A JavaScript config object (already a [`ConfigValue`]): `null` and
/// `undefined` are the default config, anything but an object is refused.
pub fn js_config(value: ConfigValue) -> Result<Config, JsConfigError> {
    match value {
        ConfigValue::Null => Ok(Config::default()),
        ConfigValue::Object(_) => Ok(Config::from_value(&value)?),
        _ => Err(JsConfigError {
            message: "config must be an object like { rules: { ... }, brands: [...] }".to_owned(),
            key: None,
        }),
    }
}

/// The [`Context`] of an `analyze` options object: its `reply`, which must
/// be a boolean when set. Other keys are not read.
pub fn js_context(options: &ConfigValue) -> Result<Context, JsConfigError> {
    let ConfigValue::Object(entries) = options else {
        return Ok(Context::default());
    };
    match entries.iter().rev().find(|(k, _)| k == "reply") {
        None => Ok(Context::default()),
        Some((_, ConfigValue::Bool(reply))) => Ok(Context { reply: *reply }),
        Some(_) => Err(JsConfigError {
            message: "option `reply`: must be true or false".to_owned(),
            key: Some("reply".to_owned()),
        }),
    }
}

/// The options of the one-shot `analyze`: `reply` goes into the
/// [`Context`], the rest is the config, `None` when nothing is set (the
/// default linter then serves).
pub fn js_options(value: ConfigValue) -> Result<(Option<Config>, Context), JsConfigError> {
    let ctx = js_context(&value)?;
    let value = match value {
        ConfigValue::Null => return Ok((None, ctx)),
        ConfigValue::Object(mut entries) if entries.iter().any(|(k, _)| k == "reply") => {
            entries.retain(|(k, _)| k != "reply");
            if entries.is_empty() {
                return Ok((None, ctx));
            }
            ConfigValue::Object(entries)
        }
        other => other,
    };
    Ok((Some(js_config(value)?), ctx))
}

/// The fixes of a JavaScript `Report` handed back (UTF-16 offsets), in
/// order; the rest of the report is not read. The error says what is wrong
/// where (`diagnostics[2].fix.start: ...`).
pub fn fixes_of(report: &ConfigValue) -> Result<Vec<Fix>, String> {
    fn member<'v>(v: &'v ConfigValue, key: &str) -> Option<&'v ConfigValue> {
        match v {
            ConfigValue::Object(entries) => {
                entries.iter().rev().find(|(k, _)| k == key).map(|e| &e.1)
            }
            _ => None,
        }
    }
    let whole = |v: Option<&ConfigValue>, at: &str| match v {
        Some(&ConfigValue::Int(n)) if n >= 0 => Ok(n as usize),
        _ => Err(format!("`{at}` must be a whole number of at least 0")),
    };
    let Some(ConfigValue::Array(diagnostics)) = member(report, "diagnostics") else {
        return Err("`diagnostics` must be a list".to_owned());
    };
    let mut fixes = Vec::new();
    for (i, d) in diagnostics.iter().enumerate() {
        let fix = match member(d, "fix") {
            None | Some(ConfigValue::Null) => continue,
            Some(fix) => fix,
        };
        let at = |key: &str| format!("diagnostics[{i}].fix.{key}");
        let start = whole(member(fix, "start"), &at("start"))?;
        let end = whole(member(fix, "end"), &at("end"))?;
        let Some(ConfigValue::Str(replacement)) = member(fix, "replacement") else {
            return Err(format!("`{}` must be a string", at("replacement")));
        };
        fixes.push(Fix {
            span: Span { start, end },
            replacement: replacement.clone(),
        });
    }
    Ok(fixes)
}

/// Codes of the packed form; js/shell.js has the same tables.
const SEVERITY_CODES: [Severity; 3] = [Severity::Info, Severity::Warning, Severity::Error];
const DIMENSION_CODES: [Dimension; 4] = Dimension::ALL;
const LANGUAGE_CODES: [Language; 2] = [Language::En, Language::Other];

fn code<T: PartialEq>(table: &[T], value: &T) -> f64 {
    table.iter().position(|x| x == value).unwrap_or(0) as f64
}

/// A report in the packed transport form: every number in one `f64` list,
/// every string once in a list that crosses as one JSON array. serde-wasm-
/// bindgen builds a report field by field, two or three calls into
/// JavaScript per field; on a 280-character draft that was ~40% of the time
/// (README.md, "Performance"). Packed, a report crosses in a few calls and
/// js/shell.js rebuilds the very same object.
///
/// Numbers, in order (strings are indices into the string list, codes index
/// [`SEVERITY_CODES`] and [`DIMENSION_CODES`]):
///
/// * 4 scores, then 4 labels as 0/1 (salesy, personal, conversational,
///   identity-reflecting);
/// * the number of diagnostics, then per diagnostic: rule, severity code,
///   start, end, message, suggestion (-1 when there is none), fix start
///   (-1 when there is no fix), fix end, fix replacement;
/// * the number of evidence items, then per item: dimension code, signal,
///   start, end, weight;
/// * 0 without a platform, or 1 then the length: platform name, count, limit;
/// * the language code (0 `en`, 1 `other`).
///
/// `report`'s spans must already be UTF-16 offsets; they are copied as they are.
pub fn pack<'a>(report: &'a Report) -> (Vec<f64>, Vec<&'a str>) {
    let mut strings: Vec<&str> = Vec::new();
    // Keyed by `Box<str>` to `u32`, the map type the model already has:
    // one instance of hashbrown's code instead of another (~2 KB of wasm)
    // for a copy of each distinct string.
    let mut index: FxHashMap<Box<str>, u32> = FxHashMap::default();
    let mut intern = |s: &'a str| {
        let at = match index.get(s) {
            Some(&at) => at,
            None => {
                let at = strings.len() as u32;
                index.insert(s.into(), at);
                strings.push(s);
                at
            }
        };
        f64::from(at)
    };
    let s = &report.scores;
    let l = &report.labels;
    let mut n = Vec::with_capacity(10 + 9 * report.diagnostics.len() + 5 * report.evidence.len());
    n.extend([
        s.salesy,
        s.personal,
        s.conversational,
        s.identity_reflecting,
    ]);
    n.extend(
        [
            l.salesy,
            l.personal,
            l.conversational,
            l.identity_reflecting,
        ]
        .map(|b| f64::from(u8::from(b))),
    );
    n.push(report.diagnostics.len() as f64);
    for d in &report.diagnostics {
        n.push(intern(&d.rule));
        n.push(code(&SEVERITY_CODES, &d.severity));
        n.push(d.span.start as f64);
        n.push(d.span.end as f64);
        n.push(intern(&d.message));
        n.push(d.suggestion.as_deref().map_or(-1.0, &mut intern));
        match &d.fix {
            Some(f) => n.extend([
                f.span.start as f64,
                f.span.end as f64,
                intern(&f.replacement),
            ]),
            None => n.extend([-1.0, -1.0, -1.0]),
        }
    }
    n.push(report.evidence.len() as f64);
    for e in &report.evidence {
        n.push(code(&DIMENSION_CODES, &e.dimension));
        n.push(intern(&e.signal));
        n.push(e.span.start as f64);
        n.push(e.span.end as f64);
        n.push(e.weight);
    }
    match &report.length {
        None => n.push(0.0),
        Some(l) => {
            let platform = intern(l.platform.as_str());
            n.extend([1.0, platform, l.count as f64, l.limit as f64]);
        }
    }
    n.push(code(&LANGUAGE_CODES, &report.language));
    (n, strings)
}

/// [`pack`] with the string list as one JSON array, as it crosses.
pub fn pack_json(report: &Report) -> (Vec<f64>, String) {
    let (numbers, strings) = pack(report);
    // A list of plain strings always serializes.
    let strings = serde_json::to_string(&strings).unwrap_or_else(|_| "[]".to_owned());
    (numbers, strings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offsets::OffsetUnit;

    fn json(src: &str) -> ConfigValue {
        ConfigValue::from(serde_json::from_str::<serde_json::Value>(src).unwrap())
    }

    #[test]
    fn keys_use_javascript_spelling() {
        assert_eq!(js_key("extra_sales_phrases[2]"), "extraSalesPhrases[2]");
        assert_eq!(
            js_key("thresholds.identity_reflecting"),
            "thresholds.identityReflecting"
        );
        assert_eq!(js_key("custom_rules[0].id"), "customRules[0].id");
        assert_eq!(js_key("max_length"), "maxLength");
        assert_eq!(js_key("rules.hard-sell"), "rules.hard-sell");
        assert_eq!(js_key("brands"), "brands");
        assert_eq!(js_key("rules.my_rule"), "rules.my_rule");
        assert_eq!(js_key("extra_sales_phrasesX"), "extra_sales_phrasesX");
    }

    fn error_of(src: &str) -> JsConfigError {
        js_options(json(src)).unwrap_err()
    }

    #[test]
    fn config_errors_name_the_key_in_the_message() {
        let e = error_of(r#"{ "extraSalesPhrases": ["  "] }"#);
        assert_eq!(e.key.as_deref(), Some("extraSalesPhrases[0]"));
        assert!(
            e.message.contains("`extraSalesPhrases[0]`"),
            "{}",
            e.message
        );
        for (src, key) in [
            (r#"{ "nope": 1 }"#, "nope"),
            (r#"{ "thresholds": { "nope": 1 } }"#, "thresholds.nope"),
            (
                r#"{ "thresholds": { "thresholds": 1 } }"#,
                "thresholds.thresholds",
            ),
            (r#"{ "rules": { "nope": "off" } }"#, "rules.nope"),
            (
                r#"{ "thresholds": { "identityReflecting": 2 } }"#,
                "thresholds.identityReflecting",
            ),
            (r#"{ "reply": 1 }"#, "reply"),
        ] {
            let e = error_of(src);
            assert_eq!(e.key.as_deref(), Some(key), "{src}");
            assert!(e.message.contains(&format!("`{key}`")), "{}", e.message);
        }
        for src in ["3", "\"rules\"", "true", "[1, 2]"] {
            let e = error_of(src);
            assert_eq!(e.key, None, "{src}");
            assert!(
                e.message.starts_with("config must be an object"),
                "{}",
                e.message
            );
        }
    }

    #[test]
    fn options_split_off_reply() {
        let (config, ctx) = js_options(json(r#"{ "reply": true }"#)).unwrap();
        assert!(config.is_none() && ctx.reply);
        let (config, ctx) = js_options(json(r#"{ "reply": false, "brands": ["Acme"] }"#)).unwrap();
        assert_eq!(config.unwrap().brands, ["Acme"]);
        assert!(!ctx.reply);
        let (config, ctx) = js_options(ConfigValue::Null).unwrap();
        assert!(config.is_none() && !ctx.reply);
        assert_eq!(js_options(json("{}")).unwrap().0, Some(Config::default()));
    }

    #[test]
    fn fixes_are_read_back_from_a_report() {
        let text = "BUY NOW!!! 50% off";
        let report = crate::analyze(text).with_offsets(text, OffsetUnit::Utf16);
        let back = json(&serde_json::to_string(&JsReportView::new(&report)).unwrap());
        let expected: Vec<Fix> = report
            .diagnostics
            .iter()
            .filter_map(|d| d.fix.clone())
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(fixes_of(&back).unwrap(), expected);
        assert!(fixes_of(&json("42")).is_err());
        let bad =
            json(r#"{ "diagnostics": [{ "fix": { "start": -1, "end": 2, "replacement": "" } }] }"#);
        assert_eq!(
            fixes_of(&bad).unwrap_err(),
            "`diagnostics[0].fix.start` must be a whole number of at least 0"
        );
    }

    #[test]
    fn report_view_is_camel_case_with_utf16_offsets() {
        let text = "🎉 HUGE SALE!!! Buy now, 50% off, today only!";
        let report = crate::analyze(text).with_offsets(text, OffsetUnit::Utf16);
        let view = JsReportView::new(&report);
        let json = serde_json::to_value(&view).unwrap();
        assert!(json["scores"]["identityReflecting"].is_number());
        assert!(json["labels"]["identityReflecting"].is_boolean());
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let hard_sell = view
            .diagnostics
            .iter()
            .find(|d| d.rule == "hard-sell")
            .expect("hard-sell is flagged");
        let flagged =
            String::from_utf16(&utf16[hard_sell.start as usize..hard_sell.end as usize]).unwrap();
        assert_eq!(flagged.to_lowercase(), "buy now");
        // No suggestion means no key at all (`suggestion?: string`).
        for d in json["diagnostics"].as_array().unwrap() {
            if let Some(s) = d.get("suggestion") {
                assert!(s.is_string());
            }
        }
    }

    /// What js/shell.js's `unpack` does, in Rust.
    fn unpack(n: &[f64], strings: &[&str]) -> serde_json::Value {
        use serde_json::{json, Map, Value};
        let dims = ["salesy", "personal", "conversational", "identityReflecting"];
        let sevs = ["info", "warning", "error"];
        let four = |at: usize, f: &dyn Fn(f64) -> Value| {
            let mut m = Map::new();
            for (k, d) in dims.iter().enumerate() {
                m.insert(d.to_string(), f(n[at + k]));
            }
            Value::Object(m)
        };
        let mut i = 8;
        let mut diagnostics = Vec::new();
        for _ in 0..n[i] as usize {
            let mut d = json!({
                "rule": strings[n[i + 1] as usize],
                "severity": sevs[n[i + 2] as usize],
                "start": n[i + 3], "end": n[i + 4],
                "message": strings[n[i + 5] as usize],
            });
            if n[i + 6] >= 0.0 {
                d["suggestion"] = json!(strings[n[i + 6] as usize]);
            }
            if n[i + 7] >= 0.0 {
                d["fix"] = json!({
                    "start": n[i + 7], "end": n[i + 8],
                    "replacement": strings[n[i + 9] as usize],
                });
            }
            diagnostics.push(d);
            i += 9;
        }
        i += 1;
        let mut evidence = Vec::new();
        for _ in 0..n[i] as usize {
            evidence.push(json!({
                "dimension": dims[n[i + 1] as usize],
                "signal": strings[n[i + 2] as usize],
                "start": n[i + 3], "end": n[i + 4], "weight": n[i + 5],
            }));
            i += 5;
        }
        let mut report = json!({
            "scores": four(0, &|x| json!(x)),
            "labels": four(4, &|x| json!(x == 1.0)),
            "diagnostics": diagnostics,
            "evidence": evidence,
        });
        i += 1;
        if n[i] == 1.0 {
            report["length"] = json!({
                "platform": strings[n[i + 1] as usize],
                "count": n[i + 2], "limit": n[i + 3],
            });
            i += 3;
        }
        i += 1;
        report["language"] = json!(["en", "other"][n[i] as usize]);
        assert_eq!(i + 1, n.len(), "every number is read");
        report
    }

    /// Numbers compare as f64 (the packed form has no integers).
    fn as_f64(v: serde_json::Value) -> serde_json::Value {
        match v {
            serde_json::Value::Number(x) => serde_json::json!(x.as_f64().unwrap()),
            serde_json::Value::Array(a) => a.into_iter().map(as_f64).collect(),
            serde_json::Value::Object(o) => o.into_iter().map(|(k, v)| (k, as_f64(v))).collect(),
            other => other,
        }
    }

    #[test]
    fn packed_form_unpacks_to_the_report_view() {
        for text in [
            "",
            "🎉 HUGE SALE!!! Buy now, 50% off everything, today only! #sale #deal #shop #buy",
            "We are proud to announce our award-winning app. I love it. What do you think?",
            "Thanks!",
            "👩🏽‍💻 SO MUCH NEWS TODAY!!! #a #b #c #d #e #f #g",
        ] {
            for platform in [None, Some(crate::Platform::X)] {
                let config = Config {
                    platform,
                    max_length: platform.map(|_| 20),
                    ..Config::default()
                };
                let report = crate::Linter::new(config)
                    .unwrap()
                    .analyze(text)
                    .with_offsets(text, OffsetUnit::Utf16);
                let (numbers, strings) = pack(&report);
                let expected = as_f64(serde_json::to_value(JsReportView::new(&report)).unwrap());
                assert_eq!(unpack(&numbers, &strings), expected, "{text}");
                let unique: std::collections::HashSet<_> = strings.iter().collect();
                assert_eq!(unique.len(), strings.len(), "strings are interned");
                let (_, json) = pack_json(&report);
                let back: Vec<String> = serde_json::from_str(&json).unwrap();
                assert_eq!(back, strings);
            }
        }
    }

    #[test]
    fn rule_catalogue_uses_javascript_names() {
        let rules = builtin_rules();
        assert!(!rules.is_empty());
        let json = serde_json::to_value(&rules).unwrap();
        assert!(json[0]["defaultSeverity"].is_string());
        assert!(json[0].get("custom").is_none() && json[0].get("severity").is_none());
        for r in &rules {
            assert!(r
                .dimension
                .is_some_and(|d| Dimension::ALL.map(dimension_name).contains(&d)));
        }
    }

    #[test]
    fn a_linters_catalogue_lists_its_custom_rules() {
        let config = Config::from_json(
            r#"{"customRules": [{"id": "say-sturdy", "phrases": ["flimsy"], "severity": "warning",
                "message": "Say {text} less"}], "rules": {"shouting": "off"}}"#,
        )
        .unwrap();
        let rules = serde_json::to_value(configured_rules(&config)).unwrap();
        let rules = rules.as_array().unwrap();
        assert_eq!(rules.len(), builtin_rules().len() + 1);
        let mine = rules.last().unwrap();
        assert_eq!(mine["id"], "say-sturdy");
        assert_eq!(mine["custom"], true);
        assert_eq!(mine["severity"], "warning");
        assert_eq!(mine["dimension"], serde_json::Value::Null);
        let shouting = rules.iter().find(|r| r["id"] == "shouting").unwrap();
        assert_eq!(shouting["severity"], serde_json::Value::Null);
        assert_eq!(shouting["custom"], false);
    }
}
