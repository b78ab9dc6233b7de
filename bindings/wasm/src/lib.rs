//! WebAssembly binding of [postlint](postlint), published to npm as `postlint`.
//!
//! Glue only: one entry type ([`JsLinter`], `Linter` in JavaScript), the
//! one-shot analysis and the rule catalogue. What crosses the boundary is
//! shaped in the core ([`postlint::js`]): options and configs are walked
//! as a [`postlint::ValueSource`] into the core's one config reader (same
//! checks and messages as Python and the CLI), reports cross packed
//! ([`postlint::js::pack`]) and token and rule lists as JSON, which the
//! package's JavaScript shell (`js/shell.js`) turns into the documented
//! objects. The TypeScript types below describe what the shell returns.
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

use postlint::js::{self, JsConfigError};
use postlint::{ConfigValue, OffsetUnit, SourceNode, ValueSource};
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

/**
 * Reads one draft; with `options`, under that configuration (built for this
 * call only: to lint many drafts with one configuration, use a `Linter`).
 * Throws a `ConfigError` naming the key of a bad option.
 */
export function analyze(text: string, options?: Options | null): Report;

/** Every rule postlint knows, in catalogue order. */
export function rules(): RuleInfo[];

/** The methods of `Linter` that the package's JavaScript shell provides. */
export interface Linter {
  /**
   * Reads one draft (with `{ reply: true }`, as a reply). Offsets in the
   * report are UTF-16 code units.
   */
  analyze(text: string, options?: AnalyzeOptions | null): Report;
  /**
   * This linter's rules: the built-in ones, then the config's custom rules,
   * each with the severity it runs at under the config.
   */
  rules(): ConfiguredRule[];
}

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

/**
 * An entry of a `Linter`'s catalogue (`linter.rules()`): the built-in
 * rules, then the config's custom rules.
 */
export interface ConfiguredRule {
  id: RuleId | CustomRuleId;
  /** `null` for a custom rule without a `dimension`. */
  dimension: Dimension | null;
  defaultSeverity: Severity;
  /** The severity under this linter's config; `null` when the rule is off. */
  severity: Severity | null;
  /** The rule's description; a custom rule's message, `{text}` shown as `…`. */
  description: string;
  /** True for the config's own rules. */
  custom: boolean;
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

// The API. Everything but the calls into JavaScript lives in the core
// (`postlint::js`): the views, the packed transport, options and errors.
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
        let config = js::js_config(value(config.map(Into::into))?).map_err(config_error)?;
        let inner = postlint::Linter::new(config).map_err(|e| config_error(e.into()))?;
        Ok(JsLinter { inner })
    }

    /// `analyze` (typed in the section above) in the packed transport form
    /// (`postlint::js::pack`): js/shell.js turns it into the `Report`.
    #[doc(hidden)]
    #[wasm_bindgen(js_name = "__analyzePacked", skip_typescript)]
    pub fn analyze_packed(
        &self,
        text: &str,
        options: Option<JsAnalyzeOptions>,
    ) -> Result<js_sys::Array, JsValue> {
        let ctx = js::js_context(&value(options.map(Into::into))?).map_err(config_error)?;
        Ok(packed_to_js(text, self.inner.analyze_with(text, &ctx)))
    }

    /// `text` with every fix of `report` (a report of `text`) applied; the
    /// first wins where fixes overlap. The same as the module's `applyFixes`.
    #[wasm_bindgen(js_name = applyFixes)]
    pub fn apply_fixes(&self, text: &str, report: JsReport) -> Result<String, JsValue> {
        apply_fixes(text, report.into())
    }

    /// This linter's rules, as JSON (`rules()` in the section above): the
    /// built-in ones, then the config's custom rules, each with the severity
    /// it runs at (`null`: off).
    #[doc(hidden)]
    #[wasm_bindgen(js_name = "__rulesJson", skip_typescript)]
    pub fn rules_json(&self) -> String {
        json(&js::configured_rules(self.inner.config()))
    }
}

/// `analyze` (typed in the section above) in the packed transport form:
/// js/shell.js turns it into the `Report`.
#[doc(hidden)]
#[wasm_bindgen(js_name = "__analyzePacked", skip_typescript)]
pub fn analyze_packed(text: &str, options: Option<JsOptions>) -> Result<js_sys::Array, JsValue> {
    Ok(packed_to_js(text, analyze_with(text, options)?))
}

/// The core's report of `text`, under `options` when they hold a config (a
/// linter built for this call only) or the default configuration.
fn analyze_with(text: &str, options: Option<JsOptions>) -> Result<postlint::Report, JsValue> {
    let (config, ctx) = js::js_options(value(options.map(Into::into))?).map_err(config_error)?;
    Ok(match config {
        Some(config) => postlint::Linter::new(config)
            .map_err(|e| config_error(e.into()))?
            .analyze_with(text, &ctx),
        None => DEFAULT_LINTER.with(|l| l.analyze_with(text, &ctx)),
    })
}

thread_local! {
    /// The default configuration's linter (the module is single-threaded).
    static DEFAULT_LINTER: postlint::Linter = postlint::Linter::default();
}

/// `text` with the fixes of `report` applied by the core (typed in the
/// section above).
#[wasm_bindgen(js_name = applyFixes, skip_typescript)]
pub fn apply_fixes(text: &str, report: JsValue) -> Result<String, JsValue> {
    let fixes = ConfigValue::from_source(&Js(report))
        .map_err(|e| e.to_string())
        .and_then(|report| js::fixes_of(&report))
        .map_err(|e| {
            JsError::new(&format!(
                "postlint: applyFixes needs a report from analyze(): {e}"
            ))
        })?;
    Ok(postlint::apply_fixes(text, &fixes, OffsetUnit::Utf16))
}

/// The draft's tokens with UTF-16 offsets, as JSON (`tokenize()` in the
/// section above).
#[doc(hidden)]
#[wasm_bindgen(js_name = "__tokenizeJson", skip_typescript)]
pub fn tokenize_json(text: &str) -> String {
    json(&postlint::tokens_in(text, OffsetUnit::Utf16))
}

/// Every rule postlint knows, in catalogue order, as JSON (`rules()` in
/// the section above).
#[doc(hidden)]
#[wasm_bindgen(js_name = "__rulesJson", skip_typescript)]
pub fn rules_json() -> String {
    json(&js::builtin_rules())
}

// ---------------------------------------------------------------------------
// Crossing into JavaScript.
// ---------------------------------------------------------------------------

fn packed_to_js(text: &str, report: postlint::Report) -> js_sys::Array {
    let (numbers, strings) = js::pack_json(&report.with_offsets(text, OffsetUnit::Utf16));
    js_sys::Array::of2(
        &js_sys::Float64Array::from(numbers.as_slice()),
        &JsValue::from_str(&strings),
    )
}

/// Plain data (strings, whole numbers, booleans) as JSON, which js/shell.js
/// parses: one string crosses instead of a call into JavaScript per field.
fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    // Views of strings, integers and booleans always serialize.
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned())
}

/// A JavaScript value as the core's config reader walks it.
struct Js(JsValue);

impl ValueSource for Js {
    fn node(&self) -> SourceNode<Self> {
        let v = &self.0;
        if v.is_undefined() {
            SourceNode::Absent
        } else if v.is_null() {
            SourceNode::Null
        } else if let Some(b) = v.as_bool() {
            SourceNode::Bool(b)
        } else if let Some(x) = v.as_f64() {
            SourceNode::Number(x)
        } else if let Some(s) = v.as_string() {
            SourceNode::Str(s)
        } else if js_sys::Array::is_array(v) {
            SourceNode::Array(js_sys::Array::from(v).iter().map(Js).collect())
        } else if v.is_object() {
            let entries = js_sys::Object::entries(v.unchecked_ref());
            let entries = entries.iter().map(|entry| {
                let entry = js_sys::Array::from(&entry);
                (
                    entry.get(0).as_string().unwrap_or_default(),
                    Js(entry.get(1)),
                )
            });
            SourceNode::Object(entries.collect())
        } else {
            SourceNode::Unsupported(v.js_typeof().as_string().unwrap_or_default())
        }
    }
}

/// A JavaScript value (`undefined` when absent) as a [`ConfigValue`].
fn value(v: Option<JsValue>) -> Result<ConfigValue, JsValue> {
    let v = v.unwrap_or(JsValue::UNDEFINED);
    ConfigValue::from_source(&Js(v)).map_err(|e| config_error(e.into()))
}

/// A JavaScript `Error` named `ConfigError` with a `key` property.
fn config_error(e: JsConfigError) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    err.set_name("ConfigError");
    let key = e.key.map_or(JsValue::NULL, |k| JsValue::from_str(&k));
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("key"), &key);
    err.into()
}
