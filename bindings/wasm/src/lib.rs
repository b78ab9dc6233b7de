//! WebAssembly binding of [postlint](postlint), published to npm as `postlint`.
//!
//! A thin shell: one entry type ([`JsLinter`], `Linter` in JavaScript), a
//! one-shot [`analyze`] and the rule catalogue ([`rules`]). Everything the
//! linter decides happens in the core crate; this crate only
//!
//! * turns a JavaScript options object into a [`postlint::Config`] (through
//!   [`postlint::Config::from_json_value`], so every binding gets the same
//!   checks and messages),
//! * asks the core for UTF-16 offsets ([`postlint::Report::with_offsets`], the
//!   only place offsets are converted), and
//! * renames fields to JavaScript's camelCase (`identityReflecting`,
//!   `defaultSeverity`) on the way out, via serde-wasm-bindgen.
//!
//! # Panics
//!
//! `wasm32-unknown-unknown` builds with `panic = "abort"`, so
//! `catch_unwind` cannot catch anything there. The exported functions are
//! written not to panic (every fallible step returns a `Result` that becomes
//! a thrown `Error`). As a backstop, a panic hook installed at start-up
//! schedules a re-instantiation of the module (wasm-bindgen's
//! `schedule_reinit`) and throws a JavaScript `Error` named `PanicError`
//! carrying the panic message, so the caller gets an ordinary exception.
//! The package's small JavaScript shell (`js/shell.js`) then makes the swap
//! to a fresh instance happen at once and rebuilds `Linter`s made before it.
//! See the package README, "Panics".
#![forbid(unsafe_code)]

use postlint::{Config, ConfigError, Dimension, Language, OffsetUnit, Report, RuleInfo, Severity};
use serde::Serialize;
use wasm_bindgen::prelude::*;

// ---------------------------------------------------------------------------
// TypeScript: hand-written, precise types for every value crossing the
// boundary. wasm-bindgen appends this verbatim to the generated `.d.ts`.
// ---------------------------------------------------------------------------

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** The four dimensions; also the keys of `Scores` and `Labels`. */
export type Dimension = "salesy" | "personal" | "conversational" | "identityReflecting";

/** How serious a diagnostic is. */
export type Severity = "error" | "warning" | "info";

/** A rule's level in a `Config`: a severity, or `"off"`. */
export type RuleLevel = "off" | Severity;

/**
 * A custom rule's id (`Config.customRules`): kebab-case, not a built-in id.
 * `string & {}` keeps editors suggesting the built-in ids.
 */
export type CustomRuleId = string & {};

/** Rule ids of the built-in catalogue (see `rules()`). */
export type RuleId =
  | "hard-sell"
  | "urgency"
  | "discount"
  | "engagement-bait"
  | "needy"
  | "vanity-metrics"
  | "brag"
  | "self-centered"
  | "link-only"
  | "all-business"
  | "robotic"
  | "shouting"
  | "hashtag-stuffing"
  | "missed-conversation"
  | "too-long"
  | "hashtag-limit";

/** A platform a draft is written for (`Config.platform`). */
export type Platform = "x" | "bluesky" | "threads" | "mastodon" | "linkedin" | "instagram" | "facebook";

/** A draft's length as its platform counts it (`Report.length`). */
export interface Length {
  platform: Platform;
  /** The length in the platform's unit (X: weighted, Bluesky: graphemes). */
  count: number;
  /** The most the platform (or `maxLength`) allows. */
  limit: number;
}

/** What a token is. */
export type TokenKind =
  | "word" | "number" | "url" | "email" | "mention" | "hashtag" | "cashtag" | "price"
  | "percentage" | "emoji" | "phone" | "emoticon" | "punctuation" | "symbol" | "line_break";

/** One token of a draft; `start`/`end` are UTF-16 code-unit offsets. */
export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
}

/** The draft's tokens, in order (links, mentions, hashtags as twitter-text finds them). */
export function tokenize(text: string): Token[];

/** The four scores, each in [0, 1]. */
export interface Scores {
  salesy: number;
  personal: number;
  conversational: number;
  identityReflecting: number;
}

/** One verdict per dimension: `score >= threshold`. */
export interface Labels {
  salesy: boolean;
  personal: boolean;
  conversational: boolean;
  identityReflecting: boolean;
}

/**
 * A lint finding. `start`/`end` are UTF-16 code-unit offsets into the
 * analysed string, so `text.slice(d.start, d.end)` is exactly the flagged
 * text (astral characters such as emoji included).
 */
export interface Diagnostic {
  rule: RuleId | CustomRuleId;
  severity: Severity;
  start: number;
  end: number;
  /** Why this is flagged, in one plain sentence. */
  message: string;
  /** What to do instead; absent when there is no useful suggestion. */
  suggestion?: string;
  /** A mechanical change that resolves the finding; absent when there is none. */
  fix?: Fix;
}

/**
 * A fix: `text.slice(start, end)` becomes `replacement` (UTF-16 offsets,
 * like the spans). `applyFixes` applies a report's fixes.
 */
export interface Fix {
  start: number;
  end: number;
  replacement: string;
}

/** A rule of the team's own (`Config.customRules`). */
export interface CustomRule {
  /** Kebab-case, not a built-in id. */
  id: CustomRuleId;
  /** Matched like the built-in lexicon: case, curly quotes, elongation and most punctuation do not matter. */
  phrases: string[];
  severity: Severity;
  /** Why a match is flagged; `{text}` becomes the matched words. */
  message: string;
  suggestion?: string;
  /** Text that replaces a match: the diagnostic then carries a `fix`. */
  replacement?: string;
  /** With `weight`: a match is evidence that moves this score. */
  dimension?: Dimension;
  /** Log-odds added per match (with `dimension`). */
  weight?: number;
}

/** A dismissed finding: diagnostics of `rule` that flag `text` (compared like phrases) are dropped. */
export interface IgnoreEntry {
  rule: RuleId | CustomRuleId;
  text: string;
}

/**
 * `text` with every fix of `report` applied (the first wins where fixes
 * overlap). `report` must be the report of `text`; lint the result again
 * to see what is left.
 */
export function applyFixes(text: string, report: Report): string;

/** One signal that moved a score; `weight` is its log-odds contribution. */
export interface Evidence {
  dimension: Dimension;
  /** A stable signal name, e.g. `"call-to-buy"`, `"first-person"`. */
  signal: string;
  /** UTF-16 code-unit offsets, like `Diagnostic`'s. */
  start: number;
  end: number;
  weight: number;
}

/** The full reading of one draft. */
export interface Report {
  scores: Scores;
  labels: Labels;
  /** `"other"` when the draft is mostly not English: English-only signals then stand down. */
  language: "en" | "other";
  /** Ordered by position, then rule id. */
  diagnostics: Diagnostic[];
  /** Everything that moved a score, ordered by position. */
  evidence: Evidence[];
  /** The draft's length on the configured platform; absent without one. */
  length?: Length;
}

/** An entry of the rule catalogue. */
export interface RuleInfo {
  id: RuleId;
  dimension: Dimension;
  defaultSeverity: Severity;
  description: string;
}

/** Label thresholds, each in [0, 1] (default 0.5). */
export interface Thresholds {
  salesy: number;
  personal: number;
  conversational: number;
  identityReflecting: number;
}

/**
 * Linter configuration; every key is optional. The snake_case spellings of
 * the core's TOML config (`extra_sales_phrases`, `identity_reflecting`) are
 * accepted too. Unknown keys and bad values throw a `ConfigError`.
 */
export interface Config {
  /** Per-rule level, keyed by rule id (built-in or custom). */
  rules?: Partial<Record<RuleId, RuleLevel>> & { [customRuleId: string]: RuleLevel | undefined };
  thresholds?: Partial<Thresholds>;
  /** The user's brand names: a draft naming them talks about the brand. */
  brands?: string[];
  /** More phrases that read as a call to buy (reported as `hard-sell`). */
  extraSalesPhrases?: string[];
  /** Phrases never to flag. */
  allow?: string[];
  /** The platform the drafts are for: reports gain `length`, `too-long` applies. */
  platform?: Platform;
  /** A limit other than the platform's own (`max_length` is accepted too). */
  maxLength?: number;
  /** The team's own rules (`custom_rules` is accepted too). */
  customRules?: CustomRule[];
  /** Findings the writer dismissed. */
  ignore?: IgnoreEntry[];
}

/** Options of one `analyze()` call. */
export interface AnalyzeOptions {
  /**
   * The draft answers someone (a reply or comment): it is read as
   * conversation unless it is a stock phrase, and `missed-conversation`
   * never fires on it.
   */
  reply?: boolean;
}

/** Options of the one-shot `analyze()`: the keys of `Config`, and `reply`. */
export type Options = Config & AnalyzeOptions;

/**
 * Thrown for a configuration that cannot be used. `key` is the dotted path
 * of the offending key (e.g. `"thresholds.salesy"`, `"rules.nope"`,
 * `"brands[0]"`), or `null` when the value as a whole is unusable; the
 * message names it too.
 */
export interface ConfigError extends Error {
  name: "ConfigError";
  key: string | null;
}

/**
 * Thrown if the module ever panics (a bug in postlint). The module is
 * re-instantiated at once, so later calls work; a `Linter` made before the
 * panic rebuilds itself from its config on its next use.
 */
export interface PanicError extends Error {
  name: "PanicError";
}

/**
 * @internal Testing only: panics inside the module with `message`, to check
 * that a panic surfaces as a `PanicError` and the module keeps working.
 */
export function __panicForTesting(message: string): never;

/**
 * @internal Testing only: traps (`unreachable`) without a panic, as an
 * out-of-memory abort would; surfaces as a `WebAssembly.RuntimeError`.
 */
export function __abortForTesting(): never;
"#;

#[wasm_bindgen]
extern "C" {
    /// A `Config` object (TypeScript interface above).
    #[wasm_bindgen(typescript_type = "Config")]
    pub type JsConfig;

    /// An `Options` object (TypeScript alias of `Config`).
    #[wasm_bindgen(typescript_type = "Options")]
    pub type JsOptions;
    #[wasm_bindgen(typescript_type = "AnalyzeOptions")]
    pub type JsAnalyzeOptions;

    /// A `Report` object.
    #[wasm_bindgen(typescript_type = "Report")]
    pub type JsReport;

    /// A `RuleInfo[]` array.
    #[wasm_bindgen(typescript_type = "RuleInfo[]")]
    pub type JsRuleInfos;
}

/// talc instead of std's dlmalloc: the core allocates per token, and talc is
/// both faster and smaller on wasm32 (single-threaded, no atomics).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

// ---------------------------------------------------------------------------
// Start-up: the panic hook.
// ---------------------------------------------------------------------------

/// Runs when the module is instantiated (and again after a re-instantiation).
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    std::panic::set_hook(Box::new(|info| panic_to_js(&info.to_string())));
}

/// The panic hook's body: with `panic = "abort"` nothing after the hook
/// runs, so the hook asks wasm-bindgen to replace the instance before the
/// next export call and then throws a JavaScript error itself (instead of
/// letting the abort surface as `RuntimeError: unreachable`).
#[cfg(target_arch = "wasm32")]
fn panic_to_js(message: &str) -> ! {
    wasm_bindgen::handler::schedule_reinit();
    let err = js_sys::Error::new(&format!("postlint panicked: {message}"));
    err.set_name("PanicError");
    wasm_bindgen::throw_val(err.into())
}

/// Testing only (hidden from the docs): panics with `message`. The tests use
/// it to check that a panic becomes a `PanicError` and that the module works
/// afterwards.
#[doc(hidden)]
#[wasm_bindgen(js_name = "__panicForTesting", skip_typescript)]
pub fn panic_for_testing(message: &str) {
    panic!("{message}");
}

/// Testing only: aborts without a panic (the `unreachable` trap that an
/// out-of-memory abort would also give), which bypasses the panic hook.
#[doc(hidden)]
#[wasm_bindgen(js_name = "__abortForTesting", skip_typescript)]
pub fn abort_for_testing() {
    std::process::abort();
}

/// Used by the JavaScript shell after a trap that bypassed the panic hook:
/// asks wasm-bindgen to replace the instance before the next call.
#[doc(hidden)]
#[wasm_bindgen(js_name = "__scheduleReinit", skip_typescript)]
pub fn schedule_reinit() {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen::handler::schedule_reinit();
}

/// Does nothing. Takes no arguments, so wasm-bindgen's glue runs its
/// re-instantiation check before touching the old instance: the JavaScript
/// shell calls it right after a panic to swap in the fresh instance at once.
#[doc(hidden)]
#[wasm_bindgen(js_name = "__ping", skip_typescript)]
pub fn ping() {}

// ---------------------------------------------------------------------------
// The API.
// ---------------------------------------------------------------------------

/// Lints drafts under one configuration (`Linter` in JavaScript). Build one
/// and reuse it: building compiles the configured phrases.
#[wasm_bindgen(js_name = Linter)]
pub struct JsLinter {
    inner: postlint::Linter,
}

#[wasm_bindgen(js_class = Linter)]
impl JsLinter {
    /// Builds a linter; throws a `ConfigError` naming the key of a bad config.
    #[wasm_bindgen(constructor)]
    pub fn new(config: Option<JsConfig>) -> Result<JsLinter, JsValue> {
        let config = config_from_js(config.map(Into::into))?;
        let inner = postlint::Linter::new(config).map_err(|e| config_error(&e))?;
        Ok(JsLinter { inner })
    }

    /// Reads one draft (with `{ reply: true }`, as a reply). Offsets in the
    /// report are UTF-16 code units.
    pub fn analyze(
        &self,
        text: &str,
        options: Option<JsAnalyzeOptions>,
    ) -> Result<JsReport, JsValue> {
        let (_, ctx) = split_reply(options.map(Into::into))?;
        report_to_js(text, self.inner.analyze_with(text, &ctx))
    }

    /// `analyze` in the packed transport form ([`pack`]); js/shell.js turns
    /// it into the same `Report` object, faster.
    #[doc(hidden)]
    #[wasm_bindgen(js_name = "__analyzePacked", skip_typescript)]
    pub fn analyze_packed(
        &self,
        text: &str,
        options: Option<JsAnalyzeOptions>,
    ) -> Result<js_sys::Array, JsValue> {
        let (_, ctx) = split_reply(options.map(Into::into))?;
        Ok(packed_to_js(text, self.inner.analyze_with(text, &ctx)))
    }

    /// `text` with every fix of `report` (a report of `text`) applied; the
    /// first wins where fixes overlap. The same as the module's `applyFixes`.
    #[wasm_bindgen(js_name = applyFixes)]
    pub fn apply_fixes(&self, text: &str, report: JsReport) -> Result<String, JsValue> {
        apply_fixes(text, report.into())
    }
}

/// Reads one draft; with `options`, under that configuration (built for this
/// call only: to lint many drafts with one configuration, use a `Linter`).
#[wasm_bindgen]
pub fn analyze(text: &str, options: Option<JsOptions>) -> Result<JsReport, JsValue> {
    report_to_js(text, analyze_with(text, options)?)
}

/// `analyze` in the packed transport form ([`pack`]), for js/shell.js.
#[doc(hidden)]
#[wasm_bindgen(js_name = "__analyzePacked", skip_typescript)]
pub fn analyze_packed(text: &str, options: Option<JsOptions>) -> Result<js_sys::Array, JsValue> {
    Ok(packed_to_js(text, analyze_with(text, options)?))
}

/// The core's report of `text`, under `options` when given (a linter built
/// for this call only) or the default configuration.
fn analyze_with(text: &str, options: Option<JsOptions>) -> Result<postlint::Report, JsValue> {
    let (options, ctx) = split_reply(options.map(Into::into))?;
    Ok(match options {
        Some(v) if !v.is_undefined() && !v.is_null() => {
            let linter =
                postlint::Linter::new(config_from_js(Some(v))?).map_err(|e| config_error(&e))?;
            linter.analyze_with(text, &ctx)
        }
        _ => DEFAULT_LINTER.with(|l| l.analyze_with(text, &ctx)),
    })
}

thread_local! {
    /// The default configuration's linter (the module is single-threaded).
    static DEFAULT_LINTER: postlint::Linter = postlint::Linter::default();
}

/// Takes `reply` out of an options object: the rest (None when nothing
/// else is left) is a config, `reply` goes into the context.
fn split_reply(options: Option<JsValue>) -> Result<(Option<JsValue>, postlint::Context), JsValue> {
    let v = match options {
        Some(v) if v.is_object() && !js_sys::Array::is_array(&v) => v,
        other => return Ok((other, postlint::Context::default())),
    };
    let reply = js_sys::Reflect::get(&v, &JsValue::from_str("reply"))?;
    if reply.is_undefined() {
        return Ok((Some(v), postlint::Context::default()));
    }
    let Some(reply) = reply.as_bool() else {
        return Err(config_error_with(
            "option `reply`: must be true or false".to_owned(),
            Some("reply".to_owned()),
        ));
    };
    let obj: js_sys::Object = v.unchecked_into();
    let rest = js_sys::Object::assign(&js_sys::Object::new(), &obj);
    js_sys::Reflect::delete_property(&rest, &JsValue::from_str("reply"))?;
    let any = js_sys::Object::keys(&rest).length() > 0;
    let rest = any.then(|| JsValue::from(rest));
    Ok((rest, postlint::Context { reply }))
}

/// The fixes of a JavaScript `Report` (UTF-16 offsets); the rest of it is
/// not read.
#[derive(serde::Deserialize)]
struct FixesOf {
    diagnostics: Vec<FixOf>,
}

#[derive(serde::Deserialize)]
struct FixOf {
    #[serde(default)]
    fix: Option<postlint::Fix>,
}

/// `text` with the fixes of `report` applied by the core (typed in the
/// section above).
#[wasm_bindgen(js_name = applyFixes, skip_typescript)]
pub fn apply_fixes(text: &str, report: JsValue) -> Result<String, JsValue> {
    let report: FixesOf = serde_wasm_bindgen::from_value(report).map_err(|e| {
        JsError::new(&format!(
            "postlint: applyFixes needs a report from analyze(): {e}"
        ))
    })?;
    let fixes = report.diagnostics.iter().filter_map(|d| d.fix.as_ref());
    Ok(postlint::apply_fixes(text, fixes, OffsetUnit::Utf16))
}

/// The draft's tokens with UTF-16 offsets (typed in the section above).
#[wasm_bindgen(skip_typescript)]
pub fn tokenize(text: &str) -> Result<JsValue, JsValue> {
    to_js(&postlint::tokens_in(text, OffsetUnit::Utf16))
}

/// Every rule postlint knows, in catalogue order.
#[wasm_bindgen]
pub fn rules() -> Result<JsRuleInfos, JsValue> {
    let list: Vec<JsRule> = postlint::rules().iter().map(JsRule::from).collect();
    to_js(&list).map(JsCast::unchecked_into)
}

// ---------------------------------------------------------------------------
// Conversions. The shapes below are pure Rust (tested natively); only the
// last step, serde-wasm-bindgen, touches JavaScript values.
// ---------------------------------------------------------------------------

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
    rule: &'a str,
    severity: &'static str,
    start: u32,
    end: u32,
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
    diagnostics: Vec<JsDiagnostic<'a>>,
    evidence: Vec<JsEvidence<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    length: Option<postlint::Length>,
}

/// A `RuleInfo` as JavaScript sees it.
#[derive(Serialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct JsRule {
    id: &'static str,
    dimension: &'static str,
    default_severity: &'static str,
    description: &'static str,
}

impl From<&RuleInfo> for JsRule {
    fn from(r: &RuleInfo) -> Self {
        JsRule {
            id: r.id,
            dimension: dimension_name(r.dimension),
            default_severity: r.default_severity.as_str(),
            description: r.description,
        }
    }
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

fn severity_name(s: Severity) -> &'static str {
    s.as_str()
}

/// The core's snake_case key paths in the spelling a JavaScript caller uses
/// (`extra_sales_phrases[0]` → `extraSalesPhrases[0]`,
/// `thresholds.identity_reflecting` → `thresholds.identityReflecting`).
/// Only the two keys with a camelCase alias are renamed: unknown keys and
/// rule ids are the caller's own text and stay as they were.
pub fn js_key(key: &str) -> String {
    if let Some(rest) = key.strip_prefix("extra_sales_phrases") {
        if rest.is_empty() || rest.starts_with(['[', '.']) {
            return format!("extraSalesPhrases{rest}");
        }
    }
    if let Some(rest) = key.strip_prefix("custom_rules") {
        if rest.is_empty() || rest.starts_with(['[', '.']) {
            return format!("customRules{rest}");
        }
    }
    if key == "thresholds.identity_reflecting" {
        return "thresholds.identityReflecting".to_owned();
    }
    key.to_owned()
}

/// The message and key of a config error, in JavaScript's spelling.
pub fn config_error_parts(e: &ConfigError) -> (String, Option<String>) {
    match e {
        ConfigError::Invalid { key, message } => {
            let key = js_key(key);
            (format!("config key `{key}`: {message}"), Some(key))
        }
        other => (other.to_string(), None),
    }
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
pub fn pack(report: &Report) -> (Vec<f64>, Vec<&str>) {
    let mut strings: Vec<&str> = Vec::new();
    let mut index: std::collections::HashMap<&str, f64> = std::collections::HashMap::new();
    let mut intern = |s| {
        *index.entry(s).or_insert_with(|| {
            strings.push(s);
            (strings.len() - 1) as f64
        })
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

fn packed_to_js(text: &str, report: Report) -> js_sys::Array {
    let report = report.with_offsets(text, OffsetUnit::Utf16);
    let (numbers, strings) = pack(&report);
    // A list of plain strings always serializes.
    let strings = serde_json::to_string(&strings).unwrap_or_else(|_| "[]".to_owned());
    js_sys::Array::of2(
        &js_sys::Float64Array::from(numbers.as_slice()),
        &JsValue::from_str(&strings),
    )
}

fn report_to_js(text: &str, report: Report) -> Result<JsReport, JsValue> {
    let report = report.with_offsets(text, OffsetUnit::Utf16);
    to_js(&JsReportView::new(&report)).map(JsCast::unchecked_into)
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::new())
        .map_err(|e| JsError::new(&format!("postlint: cannot build the result: {e}")).into())
}

fn config_from_js(value: Option<JsValue>) -> Result<Config, JsValue> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(Config::default());
    };
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(config_error_with(
            "config must be an object like { rules: { ... }, brands: [...] }".to_owned(),
            None,
        ));
    }
    if let Some(key) = too_deep(&value, "", 0) {
        let message = format!(
            "config key `{key}`: nested more than {MAX_CONFIG_DEPTH} levels deep (does it contain itself?)"
        );
        return Err(config_error_with(message, Some(key)));
    }
    let json: serde_json::Value = serde_wasm_bindgen::from_value(value).map_err(|e| {
        config_error_with(format!("config is not a plain JSON-like object: {e}"), None)
    })?;
    Config::from_json_value(json).map_err(|e| config_error(&e))
}

/// How deep a config may nest; a real one is three levels deep.
const MAX_CONFIG_DEPTH: usize = 32;

/// The path of a value nested deeper than [`MAX_CONFIG_DEPTH`], if any. A
/// config that contains itself (`a.push(a)`) or nests thousands deep used to
/// overflow the module's stack in `serde_wasm_bindgen::from_value`: a
/// `RuntimeError: memory access out of bounds` that broke the instance.
fn too_deep(value: &JsValue, path: &str, depth: usize) -> Option<String> {
    let here = || {
        if path.is_empty() {
            "config".to_owned()
        } else {
            path.to_owned()
        }
    };
    if !value.is_object() {
        return None;
    }
    if depth >= MAX_CONFIG_DEPTH {
        return Some(here());
    }
    if js_sys::Array::is_array(value) {
        let array = js_sys::Array::from(value);
        return (0..array.length())
            .find_map(|i| too_deep(&array.get(i), &format!("{path}[{i}]"), depth + 1));
    }
    js_sys::Object::entries(value.unchecked_ref())
        .iter()
        .find_map(|entry| {
            let entry = js_sys::Array::from(&entry);
            let key = entry.get(0).as_string().unwrap_or_default();
            let key = if path.is_empty() {
                key
            } else {
                format!("{path}.{key}")
            };
            too_deep(&entry.get(1), &key, depth + 1)
        })
}

fn config_error(e: &ConfigError) -> JsValue {
    let (message, key) = config_error_parts(e);
    config_error_with(message, key)
}

/// A JavaScript `Error` named `ConfigError` with a `key` property.
fn config_error_with(message: String, key: Option<String>) -> JsValue {
    let err = js_sys::Error::new(&message);
    err.set_name("ConfigError");
    let key = key.map_or(JsValue::NULL, |k| JsValue::from_str(&k));
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("key"), &key);
    err.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_use_javascript_spelling() {
        assert_eq!(js_key("extra_sales_phrases[2]"), "extraSalesPhrases[2]");
        assert_eq!(
            js_key("thresholds.identity_reflecting"),
            "thresholds.identityReflecting"
        );
        assert_eq!(js_key("rules.hard-sell"), "rules.hard-sell");
        assert_eq!(js_key("brands"), "brands");
        assert_eq!(js_key("rules.my_rule"), "rules.my_rule");
        assert_eq!(js_key("extra_sales_phrasesX"), "extra_sales_phrasesX");
    }

    #[test]
    fn config_errors_name_the_key_in_the_message() {
        let json = serde_json::json!({ "extraSalesPhrases": ["  "] });
        let e = Config::from_json_value(json).unwrap_err();
        let (message, key) = config_error_parts(&e);
        assert_eq!(key.as_deref(), Some("extraSalesPhrases[0]"));
        assert!(message.contains("`extraSalesPhrases[0]`"), "{message}");

        let e = Config::from_json_value(serde_json::json!({ "nope": 1 })).unwrap_err();
        assert_eq!(config_error_parts(&e).1.as_deref(), Some("nope"));
        let json = serde_json::json!({ "thresholds": { "nope": 1 } });
        let e = Config::from_json_value(json).unwrap_err();
        assert_eq!(config_error_parts(&e).1.as_deref(), Some("thresholds.nope"));
        let json = serde_json::json!({ "thresholds": { "thresholds": 1 } });
        let e = Config::from_json_value(json).unwrap_err();
        assert_eq!(
            config_error_parts(&e).1.as_deref(),
            Some("thresholds.thresholds")
        );
        let json = serde_json::json!({ "rules": { "nope": "off" } });
        let e = Config::from_json_value(json).unwrap_err();
        assert_eq!(config_error_parts(&e).1.as_deref(), Some("rules.nope"));
    }

    #[test]
    fn report_view_is_camel_case_with_utf16_offsets() {
        let text = "🎉 HUGE SALE!!! Buy now, 50% off, today only!";
        let report = postlint::analyze(text).with_offsets(text, OffsetUnit::Utf16);
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
            for platform in [None, Some(postlint::Platform::X)] {
                let config = postlint::Config {
                    platform,
                    max_length: platform.map(|_| 20),
                    ..postlint::Config::default()
                };
                let report = postlint::Linter::new(config)
                    .unwrap()
                    .analyze(text)
                    .with_offsets(text, OffsetUnit::Utf16);
                let (numbers, strings) = pack(&report);
                let expected = as_f64(serde_json::to_value(JsReportView::new(&report)).unwrap());
                assert_eq!(unpack(&numbers, &strings), expected, "{text}");
                let unique: std::collections::HashSet<_> = strings.iter().collect();
                assert_eq!(unique.len(), strings.len(), "strings are interned");
            }
        }
    }

    #[test]
    fn rule_catalogue_uses_javascript_names() {
        let rules: Vec<JsRule> = postlint::rules().iter().map(JsRule::from).collect();
        assert!(!rules.is_empty());
        let json = serde_json::to_value(&rules).unwrap();
        assert!(json[0]["defaultSeverity"].is_string());
        assert!(rules.iter().all(|r| [
            "salesy",
            "personal",
            "conversational",
            "identityReflecting"
        ]
        .contains(&r.dimension)));
    }
}
