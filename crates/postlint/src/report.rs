//! What an analysis returns: scores, labels, evidence and diagnostics.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::offsets::{OffsetMapper, OffsetUnit};

/// A half-open range `[start, end)` of offsets into the analysed text.
///
/// In the core the unit is always UTF-8 bytes; [`Report::with_offsets`]
/// produces a report whose spans are in another [`OffsetUnit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First offset inside the span.
    pub start: usize,
    /// First offset after the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Number of units covered.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one offset.
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn union(&self, other: &Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The covered text (byte spans only).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; not a problem on its own.
    Info,
    /// Likely to hurt how the post is received.
    Warning,
    /// The kind of thing the post should not go out with.
    Error,
}

impl Severity {
    /// Each severity's spellings, in declaration order (see
    /// [`Dimension::NAMES`]): what `as_str` gives and the config reads.
    pub(crate) const NAMES: [(Self, &'static [&'static str]); 3] = [
        (Self::Info, &["info"]),
        (Self::Warning, &["warning"]),
        (Self::Error, &["error"]),
    ];

    /// `"info"`, `"warning"` or `"error"`.
    pub const fn as_str(self) -> &'static str {
        name(&Self::NAMES[self as usize])
    }
}

/// The name of an enum's `NAMES` entry (`as_str`): its last spelling.
pub(crate) const fn name<T>(entry: &(T, &'static [&'static str])) -> &'static str {
    entry.1[entry.1.len() - 1]
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One of the four dimensions a draft is read for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// The draft pushes a transaction or the brand itself.
    Salesy,
    /// A human being is visible behind the account.
    Personal,
    /// The draft opens a two-way exchange.
    Conversational,
    /// The draft mirrors what the audience cares about rather than the brand.
    #[serde(alias = "identityReflecting")]
    IdentityReflecting,
}

impl Dimension {
    /// All four, in report order.
    pub const ALL: [Dimension; 4] = [
        Self::Salesy,
        Self::Personal,
        Self::Conversational,
        Self::IdentityReflecting,
    ];

    /// Each dimension's spellings, in declaration order: the last is its
    /// name (`as_str`), any before it an alias that configs may use too
    /// (camelCase, for JavaScript). Error messages list them in this order.
    pub(crate) const NAMES: [(Self, &'static [&'static str]); 4] = [
        (Self::Salesy, &["salesy"]),
        (Self::Personal, &["personal"]),
        (Self::Conversational, &["conversational"]),
        (
            Self::IdentityReflecting,
            &["identityReflecting", "identity_reflecting"],
        ),
    ];

    /// The snake_case name used in JSON, configs and DIMENSIONS.md.
    pub const fn as_str(self) -> &'static str {
        name(&Self::NAMES[self as usize])
    }

    /// Parses a dimension name (snake_case or camelCase).
    pub fn parse(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .find(|(_, names)| names.contains(&name))
            .map(|(d, _)| *d)
    }

    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for Dimension {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The language a draft is mostly written in, as far as postlint tells.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English (or too short to tell).
    #[default]
    En,
    /// Mostly another language or script.
    Other,
}

impl Language {
    /// `"en"` or `"other"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Other => "other",
        }
    }
}

/// The four scores, each in `[0, 1]`.
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct Scores {
    /// How much the draft pushes a sale or the brand.
    pub salesy: f64,
    /// How visible a person is behind the account.
    pub personal: f64,
    /// How much the draft opens a two-way exchange.
    pub conversational: f64,
    /// How much the draft reflects the audience rather than the brand.
    pub identity_reflecting: f64,
}

impl Scores {
    /// The score of one dimension.
    pub fn get(&self, d: Dimension) -> f64 {
        match d {
            Dimension::Salesy => self.salesy,
            Dimension::Personal => self.personal,
            Dimension::Conversational => self.conversational,
            Dimension::IdentityReflecting => self.identity_reflecting,
        }
    }

    pub(crate) fn from_array(a: [f64; 4]) -> Self {
        Self {
            salesy: a[0],
            personal: a[1],
            conversational: a[2],
            identity_reflecting: a[3],
        }
    }
}

/// One yes/no verdict per dimension: the score against the configured threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Labels {
    /// `salesy >= thresholds.salesy`.
    pub salesy: bool,
    /// `personal >= thresholds.personal`.
    pub personal: bool,
    /// `conversational >= thresholds.conversational`.
    pub conversational: bool,
    /// `identity_reflecting >= thresholds.identity_reflecting`.
    pub identity_reflecting: bool,
}

impl Labels {
    /// The label of one dimension.
    pub fn get(&self, d: Dimension) -> bool {
        match d {
            Dimension::Salesy => self.salesy,
            Dimension::Personal => self.personal,
            Dimension::Conversational => self.conversational,
            Dimension::IdentityReflecting => self.identity_reflecting,
        }
    }
}

/// One signal that moved a dimension's score.
///
/// `weight` is the signal's contribution to the dimension's log-odds: positive
/// pushes the score up, negative pulls it down (see the crate README,
/// "How scores are computed").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The dimension moved.
    pub dimension: Dimension,
    /// A stable name of the signal, e.g. `call-to-buy`, `first-person`.
    /// Borrowed from the crate's own names, so that evidence costs no
    /// allocation per signal.
    pub signal: Cow<'static, str>,
    /// Where in the draft the signal was found.
    #[serde(flatten)]
    pub span: Span,
    /// Contribution to the dimension's log-odds.
    pub weight: f64,
}

/// A lint finding.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The rule id, as in DIMENSIONS.md (`hard-sell`, `link-only`, ...).
    /// Borrowed, like `suggestion`, from the rule's own text: a long draft
    /// can hold hundreds of thousands of diagnostics.
    pub rule: Cow<'static, str>,
    /// Severity after the configuration is applied.
    pub severity: Severity,
    /// The flagged text.
    #[serde(flatten)]
    pub span: Span,
    /// Why this is flagged, in one plain sentence.
    pub message: String,
    /// What to do instead, when there is a useful suggestion.
    pub suggestion: Option<Cow<'static, str>>,
    /// A mechanical change that resolves the finding, when there is one
    /// (see [`Report::apply_fixes`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<crate::fix::Fix>,
}

/// The full reading of one draft.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct Report {
    /// Whether the draft is mostly in English; on another language the
    /// English-only signals (lexicon words, learned words, `all-business`,
    /// `robotic`) stand down, and links, prices, mentions, emoji and
    /// question marks still count.
    #[serde(default)]
    pub language: Language,
    /// The four scores in `[0, 1]`.
    pub scores: Scores,
    /// The scores against the configured thresholds.
    pub labels: Labels,
    /// Lint findings, ordered by position then rule id.
    pub diagnostics: Vec<Diagnostic>,
    /// Everything that moved a score, ordered by position.
    pub evidence: Vec<Evidence>,
    /// The draft's length on the configured platform, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<crate::length::Length>,
    /// The unit of every offset in this report (bytes until
    /// [`Report::with_offsets`] converts them).
    #[serde(skip)]
    pub(crate) unit: OffsetUnit,
}

impl Report {
    /// Returns the same report with every span converted from bytes of `text`
    /// (the text this report was made from) to `unit`.
    ///
    /// This is the only place spans change units: the Python binding asks for
    /// [`OffsetUnit::Chars`], the WebAssembly binding for [`OffsetUnit::Utf16`].
    pub fn with_offsets(mut self, text: &str, unit: OffsetUnit) -> Report {
        if unit == OffsetUnit::Bytes {
            return self;
        }
        self.unit = unit;
        let mapper = OffsetMapper::new(text, unit);
        if mapper.is_identity() {
            // ASCII text: a tweet's 40-odd evidence spans need no visit.
            return self;
        }
        let conv = |s: &mut Span| {
            s.start = mapper.convert(s.start);
            s.end = mapper.convert(s.end);
        };
        for d in &mut self.diagnostics {
            conv(&mut d.span);
            if let Some(f) = d.fix.as_mut() {
                conv(&mut f.span);
            }
        }
        self.evidence.iter_mut().for_each(|e| conv(&mut e.span));
        if let Some(o) = self.length.as_mut().and_then(|l| l.overflow.as_mut()) {
            conv(o);
        }
        self
    }

    /// True when some diagnostic has [`Severity::Error`].
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Evidence for one dimension, in text order.
    pub fn evidence_for(&self, d: Dimension) -> impl Iterator<Item = &Evidence> {
        self.evidence.iter().filter(move |e| e.dimension == d)
    }
}
