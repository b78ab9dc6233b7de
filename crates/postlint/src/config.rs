//! Configuration: one serde schema for the CLI's TOML file, Python dicts and
//! JavaScript objects.
//!
//! ```toml
//! brands = ["Acme", "Acme Coffee"]
//! extra_sales_phrases = ["grab a bag"]
//! allow = ["follow us on our journey"]
//!
//! [thresholds]
//! salesy = 0.6
//!
//! [rules]
//! shouting = "off"
//! hashtag-stuffing = "error"
//! ```
//!
//! Keys are snake_case; the camelCase spellings (`extraSalesPhrases`,
//! `identityReflecting`) are accepted too, for JavaScript callers. Unknown keys
//! and bad values are errors that name the key.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::length::Platform;
use crate::report::Severity;

/// How a rule is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    /// The rule does not run.
    Off,
    /// Reported as [`Severity::Info`].
    Info,
    /// Reported as [`Severity::Warning`].
    Warning,
    /// Reported as [`Severity::Error`].
    Error,
}

impl RuleLevel {
    /// The severity this level reports at, or `None` when the rule is off.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Self::Off => None,
            Self::Info => Some(Severity::Info),
            Self::Warning => Some(Severity::Warning),
            Self::Error => Some(Severity::Error),
        }
    }
}

/// Score thresholds: a dimension's label is `score >= threshold`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    /// Threshold for `salesy`.
    pub salesy: f64,
    /// Threshold for `personal`.
    pub personal: f64,
    /// Threshold for `conversational`.
    pub conversational: f64,
    /// Threshold for `identity_reflecting`.
    #[serde(alias = "identityReflecting")]
    pub identity_reflecting: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            salesy: 0.5,
            personal: 0.5,
            conversational: 0.5,
            identity_reflecting: 0.5,
        }
    }
}

impl Thresholds {
    pub(crate) fn as_array(&self) -> [f64; 4] {
        [
            self.salesy,
            self.personal,
            self.conversational,
            self.identity_reflecting,
        ]
    }
}

/// Everything a [`Linter`](crate::Linter) can be told.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Per-rule level, keyed by rule id; rules not named keep their default.
    pub rules: BTreeMap<String, RuleLevel>,
    /// Per-dimension label thresholds.
    pub thresholds: Thresholds,
    /// The user's brand names: a draft naming them talks about the brand.
    pub brands: Vec<String>,
    /// More phrases that read as a call to buy (reported as `hard-sell`).
    #[serde(alias = "extraSalesPhrases")]
    pub extra_sales_phrases: Vec<String>,
    /// Phrases never to flag: nothing inside them counts or is reported.
    pub allow: Vec<String>,
    /// The platform the draft is for: the report gains its `length` and the
    /// `too-long` (and for Instagram `hashtag-limit`) rules apply.
    pub platform: Option<Platform>,
    /// A limit other than the platform's own (in the platform's unit).
    #[serde(alias = "maxLength")]
    pub max_length: Option<usize>,
    /// The team's own rules (TOML `[[custom_rules]]`).
    #[serde(alias = "customRules")]
    pub custom_rules: Vec<crate::custom::CustomRule>,
    /// Findings the writer dismissed (TOML `[[ignore]]`).
    pub ignore: Vec<crate::custom::Ignore>,
}

/// A configuration that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// The text is not valid TOML or JSON.
    #[error("config is not valid {format}: {message}")]
    Syntax {
        /// `TOML` or `JSON`.
        format: &'static str,
        /// The parser's message.
        message: String,
    },
    /// A key is unknown or its value is not allowed.
    #[error("config key `{key}`: {message}")]
    Invalid {
        /// Dotted path of the offending key, e.g. `thresholds.salesy`.
        key: String,
        /// What is wrong with it.
        message: String,
    },
}

impl ConfigError {
    /// The offending key, when the error is about one.
    pub fn key(&self) -> Option<&str> {
        match self {
            Self::Invalid { key, .. } => Some(key),
            Self::Syntax { .. } => None,
        }
    }

    pub(crate) fn invalid(key: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Invalid {
            key: key.into(),
            message: message.into(),
        }
    }
}

impl Config {
    /// Parses a TOML document (the CLI's `postlint.toml`).
    #[cfg(feature = "toml")]
    pub fn from_toml(src: &str) -> Result<Self, ConfigError> {
        let de = toml::Deserializer::parse(src).map_err(|e| ConfigError::Syntax {
            format: "TOML",
            message: e.message().to_owned(),
        })?;
        Self::from_deserializer(de)
    }

    /// Parses a JSON document.
    pub fn from_json(src: &str) -> Result<Self, ConfigError> {
        let value: serde_json::Value =
            serde_json::from_str(src).map_err(|e| ConfigError::Syntax {
                format: "JSON",
                message: e.to_string(),
            })?;
        Self::from_json_value(value)
    }

    /// Builds a config from an already parsed JSON value. The bindings turn a
    /// Python dict or a JavaScript object into a value and call this, so every
    /// language gets the same checks and the same messages.
    pub fn from_json_value(value: serde_json::Value) -> Result<Self, ConfigError> {
        if value.is_null() {
            return Ok(Self::default());
        }
        Self::from_deserializer(value)
    }

    fn from_deserializer<'de, D>(de: D) -> Result<Self, ConfigError>
    where
        D: serde::Deserializer<'de>,
        D::Error: std::fmt::Display,
    {
        let config: Config = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner().to_string();
            // serde names an unknown key in its message; the path is its parent.
            // serde names an unknown key in its message; some deserializers
            // (TOML) leave it out of the path, others (JSON values) put it in.
            let key = match unknown_field(&inner) {
                Some(field) if path == "." || path.is_empty() => field.to_owned(),
                Some(field) if path == field || path.ends_with(&format!(".{field}")) => path,
                Some(field) => format!("{path}.{field}"),
                None => path,
            };
            ConfigError::invalid(key, first_line(&inner))
        })?;
        config.validate()?;
        Ok(config)
    }

    /// Checks what types alone cannot: known rule ids, thresholds in [0, 1],
    /// non-empty phrases.
    pub fn validate(&self) -> Result<(), ConfigError> {
        for id in self.rules.keys() {
            if crate::rules::info(id).is_none() && !self.custom_rules.iter().any(|r| r.id == *id) {
                return Err(ConfigError::invalid(
                    format!("rules.{id}"),
                    format!(
                        "unknown rule id; known ids are: {}",
                        crate::rules::rules()
                            .iter()
                            .map(|r| r.id)
                            .chain(self.custom_rules.iter().map(|r| r.id.as_str()))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
        }
        let names = [
            "salesy",
            "personal",
            "conversational",
            "identity_reflecting",
        ];
        for (name, t) in names.iter().zip(self.thresholds.as_array()) {
            if !(0.0..=1.0).contains(&t) {
                return Err(ConfigError::invalid(
                    format!("thresholds.{name}"),
                    format!("must be a number between 0 and 1, got {t}"),
                ));
            }
        }
        for (key, list) in [
            ("brands", &self.brands),
            ("extra_sales_phrases", &self.extra_sales_phrases),
            ("allow", &self.allow),
        ] {
            for (i, p) in list.iter().enumerate() {
                if !p.chars().any(char::is_alphanumeric) {
                    return Err(ConfigError::invalid(
                        format!("{key}[{i}]"),
                        "must contain at least one letter or digit",
                    ));
                }
            }
        }
        match (self.platform, self.max_length) {
            (None, Some(_)) => {
                return Err(ConfigError::invalid(
                    "max_length",
                    "needs a `platform` to count in",
                ))
            }
            (_, Some(0)) => {
                return Err(ConfigError::invalid(
                    "max_length",
                    "must be a whole number of at least 1",
                ))
            }
            _ => {}
        }
        crate::custom::validate(self)
    }

    /// The level a rule runs at under this config.
    pub fn level(&self, rule_id: &str) -> RuleLevel {
        if let Some(level) = self.rules.get(rule_id) {
            return *level;
        }
        let default = crate::rules::info(rule_id)
            .map(|r| r.default_severity)
            .or_else(|| {
                self.custom_rules
                    .iter()
                    .find(|r| r.id == rule_id)
                    .map(|r| r.severity)
            });
        default.map_or(RuleLevel::Off, |s| match s {
            Severity::Info => RuleLevel::Info,
            Severity::Warning => RuleLevel::Warning,
            Severity::Error => RuleLevel::Error,
        })
    }

    /// Every rule under this config, built-in then custom, with the
    /// severity each runs at.
    pub fn rule_catalogue(&self) -> Vec<crate::custom::RuleSummary> {
        crate::custom::catalogue(self)
    }
}

fn unknown_field(msg: &str) -> Option<&str> {
    let rest = msg.strip_prefix("unknown field `")?;
    rest.split('`').next()
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "toml")]
    #[test]
    fn toml_round_trip() {
        let c = Config::from_toml(
            "brands = [\"Acme\"]\n[thresholds]\nsalesy = 0.7\n[rules]\nshouting = \"off\"\n",
        )
        .unwrap();
        assert_eq!(c.brands, vec!["Acme"]);
        assert_eq!(c.thresholds.salesy, 0.7);
        assert_eq!(c.thresholds.personal, 0.5);
        assert_eq!(c.level("shouting"), RuleLevel::Off);
        assert_eq!(c.level("hard-sell"), RuleLevel::Error);
    }

    #[cfg(feature = "toml")]
    #[test]
    fn toml_errors_name_the_key() {
        let e = Config::from_toml("colour = true").unwrap_err();
        assert_eq!(e.key(), Some("colour"), "{e}");
        let e = Config::from_toml("[thresholds]\nsalesy = 2.0").unwrap_err();
        assert_eq!(e.key(), Some("thresholds.salesy"), "{e}");
        let e = Config::from_toml("[thresholds]\nspicy = 0.2").unwrap_err();
        assert_eq!(e.key(), Some("thresholds.spicy"), "{e}");
        assert!(matches!(
            Config::from_toml("= nope"),
            Err(ConfigError::Syntax { .. })
        ));
    }

    #[test]
    fn errors_name_the_key() {
        let e = Config::from_json(r#"{"thresholds": {"salesy": 2.0}}"#).unwrap_err();
        assert_eq!(e.key(), Some("thresholds.salesy"), "{e}");
        let e = Config::from_json(r#"{"rules": {"hard-sell": "loud"}}"#).unwrap_err();
        assert_eq!(e.key(), Some("rules.hard-sell"), "{e}");
        let e = Config::from_json(r#"{"rules": {"no-such-rule": "off"}}"#).unwrap_err();
        assert_eq!(e.key(), Some("rules.no-such-rule"), "{e}");
        let e = Config::from_json(r#"{"colour": true}"#).unwrap_err();
        assert_eq!(e.key(), Some("colour"), "{e}");
        let e = Config::from_json(r#"{"thresholds": {"spicy": 0.2}}"#).unwrap_err();
        assert_eq!(e.key(), Some("thresholds.spicy"), "{e}");
        let e = Config::from_json(r#"{"brands": "Acme"}"#).unwrap_err();
        assert_eq!(e.key(), Some("brands"), "{e}");
        let e = Config::from_json(r#"{"allow": ["  "]}"#).unwrap_err();
        assert_eq!(e.key(), Some("allow[0]"), "{e}");
        assert!(matches!(
            Config::from_json("{nope"),
            Err(ConfigError::Syntax { .. })
        ));
    }

    #[test]
    fn camel_case_aliases() {
        let c = Config::from_json(
            r#"{"extraSalesPhrases": ["grab a bag"], "thresholds": {"identityReflecting": 0.4}}"#,
        )
        .unwrap();
        assert_eq!(c.extra_sales_phrases, vec!["grab a bag"]);
        assert_eq!(c.thresholds.identity_reflecting, 0.4);
        assert_eq!(Config::from_json("null").unwrap(), Config::default());
    }
}
