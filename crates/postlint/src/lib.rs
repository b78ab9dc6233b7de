//! postlint reads a social-media draft and tells how it reads.
//!
//! Four independent dimensions are scored in `[0, 1]`: how **salesy**, how
//! **personal**, how **conversational** and how **identity-reflecting** a draft
//! is. Every score comes with the [`Evidence`] that moved it, and a catalogue
//! of lint rules ([`rules()`]) produces [`Diagnostic`]s with a byte [`Span`],
//! a one-sentence message and, where one fits, a suggestion.
//!
//! ```
//! let report = postlint::analyze("HUGE SALE!!! Buy now, 50% off everything, today only!");
//! assert!(report.labels.salesy);
//! assert!(report.diagnostics.iter().any(|d| d.rule == "hard-sell"));
//! ```
//!
//! For many drafts, build a [`Linter`] once (it holds the compiled lexicons)
//! and reuse it; it is `Send + Sync`, so threads can share one.
//!
//! All spans are UTF-8 byte offsets into the analysed text. Bindings that
//! speak other units convert in one place: [`Report::with_offsets`] and
//! [`OffsetMapper`].
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod analysis;
mod case;
mod config;
mod custom;
mod decimal;
mod embed;
mod entities;
pub mod eval;
mod features;
mod fix;
mod lazy;
pub mod length;
pub mod lexicon;
mod linter;
pub mod metrics;
pub mod model;
mod names;
mod nfc;
mod normalize;
mod offsets;
mod report;
pub mod rules;
mod scratch;
mod sort;
mod text;
pub mod tokenizer;
pub mod train;
mod unicode_tables;
mod views;
mod words;

pub use config::{
    Config, ConfigError, ConfigValue, RuleLevel, SourceNode, Thresholds, ValueSource,
    MAX_CONFIG_DEPTH,
};
pub use custom::{CustomRule, Ignore, RuleSummary};
pub use features::Context;
pub use fix::{apply_fixes, Fix};
pub use length::{Length, Platform};
pub use linter::{analyze, Linter};
pub use offsets::{OffsetMapper, OffsetUnit};
pub use report::{
    Diagnostic, Dimension, Evidence, Labels, Language, Report, Scores, Severity, Span,
};
pub use rules::{rules, RuleInfo};
pub use tokenizer::{tokenize, tokenize_into, Token, TokenKind};
pub use views::{js, tokens_in, TokenView};
