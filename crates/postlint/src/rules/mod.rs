//! The rule catalogue: one rule per file, ids as in DIMENSIONS.md.

use serde::Serialize;

use crate::analysis::Analysis;
use crate::report::{Dimension, Severity, Span};

mod all_business;
mod brag;
mod discount;
pub(crate) mod engagement_bait;
mod hard_sell;
mod hashtag_limit;
mod hashtag_stuffing;
mod link_only;
mod missed_conversation;
mod needy;
mod phrases;
mod robotic;
mod self_centered;
pub(crate) mod shouting;
mod too_long;
mod urgency;
mod vanity_metrics;

/// The salesy score from which rules treat a draft as selling (a fixed
/// reading, whatever threshold the config sets for the salesy label).
pub(super) const SELLS: f64 = 0.5;

/// What a rule is: its id, the dimension it belongs to, its default
/// severity, and what it catches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// Stable id, e.g. `hard-sell`.
    pub id: &'static str,
    /// The dimension the rule speaks to.
    pub dimension: Dimension,
    /// Severity unless the config says otherwise.
    pub default_severity: Severity,
    /// What the rule catches, in one sentence.
    pub description: &'static str,
}

/// A rule's raw finding, before the config gives it a severity.
#[derive(Clone, Debug)]
pub(crate) struct Finding {
    pub span: Span,
    pub message: String,
    pub suggestion: Option<&'static str>,
}

impl Finding {
    pub fn new(span: Span, message: impl Into<String>, suggestion: Option<&'static str>) -> Self {
        Self {
            span,
            message: message.into(),
            suggestion,
        }
    }
}

pub(crate) type Check = fn(&Analysis, &mut Vec<Finding>);

static CATALOGUE: [RuleInfo; 16] = [
    hard_sell::INFO,
    urgency::INFO,
    discount::INFO,
    engagement_bait::INFO,
    needy::INFO,
    vanity_metrics::INFO,
    brag::INFO,
    self_centered::INFO,
    link_only::INFO,
    all_business::INFO,
    robotic::INFO,
    shouting::INFO,
    hashtag_stuffing::INFO,
    missed_conversation::INFO,
    too_long::INFO,
    hashtag_limit::INFO,
];

pub(crate) static CHECKS: [Check; 16] = [
    hard_sell::check,
    urgency::check,
    discount::check,
    engagement_bait::check,
    needy::check,
    vanity_metrics::check,
    brag::check,
    self_centered::check,
    link_only::check,
    all_business::check,
    robotic::check,
    shouting::check,
    hashtag_stuffing::check,
    missed_conversation::check,
    too_long::check,
    hashtag_limit::check,
];

/// Every rule postlint knows, in catalogue order.
pub fn rules() -> &'static [RuleInfo] {
    &CATALOGUE
}

/// The rule with this id.
pub fn info(id: &str) -> Option<&'static RuleInfo> {
    CATALOGUE.iter().find(|r| r.id == id)
}

/// Lexicon phrases weaker than this colour a score but are not reported on
/// their own: "free" or "book a" make a draft a little salesier, while "free
/// shipping" and "book now" are worth a diagnostic.
pub(crate) const REPORTABLE_STRENGTH: f64 = 0.75;

/// A hit a phrase rule reports: strong enough and not inside quotation
/// marks (someone else's words).
fn reportable(h: &crate::lexicon::Hit) -> bool {
    !h.quoted && h.strength >= REPORTABLE_STRENGTH
}

/// Findings for the reportable hits of a lexicon signal (not negated, not
/// quoted); overlapping hits become one finding whose message quotes all of it.
pub(crate) fn from_hits(
    a: &Analysis,
    signal: crate::lexicon::Signal,
    out: &mut Vec<Finding>,
    say: impl Fn(&str) -> (String, &'static str),
) {
    let mut spans: Vec<Span> = a
        .hits_of(signal)
        .filter(|h| reportable(h))
        .map(|h| h.span)
        .collect();
    crate::sort::sort(&mut spans);
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(m) if m.overlaps(&s) => *m = m.union(&s),
            _ => merged.push(s),
        }
    }
    for span in merged {
        let (message, suggestion) = say(a.slice(span));
        out.push(Finding::new(span, message, Some(suggestion)));
    }
}

/// Whether token `i` is `word` (ASCII case folded).
#[inline(never)]
pub(crate) fn token_is(a: &Analysis, i: usize, word: &str) -> bool {
    a.tokens
        .get(i)
        .is_some_and(|t| a.slice(t.span).eq_ignore_ascii_case(word))
}

/// Token `k` is a word of `list`, compared lower-cased. (One copy, not
/// inlined: brag's shapes ask it at a dozen places, and other rules too.)
#[inline(never)]
pub(crate) fn word_in(a: &Analysis, k: usize, list: &[&str]) -> bool {
    a.tokens.get(k).is_some_and(|x| {
        x.kind == crate::tokenizer::TokenKind::Word
            && crate::text::lower_is_one_of(a.slice(x.span), list)
    })
}

/// Drops the findings from `first` on that `other` reads as something else
/// (a noun heading, an idiom, pay for work), given the range of tokens
/// each one covers and `marks`, positions the rule found beforehand (the
/// starts of pay for `discount`); the rest keep their order. A function
/// pointer, not a closure: one copy serves every rule.
#[inline(never)]
pub(crate) fn drop_read_as(
    a: &Analysis,
    out: &mut Vec<Finding>,
    first: usize,
    marks: &[usize],
    other: fn(&Analysis, &[usize], std::ops::Range<usize>) -> bool,
) {
    let mut kept = first;
    for k in first..out.len() {
        let covered = crate::normalize::tokens_in(&a.tokens, out[k].span);
        if !other(a, marks, covered) {
            out.swap(kept, k);
            kept += 1;
        }
    }
    out.truncate(kept);
}

/// Reports a rule's phrase hits with `report` unless every [`reportable`]
/// hit is one that `spares` reads as something else. (The rules' own
/// `report`s stay plain [`from_hits`] calls, reached through a pointer:
/// the WebAssembly optimiser then folds them with the other phrase rules'
/// reporting instead of keeping a copy for each.)
#[inline(never)]
pub(crate) fn report_unless(
    a: &Analysis,
    out: &mut Vec<Finding>,
    signal: crate::lexicon::Signal,
    spares: fn(&Analysis, &crate::lexicon::Hit) -> bool,
    report: fn(&Analysis, &mut Vec<Finding>),
) {
    if !a.hits_of(signal).all(|h| !reportable(h) || spares(a, h)) {
        report(a, out);
    }
}

#[cfg(test)]
pub(crate) mod test_util {
    use crate::{Config, Linter};

    /// The texts a rule flags in `draft` under the default config.
    pub fn flagged(rule: &str, draft: &str) -> Vec<String> {
        flagged_with(rule, draft, Config::default())
    }

    pub fn flagged_with(rule: &str, draft: &str, config: Config) -> Vec<String> {
        let mut config = config;
        config
            .rules
            .insert(rule.to_owned(), crate::RuleLevel::Warning);
        let linter = Linter::new(config).unwrap();
        linter
            .analyze(draft)
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == rule)
            .map(|d| d.span.text(draft).to_owned())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_match_the_spec_catalogue() {
        let ids: Vec<_> = rules().iter().map(|r| r.id).collect();
        for id in [
            "hard-sell",
            "urgency",
            "discount",
            "engagement-bait",
            "needy",
            "vanity-metrics",
            "brag",
            "self-centered",
            "link-only",
            "all-business",
            "robotic",
            "shouting",
            "hashtag-stuffing",
            "missed-conversation",
        ] {
            assert!(ids.contains(&id), "{id}");
        }
        assert_eq!(
            info("missed-conversation").unwrap().default_severity,
            Severity::Info
        );
    }
}
