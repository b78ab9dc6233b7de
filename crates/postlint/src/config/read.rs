//! The one config reader: a [`ConfigValue`] tree (from JSON text, TOML text,
//! a Python dict or a JavaScript object) into a [`Config`], with the dotted
//! key path tracked as it goes.
//!
//! It replaces serde's derived visitors with `serde_path_to_error`, which
//! made up about 70 KB of the WebAssembly module; the messages are serde's,
//! word for word, so the front ends' tests and the users' habits hold:
//! `invalid type: string "high", expected f64`, `unknown field `x`,
//! expected one of ...`, `missing field `id``, `unknown variant ...`.
//! Objects are read in key order (as serde_json's map did), so the first
//! error is the same whatever order the caller wrote the keys in.
//!
//! Where serde was lax this reader is not: a list where a table belongs
//! (`"thresholds": [0.5]`, serde's "struct as sequence") is an error.

use std::collections::BTreeMap;

use super::{Config, ConfigError, RuleLevel, Thresholds};
use crate::custom::{CustomRule, Ignore};
use crate::length::Platform;
use crate::report::{Dimension, Severity};

/// A JSON-like value, what every front end hands the config reader.
#[derive(Clone, Debug, PartialEq)]
pub enum ConfigValue {
    /// `null` / `None`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A whole number that fits an `i64`.
    Int(i64),
    /// A whole number above `i64::MAX`.
    UInt(u64),
    /// Any other number (finite).
    Float(f64),
    /// A string.
    Str(String),
    /// A list.
    Array(Vec<ConfigValue>),
    /// A table; keys are kept in the order given, the reader sorts them.
    Object(Vec<(String, ConfigValue)>),
}

/// One node of a foreign value tree (a JavaScript value, say), as
/// [`ValueSource::node`] reports it.
pub enum SourceNode<S> {
    /// Not set (JavaScript's `undefined`): an object member that is absent
    /// is skipped, in a list it reads as `null`.
    Absent,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number: whole numbers up to 2^53 read as integers (JavaScript has
    /// no other), non-finite ones as `null` (JSON has none).
    Number(f64),
    /// A whole number, from a language that keeps them apart from floats
    /// (Python's `int`): it stays whole up to `u64` (beyond, a float, as
    /// a JSON parser reads one). Not in the WebAssembly build, where no
    /// source has one, and the module stays as small.
    #[cfg(not(target_family = "wasm"))]
    Int(i128),
    /// A float from such a language (Python's `float`): `3.0` stays a float,
    /// as in TOML and JSON; a non-finite one is `null` (JSON has none).
    #[cfg(not(target_family = "wasm"))]
    Float(f64),
    /// A string.
    Str(String),
    /// A list.
    Array(Vec<S>),
    /// An object's own `(key, value)` members.
    Object(Vec<(String, S)>),
    /// Something JSON cannot hold: a function, a symbol...; names its kind.
    Unsupported(String),
}

/// A value tree the config reader can walk (the WebAssembly binding
/// implements it for `JsValue`, the Python binding for Python objects):
/// one conversion, with the nesting limit and the key paths in the core.
pub trait ValueSource: Sized {
    /// What this value is; lists and objects give their children.
    fn node(&self) -> SourceNode<Self>;
}

/// How deep a config may nest; a real one is three levels deep. The limit
/// keeps a config that contains itself (`a.push(a)`) from overflowing the
/// stack.
pub const MAX_CONFIG_DEPTH: usize = 32;

impl ConfigValue {
    /// Converts a foreign value tree; errors name the key of a value nested
    /// more than [`MAX_CONFIG_DEPTH`] levels deep or one JSON cannot hold.
    pub fn from_source<S: ValueSource>(source: &S) -> Result<Self, ConfigError> {
        convert(source, &mut String::new(), 0)
    }

    /// A number, as JSON (and serde_json) reads one: whole numbers that
    /// are safe in an `f64` are integers, non-finite ones are `null`.
    pub fn number(x: f64) -> Self {
        const SAFE: f64 = 9_007_199_254_740_991.0;
        if !x.is_finite() {
            Self::Null
        } else if x.fract() == 0.0 && x.abs() <= SAFE {
            Self::Int(x as i64)
        } else {
            Self::Float(x)
        }
    }

    /// The `(key, value)` members of an object, in key order, the last of
    /// equal keys winning (as a JSON parser keeps them).
    fn members(entries: &[(String, ConfigValue)]) -> Vec<(&str, &ConfigValue)> {
        let mut sorted: Vec<(&str, &ConfigValue)> =
            entries.iter().map(|(k, v)| (k.as_str(), v)).collect();
        crate::sort::sort_by(&mut sorted, |a, b| a.0.cmp(b.0));
        let mut out: Vec<(&str, &ConfigValue)> = Vec::with_capacity(sorted.len());
        for (k, v) in sorted {
            match out.last_mut() {
                Some(last) if last.0 == k => last.1 = v,
                _ => out.push((k, v)),
            }
        }
        out
    }
}

fn convert<S: ValueSource>(
    source: &S,
    path: &mut String,
    depth: usize,
) -> Result<ConfigValue, ConfigError> {
    let here = |path: &str| {
        if path.is_empty() {
            "config".to_owned()
        } else {
            path.to_owned()
        }
    };
    let node = source.node();
    if matches!(node, SourceNode::Array(_) | SourceNode::Object(_)) && depth >= MAX_CONFIG_DEPTH {
        return Err(ConfigError::invalid(
            here(path),
            format!("nested more than {MAX_CONFIG_DEPTH} levels deep (does it contain itself?)"),
        ));
    }
    let len = path.len();
    Ok(match node {
        SourceNode::Absent | SourceNode::Null => ConfigValue::Null,
        SourceNode::Bool(b) => ConfigValue::Bool(b),
        SourceNode::Number(x) => ConfigValue::number(x),
        #[cfg(not(target_family = "wasm"))]
        SourceNode::Int(i) => match (i64::try_from(i), u64::try_from(i)) {
            (Ok(i), _) => ConfigValue::Int(i),
            (_, Ok(u)) => ConfigValue::UInt(u),
            _ => ConfigValue::Float(i as f64),
        },
        #[cfg(not(target_family = "wasm"))]
        SourceNode::Float(x) if x.is_finite() => ConfigValue::Float(x),
        #[cfg(not(target_family = "wasm"))]
        SourceNode::Float(_) => ConfigValue::Null,
        SourceNode::Str(s) => ConfigValue::Str(s),
        SourceNode::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                path.push_str(&format!("[{i}]"));
                out.push(convert(item, path, depth + 1)?);
                path.truncate(len);
            }
            ConfigValue::Array(out)
        }
        SourceNode::Object(members) => {
            let mut out = Vec::with_capacity(members.len());
            for (key, item) in members {
                push_key(path, &key);
                let value = match item.node() {
                    SourceNode::Absent => None,
                    _ => Some(convert(&item, path, depth + 1)?),
                };
                path.truncate(len);
                out.extend(value.map(|v| (key, v)));
            }
            ConfigValue::Object(out)
        }
        SourceNode::Unsupported(kind) => {
            return Err(ConfigError::invalid(
                here(path),
                format!(
                "a {kind} is not a JSON value (use strings, numbers, booleans, lists and objects)"
            ),
            ))
        }
    })
}

fn push_key(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

/// A number as Rust's `Display` shows it (`2`, `-0.1`, `1.0000001`), for
/// the ones a message can show without the float formatter (about 17 KB of
/// the WebAssembly module): up to 2^53 in size, with at most 17 decimals.
/// `None` otherwise.
pub(crate) fn show_number(x: f64) -> Option<String> {
    const SAFE: f64 = 9_007_199_254_740_991.0;
    if x.is_nan() {
        return Some("NaN".to_owned());
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { "inf" } else { "-inf" }.to_owned());
    }
    if x.abs() > SAFE {
        return None;
    }
    let mut scale = 1.0_f64;
    for decimals in 0..=17_usize {
        let m = (x * scale).round();
        // m and scale are exact (m < 2^53, scale <= 1e17 < 1e22), so the
        // division is correctly rounded: m / 10^decimals reads back as x.
        if m.abs() <= SAFE && m / scale == x {
            let digits = (m.abs() as u64).to_string();
            let sign = if x < 0.0 && m != 0.0 { "-" } else { "" };
            if decimals == 0 {
                return Some(format!("{sign}{digits}"));
            }
            let digits = format!("{digits:0>width$}", width = decimals + 1);
            let (int, frac) = digits.split_at(digits.len() - decimals);
            return Some(format!("{sign}{int}.{frac}"));
        }
        scale *= 10.0;
    }
    None
}

/// `s` in double quotes, escaped as Rust's `{:?}` escapes the characters a
/// config holds (quotes, backslashes, control characters); other characters
/// are kept as they are. Written out because `Debug` for `str` brings
/// Unicode's printable tables into the WebAssembly module.
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// How serde names a value it did not expect.
fn unexpected(v: &ConfigValue) -> String {
    match v {
        ConfigValue::Null => "null".to_owned(),
        ConfigValue::Bool(b) => format!("boolean `{b}`"),
        ConfigValue::Int(i) => format!("integer `{i}`"),
        ConfigValue::UInt(u) => format!("integer `{u}`"),
        ConfigValue::Float(x) => match show_number(*x) {
            Some(s) if s.contains(['.', 'N', 'i']) => format!("floating point `{s}`"),
            Some(s) => format!("floating point `{s}.0`"),
            None => "floating point".to_owned(),
        },
        ConfigValue::Str(s) => format!("string {}", quoted(s)),
        ConfigValue::Array(_) => "sequence".to_owned(),
        ConfigValue::Object(_) => "map".to_owned(),
    }
}

/// A dotted key path under construction; empty at the top.
#[derive(Clone, Copy)]
struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

#[derive(Clone, Copy)]
enum Segment<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> Path<'a> {
    const ROOT: Path<'static> = Path {
        parent: None,
        segment: Segment::Root,
    };

    fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Key(key),
        }
    }

    fn index(&'a self, i: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Index(i),
        }
    }

    /// `thresholds.salesy`, `brands[1]`, `custom_rules[0].id`; `.` at the top.
    fn render(&self) -> String {
        if self.parent.is_none() {
            return ".".to_owned();
        }
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        if let Some(p) = self.parent {
            p.write(out);
        }
        match self.segment {
            Segment::Root => {}
            Segment::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Segment::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }

    fn error(&self, message: impl Into<String>) -> ConfigError {
        ConfigError::invalid(self.render(), message)
    }

    fn invalid_type(&self, v: &ConfigValue, expected: &str) -> ConfigError {
        self.error(format!(
            "invalid type: {}, expected {expected}",
            unexpected(v)
        ))
    }
}

type Read<T> = Result<T, ConfigError>;

fn f64_at(v: &ConfigValue, at: &Path) -> Read<f64> {
    match *v {
        ConfigValue::Int(i) => Ok(i as f64),
        ConfigValue::UInt(u) => Ok(u as f64),
        ConfigValue::Float(x) => Ok(x),
        _ => Err(at.invalid_type(v, "f64")),
    }
}

fn string_at(v: &ConfigValue, at: &Path) -> Read<String> {
    match v {
        ConfigValue::Str(s) => Ok(s.clone()),
        _ => Err(at.invalid_type(v, "a string")),
    }
}

fn usize_at(v: &ConfigValue, at: &Path) -> Read<usize> {
    let n = match *v {
        ConfigValue::Int(i) => usize::try_from(i).map_err(|_| i.to_string()),
        ConfigValue::UInt(u) => usize::try_from(u).map_err(|_| u.to_string()),
        _ => return Err(at.invalid_type(v, "usize")),
    };
    n.map_err(|n| at.error(format!("invalid value: integer `{n}`, expected usize")))
}

fn option<T>(
    v: &ConfigValue,
    at: &Path,
    read: impl Fn(&ConfigValue, &Path) -> Read<T>,
) -> Read<Option<T>> {
    match v {
        ConfigValue::Null => Ok(None),
        _ => read(v, at).map(Some),
    }
}

fn list<T>(
    v: &ConfigValue,
    at: &Path,
    read: impl Fn(&ConfigValue, &Path) -> Read<T>,
) -> Read<Vec<T>> {
    match v {
        ConfigValue::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| read(item, &at.index(i)))
            .collect(),
        _ => Err(at.invalid_type(v, "a sequence")),
    }
}

fn strings(v: &ConfigValue, at: &Path) -> Read<Vec<String>> {
    list(v, at, string_at)
}

/// A unit-variant enum from its name; `names[i]` are the spellings of
/// `variants[i]`, listed in the message in that order.
fn variant<T: Copy>(v: &ConfigValue, at: &Path, variants: &[(T, &[&str])]) -> Read<T> {
    let ConfigValue::Str(s) = v else {
        let expected = match v {
            ConfigValue::Object(_) => "a string",
            _ => "string or map",
        };
        return Err(at.invalid_type(v, expected));
    };
    variants
        .iter()
        .find(|(_, names)| names.contains(&s.as_str()))
        .map(|(t, _)| *t)
        .ok_or_else(|| {
            let names = variants.iter().flat_map(|(_, names)| names.iter().copied());
            at.error(format!("unknown variant `{s}`, expected {}", one_of(names)))
        })
}

/// serde's list of what was expected: `` `a` ``, `` `a` or `b` ``,
/// `` one of `a`, `b`, `c` ``.
fn one_of<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let names: Vec<String> = names.map(|n| format!("`{n}`")).collect();
    match names.len() {
        0 => "nothing".to_owned(),
        1 => names[0].clone(),
        2 => format!("{} or {}", names[0], names[1]),
        _ => format!("one of {}", names.join(", ")),
    }
}

fn level(v: &ConfigValue, at: &Path) -> Read<RuleLevel> {
    variant(v, at, &RuleLevel::NAMES)
}

fn severity(v: &ConfigValue, at: &Path) -> Read<Severity> {
    variant(v, at, &Severity::NAMES)
}

fn dimension(v: &ConfigValue, at: &Path) -> Read<Dimension> {
    variant(v, at, &Dimension::NAMES)
}

fn platform(v: &ConfigValue, at: &Path) -> Read<Platform> {
    variant(v, at, &Platform::NAMES)
}

/// Reads the members of a struct: `fields[i]` is `(name, spellings)`, the
/// name serde reports a duplicate by and the accepted keys in the order the
/// "expected one of" list shows them. Calls `set(i, value, path)` per
/// member, in key order, as serde's derived visitor does.
fn members<'v>(
    v: &'v ConfigValue,
    at: &Path,
    name: &str,
    fields: &[(&str, &[&str])],
    mut set: impl FnMut(usize, &'v ConfigValue, &Path) -> Read<()>,
) -> Read<()> {
    let ConfigValue::Object(entries) = v else {
        return Err(at.invalid_type(v, &format!("struct {name}")));
    };
    let mut seen = vec![false; fields.len()];
    for (key, value) in ConfigValue::members(entries) {
        let here = at.key(key);
        let Some(i) = fields.iter().position(|(_, keys)| keys.contains(&key)) else {
            let known = fields.iter().flat_map(|(_, keys)| keys.iter().copied());
            return Err(here.error(format!("unknown field `{key}`, expected {}", one_of(known))));
        };
        if std::mem::replace(&mut seen[i], true) {
            return Err(at.error(format!("duplicate field `{}`", fields[i].0)));
        }
        set(i, value, &here)?;
    }
    Ok(())
}

fn missing<T>(value: Option<T>, at: &Path, field: &str) -> Read<T> {
    value.ok_or_else(|| at.error(format!("missing field `{field}`")))
}

fn thresholds(v: &ConfigValue, at: &Path) -> Read<Thresholds> {
    let mut t = Thresholds::default();
    // A field per dimension, named and spelled as the dimension is.
    let fields = Dimension::NAMES.map(|(d, names)| (d.as_str(), names));
    members(v, at, "Thresholds", &fields, |i, v, at| {
        let x = f64_at(v, at)?;
        *[
            &mut t.salesy,
            &mut t.personal,
            &mut t.conversational,
            &mut t.identity_reflecting,
        ][i] = x;
        Ok(())
    })?;
    Ok(t)
}

fn rules(v: &ConfigValue, at: &Path) -> Read<BTreeMap<String, RuleLevel>> {
    let ConfigValue::Object(entries) = v else {
        return Err(at.invalid_type(v, "a map"));
    };
    // Inserted one by one: `collect` into a map sorts first, which would
    // bring a second sort (std's) into the WebAssembly module.
    let mut map = BTreeMap::new();
    for (k, v) in ConfigValue::members(entries) {
        map.insert(k.to_owned(), level(v, &at.key(k))?);
    }
    Ok(map)
}

fn custom_rule(v: &ConfigValue, at: &Path) -> Read<CustomRule> {
    let fields: [(&str, &[&str]); 8] = [
        ("id", &["id"]),
        ("phrases", &["phrases"]),
        ("severity", &["severity"]),
        ("message", &["message"]),
        ("suggestion", &["suggestion"]),
        ("replacement", &["replacement"]),
        ("dimension", &["dimension"]),
        ("weight", &["weight"]),
    ];
    let (mut id, mut phrases, mut sev, mut message) = (None, None, None, None);
    let (mut suggestion, mut replacement, mut dim, mut weight) = (None, None, None, None);
    members(v, at, "CustomRule", &fields, |i, v, at| {
        match i {
            0 => id = Some(string_at(v, at)?),
            1 => phrases = Some(strings(v, at)?),
            2 => sev = Some(severity(v, at)?),
            3 => message = Some(string_at(v, at)?),
            4 => suggestion = option(v, at, string_at)?,
            5 => replacement = option(v, at, string_at)?,
            6 => dim = option(v, at, dimension)?,
            _ => weight = option(v, at, f64_at)?,
        }
        Ok(())
    })?;
    Ok(CustomRule {
        id: missing(id, at, "id")?,
        phrases: missing(phrases, at, "phrases")?,
        severity: missing(sev, at, "severity")?,
        message: missing(message, at, "message")?,
        suggestion,
        replacement,
        dimension: dim,
        weight,
    })
}

fn ignore(v: &ConfigValue, at: &Path) -> Read<Ignore> {
    let fields: [(&str, &[&str]); 2] = [("rule", &["rule"]), ("text", &["text"])];
    let (mut rule, mut text) = (None, None);
    members(v, at, "Ignore", &fields, |i, v, at| {
        let s = Some(string_at(v, at)?);
        if i == 0 {
            rule = s;
        } else {
            text = s;
        }
        Ok(())
    })?;
    Ok(Ignore {
        rule: missing(rule, at, "rule")?,
        text: missing(text, at, "text")?,
    })
}

/// Reads a config (not yet validated); `null` is the default config.
pub(crate) fn config(v: &ConfigValue) -> Read<Config> {
    let mut c = Config::default();
    if *v == ConfigValue::Null {
        return Ok(c);
    }
    let fields: [(&str, &[&str]); 9] = [
        ("rules", &["rules"]),
        ("thresholds", &["thresholds"]),
        ("brands", &["brands"]),
        (
            "extra_sales_phrases",
            &["extraSalesPhrases", "extra_sales_phrases"],
        ),
        ("allow", &["allow"]),
        ("platform", &["platform"]),
        ("max_length", &["maxLength", "max_length"]),
        ("custom_rules", &["customRules", "custom_rules"]),
        ("ignore", &["ignore"]),
    ];
    members(v, &Path::ROOT, "Config", &fields, |i, v, at| {
        match i {
            0 => c.rules = rules(v, at)?,
            1 => c.thresholds = thresholds(v, at)?,
            2 => c.brands = strings(v, at)?,
            3 => c.extra_sales_phrases = strings(v, at)?,
            4 => c.allow = strings(v, at)?,
            5 => c.platform = option(v, at, platform)?,
            6 => c.max_length = option(v, at, usize_at)?,
            7 => c.custom_rules = list(v, at, custom_rule)?,
            _ => c.ignore = list(v, at, ignore)?,
        }
        Ok(())
    })?;
    Ok(c)
}

/// A serde_json value (what Python's dicts and JSON text become) as a
/// [`ConfigValue`].
impl From<serde_json::Value> for ConfigValue {
    fn from(v: serde_json::Value) -> Self {
        use serde_json::Value;
        match v {
            Value::Null => Self::Null,
            Value::Bool(b) => Self::Bool(b),
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => Self::Int(i),
                (None, Some(u)) => Self::UInt(u),
                _ => n.as_f64().map_or(Self::Null, Self::Float),
            },
            Value::String(s) => Self::Str(s),
            Value::Array(items) => Self::Array(items.into_iter().map(Self::from).collect()),
            Value::Object(map) => {
                Self::Object(map.into_iter().map(|(k, v)| (k, Self::from(v))).collect())
            }
        }
    }
}

/// A TOML value as a [`ConfigValue`]; dates are read as their text.
#[cfg(feature = "toml")]
impl From<toml::Value> for ConfigValue {
    fn from(v: toml::Value) -> Self {
        use toml::Value;
        match v {
            Value::String(s) => Self::Str(s),
            Value::Integer(i) => Self::Int(i),
            Value::Float(x) => Self::Float(x),
            Value::Boolean(b) => Self::Bool(b),
            Value::Datetime(d) => Self::Str(d.to_string()),
            Value::Array(items) => Self::Array(items.into_iter().map(Self::from).collect()),
            Value::Table(t) => {
                Self::Object(t.into_iter().map(|(k, v)| (k, Self::from(v))).collect())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each enum's table reads every spelling back to its variant, is in
    /// declaration order (`as_str` indexes it by variant), and names the
    /// variant by its last spelling.
    #[test]
    fn enum_tables_parse_and_name_alike() {
        fn check<T: Copy + PartialEq + std::fmt::Debug>(
            table: &[(T, &[&str])],
            index: impl Fn(T) -> usize,
            name: impl Fn(T) -> &'static str,
            read: impl Fn(&ConfigValue, &Path) -> Read<T>,
        ) {
            for (i, &(t, spellings)) in table.iter().enumerate() {
                assert_eq!(index(t), i, "{t:?}");
                assert_eq!(Some(&name(t)), spellings.last(), "{t:?}");
                for s in spellings {
                    let v = ConfigValue::Str((*s).to_owned());
                    assert_eq!(read(&v, &Path::ROOT).unwrap(), t, "{s}");
                }
            }
        }
        check(&Severity::NAMES, |s| s as usize, Severity::as_str, severity);
        check(
            &Dimension::NAMES,
            Dimension::index,
            Dimension::as_str,
            dimension,
        );
        check(&Platform::NAMES, |p| p as usize, Platform::as_str, platform);
        let level_name = |l: RuleLevel| l.severity().map_or("off", Severity::as_str);
        check(&RuleLevel::NAMES, |l| l as usize, level_name, level);
        for (d, names) in Dimension::NAMES {
            assert!(names.iter().all(|n| Dimension::parse(n) == Some(d)));
        }
        assert_eq!(Dimension::parse("identity-reflecting"), None);
    }

    /// serde's messages (serde_path_to_error's keys), word for word, as the
    /// derived visitors gave them before this reader.
    #[test]
    fn messages_are_serdes() {
        let known = "`rules`, `thresholds`, `brands`, `extraSalesPhrases`, `extra_sales_phrases`, `allow`, `platform`, `maxLength`, `max_length`, `customRules`, `custom_rules`, `ignore`";
        let rule =
            r#""id": "my-rule", "phrases": ["cheap"], "severity": "warning", "message": "m""#;
        let cases = [
            (r#"{"colour": true}"#.to_owned(), "colour", format!("unknown field `colour`, expected one of {known}")),
            (r#"{"": 1}"#.to_owned(), "", format!("unknown field ``, expected one of {known}")),
            (r#"{"b": 1, "a": 2}"#.to_owned(), "a", format!("unknown field `a`, expected one of {known}")),
            (r#"{"rules": "off", "brands": 3}"#.to_owned(), "brands", "invalid type: integer `3`, expected a sequence".to_owned()),
            (r#"{"thresholds": {"salesy": "a\"b\u00e9\n"}}"#.to_owned(), "thresholds.salesy", r#"invalid type: string "a\"bé\n", expected f64"#.to_owned()),
            (r#"{"thresholds": {"salesy": null}}"#.to_owned(), "thresholds.salesy", "invalid type: null, expected f64".to_owned()),
            (r#"{"thresholds": {"salesy": true}}"#.to_owned(), "thresholds.salesy", "invalid type: boolean `true`, expected f64".to_owned()),
            (r#"{"thresholds": {"salesy": []}}"#.to_owned(), "thresholds.salesy", "invalid type: sequence, expected f64".to_owned()),
            (r#"{"thresholds": {"salesy": {}}}"#.to_owned(), "thresholds.salesy", "invalid type: map, expected f64".to_owned()),
            (r#"{"thresholds": {"salesy": -0.1}}"#.to_owned(), "thresholds.salesy", "must be a number between 0 and 1, got -0.1".to_owned()),
            (r#"{"thresholds": {"salesy": 1.0000001}}"#.to_owned(), "thresholds.salesy", "must be a number between 0 and 1, got 1.0000001".to_owned()),
            (r#"{"thresholds": {"identityReflecting": 7}}"#.to_owned(), "thresholds.identity_reflecting", "must be a number between 0 and 1, got 7".to_owned()),
            (r#"{"thresholds": {"spicy": 0.2}}"#.to_owned(), "thresholds.spicy", "unknown field `spicy`, expected one of `salesy`, `personal`, `conversational`, `identityReflecting`, `identity_reflecting`".to_owned()),
            (r#"{"thresholds": {"identity_reflecting": 0.3, "identityReflecting": 0.4}}"#.to_owned(), "thresholds", "duplicate field `identity_reflecting`".to_owned()),
            (r#"{"extra_sales_phrases": ["a"], "extraSalesPhrases": ["b"]}"#.to_owned(), ".", "duplicate field `extra_sales_phrases`".to_owned()),
            (r#"{"thresholds": 3}"#.to_owned(), "thresholds", "invalid type: integer `3`, expected struct Thresholds".to_owned()),
            (r#"{"rules": {"hard-sell": "loud"}}"#.to_owned(), "rules.hard-sell", "unknown variant `loud`, expected one of `off`, `info`, `warning`, `error`".to_owned()),
            (r#"{"rules": {"hard-sell": 1}}"#.to_owned(), "rules.hard-sell", "invalid type: integer `1`, expected string or map".to_owned()),
            (r#"{"rules": []}"#.to_owned(), "rules", "invalid type: sequence, expected a map".to_owned()),
            (r#"{"brands": ["Acme", 3.5]}"#.to_owned(), "brands[1]", "invalid type: floating point `3.5`, expected a string".to_owned()),
            (r#"{"brands": ["Acme", -3]}"#.to_owned(), "brands[1]", "invalid type: integer `-3`, expected a string".to_owned()),
            (r#"{"brands": null}"#.to_owned(), "brands", "invalid type: null, expected a sequence".to_owned()),
            (r#"{"platform": "myspace"}"#.to_owned(), "platform", "unknown variant `myspace`, expected one of `x`, `bluesky`, `threads`, `mastodon`, `linkedin`, `instagram`, `facebook`".to_owned()),
            (r#"{"platform": "x", "max_length": -1}"#.to_owned(), "max_length", "invalid value: integer `-1`, expected usize".to_owned()),
            (r#"{"platform": "x", "max_length": 2.0}"#.to_owned(), "max_length", "invalid type: floating point `2.0`, expected usize".to_owned()),
            (r#"{"customRules": [{"id": "my-rule"}]}"#.to_owned(), "customRules[0]", "missing field `phrases`".to_owned()),
            (r#"{"customRules": [{"phrases": ["x"]}]}"#.to_owned(), "customRules[0]", "missing field `id`".to_owned()),
            (format!(r#"{{"customRules": [{{{rule}, "extra": 1}}]}}"#), "customRules[0].extra", "unknown field `extra`, expected one of `id`, `phrases`, `severity`, `message`, `suggestion`, `replacement`, `dimension`, `weight`".to_owned()),
            (format!(r#"{{"custom_rules": [{{{rule}, "dimension": "spicy", "weight": 1}}]}}"#), "custom_rules[0].dimension", "unknown variant `spicy`, expected one of `salesy`, `personal`, `conversational`, `identityReflecting`, `identity_reflecting`".to_owned()),
            (r#"{"customRules": [null]}"#.to_owned(), "customRules[0]", "invalid type: null, expected struct CustomRule".to_owned()),
            (r#"{"ignore": [{"rule": "hard-sell", "text": "x", "y": 1}]}"#.to_owned(), "ignore[0].y", "unknown field `y`, expected `rule` or `text`".to_owned()),
            (r#"{"ignore": [{"rule": "hard-sell"}]}"#.to_owned(), "ignore[0]", "missing field `text`".to_owned()),
            ("1.5".to_owned(), ".", "invalid type: floating point `1.5`, expected struct Config".to_owned()),
            (r#""x""#.to_owned(), ".", r#"invalid type: string "x", expected struct Config"#.to_owned()),
            // Stricter than serde: a list is not a table.
            (r#"{"thresholds": [0.5]}"#.to_owned(), "thresholds", "invalid type: sequence, expected struct Thresholds".to_owned()),
            ("[]".to_owned(), ".", "invalid type: sequence, expected struct Config".to_owned()),
        ];
        for (src, key, message) in cases {
            let e = Config::from_json(&src).unwrap_err();
            assert_eq!(
                e,
                ConfigError::Invalid {
                    key: key.to_owned(),
                    message
                },
                "{src}"
            );
        }
        let rule_ok = format!(
            r#"{{"custom_rules": [{{{rule}, "suggestion": null, "dimension": "identityReflecting", "weight": 1}}]}}"#
        );
        assert!(Config::from_json(&rule_ok).is_ok());
        let c = Config::from_json(r#"{"thresholds": {"salesy": 0.2, "salesy": 0.9}}"#).unwrap();
        assert_eq!(c.thresholds.salesy, 0.9, "the last of equal keys wins");
    }

    #[cfg(feature = "toml")]
    #[test]
    fn toml_gets_the_same_messages() {
        for (toml, json) in [
            ("colour = true", r#"{"colour": true}"#),
            (
                "[thresholds]\nsalesy = \"high\"",
                r#"{"thresholds": {"salesy": "high"}}"#,
            ),
            ("brands = [\"Acme\", 3]", r#"{"brands": ["Acme", 3]}"#),
            (
                "[[custom_rules]]\nid = \"my-rule\"",
                r#"{"custom_rules": [{"id": "my-rule"}]}"#,
            ),
            (
                "platform = \"x\"\nmax_length = 1.5",
                r#"{"platform": "x", "max_length": 1.5}"#,
            ),
        ] {
            assert_eq!(Config::from_toml(toml), Config::from_json(json), "{toml}");
        }
    }

    #[test]
    fn strings_are_quoted_as_rust_debug_quotes_them() {
        for s in [
            "",
            "Acme",
            "a\"b\\c",
            "line\nbreak\ttab\r\0",
            "\u{7}\u{1b}\u{7f}",
            "é 👍 ＣＨＥＡＰ",
        ] {
            assert_eq!(quoted(s), format!("{s:?}"));
        }
    }

    #[test]
    fn numbers_show_as_rust_shows_them() {
        for x in [
            0.0,
            2.0,
            -5.0,
            0.1,
            -0.1,
            1.5,
            0.7000000000000001,
            1.0000001,
            123456.789,
            1e-7,
            9007199254740991.0,
        ] {
            assert_eq!(show_number(x), Some(x.to_string()), "{x}");
        }
        assert_eq!(show_number(f64::NAN).as_deref(), Some("NaN"));
        assert_eq!(show_number(f64::NEG_INFINITY).as_deref(), Some("-inf"));
        // Past 2^53 in the scaled digits: not shown.
        assert_eq!(show_number(0.30000000000000004), None);
        assert_eq!(show_number(1e300), None);
        assert_eq!(show_number(1e-300), None);
    }

    /// A foreign tree: a name for each node kind, with a loop.
    enum Fake {
        Leaf(SourceNode<()>),
        List(usize),
        Deep,
        Function,
    }

    impl ValueSource for Fake {
        fn node(&self) -> SourceNode<Self> {
            match self {
                Fake::Leaf(SourceNode::Number(x)) => SourceNode::Number(*x),
                Fake::Leaf(SourceNode::Int(i)) => SourceNode::Int(*i),
                Fake::Leaf(SourceNode::Float(x)) => SourceNode::Float(*x),
                Fake::Leaf(SourceNode::Absent) => SourceNode::Absent,
                Fake::Leaf(_) => SourceNode::Null,
                Fake::Function => SourceNode::Unsupported("function".to_owned()),
                Fake::List(0) => SourceNode::Object(vec![
                    ("a".to_owned(), Fake::Leaf(SourceNode::Number(2.0))),
                    ("b".to_owned(), Fake::Leaf(SourceNode::Number(0.5))),
                    ("c".to_owned(), Fake::Leaf(SourceNode::Number(f64::NAN))),
                    ("d".to_owned(), Fake::Leaf(SourceNode::Absent)),
                ]),
                Fake::List(_) => SourceNode::Array(vec![
                    Fake::Leaf(SourceNode::Absent),
                    Fake::Leaf(SourceNode::Null),
                ]),
                Fake::Deep => SourceNode::Object(vec![("x".to_owned(), Fake::Deep)]),
            }
        }
    }

    #[test]
    fn foreign_trees_convert_with_limits() {
        let v = ConfigValue::from_source(&Fake::List(0)).unwrap();
        let expected = ConfigValue::Object(vec![
            ("a".to_owned(), ConfigValue::Int(2)),
            ("b".to_owned(), ConfigValue::Float(0.5)),
            ("c".to_owned(), ConfigValue::Null),
        ]);
        assert_eq!(v, expected, "absent members are skipped");
        let v = ConfigValue::from_source(&Fake::List(1)).unwrap();
        assert_eq!(
            v,
            ConfigValue::Array(vec![ConfigValue::Null, ConfigValue::Null])
        );
        let e = ConfigValue::from_source(&Fake::Deep).unwrap_err();
        let key = e.key().unwrap();
        assert_eq!(key, vec!["x"; MAX_CONFIG_DEPTH].join("."));
        assert!(
            e.to_string().contains("nested more than 32 levels deep"),
            "{e}"
        );
        let e = ConfigValue::from_source(&Fake::Function).unwrap_err();
        assert_eq!(e.key(), Some("config"));
    }

    /// Whole numbers kept apart from floats stay whole up to `u64`, as
    /// TOML and JSON read them; past it they are floats, as JSON's are.
    #[test]
    fn whole_numbers_stay_whole() {
        let read = |i: i128| ConfigValue::from_source(&Fake::Leaf(SourceNode::Int(i))).unwrap();
        assert_eq!(read(3), ConfigValue::Int(3));
        assert_eq!(read(-(1 << 60)), ConfigValue::Int(-(1 << 60)));
        assert_eq!(read(u64::MAX.into()), ConfigValue::UInt(u64::MAX));
        assert_eq!(read(1 << 70), ConfigValue::Float(2f64.powi(70)));
        let leaf = |n| ConfigValue::from_source(&Fake::Leaf(n)).unwrap();
        assert_eq!(
            leaf(SourceNode::Number(3.0)),
            ConfigValue::Int(3),
            "JavaScript's"
        );
        assert_eq!(leaf(SourceNode::Float(3.0)), ConfigValue::Float(3.0));
        assert_eq!(leaf(SourceNode::Float(f64::NAN)), ConfigValue::Null);
        // So a Python `3.0` is not a length, as TOML's `3.0` is not.
        let max_length = |v| config(&ConfigValue::Object(vec![("max_length".into(), v)]));
        assert!(max_length(read(3)).is_ok());
        assert!(max_length(leaf(SourceNode::Float(3.0))).is_err());
    }
}
