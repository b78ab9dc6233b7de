//! The reusable entry point: a [`Linter`] compiled once from a [`Config`].

use std::borrow::Cow;
use std::sync::Arc;

use crate::lazy::Lazy;

use crate::analysis::Analysis;
use crate::config::{Config, ConfigError};
use crate::features::Context;
use crate::lexicon::{Entry, Lexicon, Signal};
use crate::model::Model;
use crate::report::{Diagnostic, Dimension, Labels, Language, Report, Scores, Severity};
use crate::rules::{self, Finding, CHECKS};

/// Lints drafts under one configuration.
///
/// Building a `Linter` compiles the user's phrases (brands, extra sales
/// phrases, allow list); the built-in lexicon is compiled once per process
/// and shared. Build one and reuse it: `analyze` takes `&self`, and a
/// `Linter` is `Send + Sync`, so threads can share it.
#[derive(Clone, Debug)]
pub struct Linter {
    config: Config,
    user: Option<Lexicon>,
    brands: Option<Lexicon>,
    levels: Vec<Option<Severity>>,
    /// Custom rules, ignore entries and fixes (see `custom.rs`).
    extras: Arc<crate::custom::Compiled>,
    /// A model other than the built-in one (training and cross-validation).
    model: Option<Arc<Model>>,
}

impl Default for Linter {
    fn default() -> Self {
        // Display, not `expect`'s Debug: Debug-quoting strings would link
        // `str::escape_debug` and its Unicode tables into the WebAssembly
        // module for a message nobody sees.
        Self::new(Config::default()).unwrap_or_else(|e| panic!("the default config is valid: {e}"))
    }
}

impl Linter {
    /// Validates `config` and prepares a linter for it.
    pub fn new(config: Config) -> Result<Self, ConfigError> {
        config.validate()?;
        let phrases = |list: &[String], signal| {
            list.iter()
                .map(|p| Entry {
                    signal,
                    strength: 1.0,
                    phrase: p.clone(),
                })
                .collect::<Vec<_>>()
        };
        let mut user = phrases(&config.extra_sales_phrases, Signal::CallToBuy);
        user.extend(phrases(&config.allow, Signal::Allowed));
        let brands = phrases(&config.brands, Signal::BrandSelf);
        let levels = rules::rules()
            .iter()
            .map(|r| config.level(r.id).severity())
            .collect();
        Ok(Self {
            user: (!user.is_empty()).then(|| Lexicon::new(user)),
            brands: (!brands.is_empty()).then(|| Lexicon::new(brands)),
            extras: Arc::new(crate::custom::Compiled::new(&config)),
            config,
            levels,
            model: None,
        })
    }

    /// The configuration this linter was built from.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The same linter scoring with `model` instead of the built-in one
    /// (what `postlint train` and cross-validation use).
    pub fn with_model(mut self, model: Model) -> Self {
        self.model = Some(Arc::new(model));
        self
    }

    /// The model this linter scores with.
    pub fn model(&self) -> &Model {
        self.model.as_deref().unwrap_or_else(|| Model::builtin())
    }

    /// Reads one draft. Never panics on any `&str`; the report's spans are
    /// byte offsets into `text`.
    pub fn analyze(&self, text: &str) -> Report {
        self.analyze_with(text, &Context::default())
    }

    /// The features of a draft, as `(name, value)` pairs in draft order:
    /// what a model weighs (a score's log-odds are the bias plus each value
    /// times the feature's weight). Every word is listed as `word:<w>`
    /// (once), whether or not the model has learned it: this is what
    /// training reads.
    pub fn features(&self, text: &str, ctx: &Context) -> Vec<(Cow<'static, str>, f64)> {
        let words = std::cell::RefCell::new(Vec::<String>::new());
        let every_word = |w: &str| {
            let mut v = words.borrow_mut();
            let id = v.iter().position(|x| x == w).unwrap_or_else(|| {
                v.push(w.to_owned());
                v.len() - 1
            });
            Some(id as u32)
        };
        let a = Analysis::run(
            text,
            self.user.as_ref(),
            self.brands.as_ref(),
            None,
            *ctx,
            self.model(),
            Some(&every_word),
        );
        let words = words.borrow();
        a.features
            .iter()
            .map(|f| match words.get(f.word as usize) {
                Some(w) => (Cow::Owned(format!("word:{w}")), f.value),
                None => (Cow::Borrowed(f.name()), f.value),
            })
            .collect()
    }

    fn run<'a>(&self, text: &'a str, ctx: &Context) -> Analysis<'a> {
        Analysis::run(
            text,
            self.user.as_ref(),
            self.brands.as_ref(),
            self.extras.lexicon(),
            *ctx,
            self.model(),
            None,
        )
    }

    /// Reads one draft in its context (for instance, that it is a reply).
    /// Never panics on any `&str`; the report's spans are byte offsets into
    /// `text`.
    pub fn analyze_with(&self, text: &str, ctx: &Context) -> Report {
        let mut a = self.run(text, ctx);
        a.length = self
            .config
            .platform
            .map(|p| crate::length::measure(text, &a.tokens, p, self.config.max_length));
        let mut diagnostics = Vec::new();
        let mut findings: Vec<Finding> = Vec::new();
        for ((info, check), level) in rules::rules().iter().zip(CHECKS.iter()).zip(&self.levels) {
            let Some(severity) = level else { continue };
            findings.clear();
            check(&a, &mut findings);
            // Most rules find nothing in most drafts.
            if findings.is_empty() {
                continue;
            }
            findings.retain(|f| !f.span.is_empty() && !a.is_allowed(&f.span));
            crate::sort::sort_by_key(&mut findings, |f| (f.span.start, f.span.end));
            // Overlapping findings of one rule are one diagnostic.
            let first_of_rule = diagnostics.len();
            for f in findings.drain(..) {
                if let Some(prev) = diagnostics[first_of_rule..].last_mut() {
                    let prev: &mut Diagnostic = prev;
                    if prev.span.overlaps(&f.span) {
                        prev.span = prev.span.union(&f.span);
                        continue;
                    }
                }
                diagnostics.push(Diagnostic {
                    rule: Cow::Borrowed(info.id),
                    severity: *severity,
                    span: f.span,
                    message: f.message,
                    suggestion: f.suggestion.map(Cow::Borrowed),
                    fix: None,
                });
            }
        }
        let mut report = Report {
            language: if a.foreign {
                Language::Other
            } else {
                Language::En
            },
            scores: Scores::from_array(a.scores),
            labels: Labels::default(),
            diagnostics,
            evidence: std::mem::take(&mut a.evidence),
            length: a.length.take(),
            unit: Default::default(),
        };
        // Custom rules, ignore entries and fixes act on custom hits and on
        // diagnostics: most drafts have neither, and then `apply` changes
        // nothing (its code stays out of a tweet's path).
        let nothing_to_apply = a.custom_hits.is_empty() && report.diagnostics.is_empty();
        if !nothing_to_apply && self.extras.apply(&a, &mut report) {
            let s = crate::custom::rescore(self.model().bias, &report.evidence);
            report.scores = Scores::from_array(s);
        }
        let t = self.config.thresholds.as_array();
        let s = &report.scores;
        report.labels = Labels {
            salesy: s.salesy >= t[0],
            personal: s.personal >= t[1],
            conversational: s.conversational >= t[2],
            identity_reflecting: s.identity_reflecting >= t[3],
        };
        report
    }

    /// The label threshold of one dimension.
    pub fn threshold(&self, d: Dimension) -> f64 {
        self.config.thresholds.as_array()[d.index()]
    }
}

/// Reads one draft with the default configuration.
///
/// Uses a process-wide default [`Linter`]; for a custom configuration build
/// your own.
pub fn analyze(text: &str) -> Report {
    static DEFAULT: Lazy<Linter> = Lazy::new(Linter::default);
    DEFAULT.analyze(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleLevel;

    #[test]
    fn linter_is_send_and_sync() {
        fn assert<T: Send + Sync>() {}
        assert::<Linter>();
    }

    #[test]
    fn rule_levels_apply() {
        let mut c = Config::default();
        c.rules.insert("hard-sell".into(), RuleLevel::Off);
        c.rules.insert("urgency".into(), RuleLevel::Error);
        let r = Linter::new(c).unwrap().analyze("Buy now! Hurry!");
        assert!(!r.diagnostics.iter().any(|d| d.rule == "hard-sell"));
        let u = r.diagnostics.iter().find(|d| d.rule == "urgency").unwrap();
        assert_eq!(u.severity, Severity::Error);
    }

    #[test]
    fn brand_names_count_as_self_talk() {
        let c = Config {
            brands: vec!["Acme".into()],
            ..Config::default()
        };
        let r = Linter::new(c)
            .unwrap()
            .analyze("Acme is proud to unveil the new Acme app.");
        assert!(r.evidence.iter().any(|e| e.signal == "brand-name"));
    }

    #[test]
    fn thresholds_set_labels() {
        let text = "Buy now";
        let score = analyze(text).scores.salesy;
        let mut c = Config::default();
        c.thresholds.salesy = (score + 0.01).min(1.0);
        assert!(!Linter::new(c).unwrap().analyze(text).labels.salesy);
    }
}
