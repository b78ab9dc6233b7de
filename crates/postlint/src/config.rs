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

pub(crate) mod read;
use crate::report::Severity;
pub use read::{ConfigValue, SourceNode, ValueSource, MAX_CONFIG_DEPTH};

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
    /// Each level's spelling, in declaration order: `off`, then the
    /// severities' own names. Configs read these.
    pub(crate) const NAMES: [(Self, &'static [&'static str]); 4] = [
        (Self::Off, &["off"]),
        (Self::Info, Severity::NAMES[0].1),
        (Self::Warning, Severity::NAMES[1].1),
        (Self::Error, Severity::NAMES[2].1),
    ];

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
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Thresholds {
    /// Threshold for `salesy`.
    pub salesy: f64,
    /// Threshold for `personal`.
    pub personal: f64,
    /// Threshold for `conversational`.
    pub conversational: f64,
    /// Threshold for `identity_reflecting`.
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
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Config {
    /// Per-rule level, keyed by rule id; rules not named keep their default.
    pub rules: BTreeMap<String, RuleLevel>,
    /// Per-dimension label thresholds.
    pub thresholds: Thresholds,
    /// The user's brand names: a draft naming them talks about the brand.
    pub brands: Vec<String>,
    /// More phrases that read as a call to buy (reported as `hard-sell`).
    pub extra_sales_phrases: Vec<String>,
    /// Phrases never to flag: nothing inside them counts or is reported.
    pub allow: Vec<String>,
    /// The platform the draft is for: the report gains its `length` and the
    /// `too-long` (and for Instagram `hashtag-limit`) rules apply.
    pub platform: Option<Platform>,
    /// A limit other than the platform's own (in the platform's unit).
    pub max_length: Option<usize>,
    /// The team's own rules (TOML `[[custom_rules]]`).
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
        let table: toml::Table = toml::from_str(src).map_err(|e| ConfigError::Syntax {
            format: "TOML",
            message: e.message().to_owned(),
        })?;
        Self::from_value(&ConfigValue::from(toml::Value::Table(table)))
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

    /// Builds a config from an already parsed JSON value (what the Python
    /// binding makes of a dict).
    pub fn from_json_value(value: serde_json::Value) -> Result<Self, ConfigError> {
        Self::from_value(&ConfigValue::from(value))
    }

    /// Builds and validates a config from a JSON-like value: every front
    /// end ends here, so the checks and messages are the same in each.
    /// `null` is the default config.
    pub fn from_value(value: &ConfigValue) -> Result<Self, ConfigError> {
        let config = read::config(value)?;
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
                    match read::show_number(t) {
                        Some(t) => format!("must be a number between 0 and 1, got {t}"),
                        None => "must be a number between 0 and 1".to_owned(),
                    },
                ));
            }
        }
        for (key, list) in [
            ("brands", &self.brands),
            ("extra_sales_phrases", &self.extra_sales_phrases),
            ("allow", &self.allow),
        ] {
            for (i, p) in list.iter().enumerate() {
                // All three are matched like lexicon phrases, so each must
                // have a letter or digit and match as it reads (brand "3M"
                // would name every number).
                if let Some(why) = crate::lexicon::phrase_problem(p) {
                    return Err(ConfigError::invalid(format!("{key}[{i}]"), why));
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
        let e = Config::from_json(r#"{"extra_sales_phrases": ["grab a bag", "$5"]}"#).unwrap_err();
        assert_eq!(e.key(), Some("extra_sales_phrases[1]"), "{e}");
        let e = Config::from_json(r#"{"brands": ["Acme", "3M"]}"#).unwrap_err();
        assert_eq!(e.key(), Some("brands[1]"), "{e}");
        let e = Config::from_json(r#"{"allow": ["(free)"]}"#).unwrap_err();
        assert_eq!(e.key(), Some("allow[0]"), "{e}");
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
