//! Measuring judgement against labelled data (what `postlint eval` prints).
//!
//! Two JSONL formats are understood, line by line:
//! - the development corpus: `{"text", "salesy": 0|1|null, ..., "rules": [...]}`
//!   (null cells, where annotators disagreed, are left out);
//! - external sets: `{"text", "label"}`, where `spam`/`ham` measure `salesy`
//!   and `question`/`request` vs `statement`/`expression` measure
//!   `conversational` (other labels are left out).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::metrics::BinaryMetrics;
use crate::{Dimension, Linter};

/// Scores of one dimension against gold labels.
#[derive(Clone, Debug, Serialize)]
pub struct DimensionResult {
    /// The dimension measured.
    pub dimension: Dimension,
    /// Its metrics at the linter's threshold.
    #[serde(flatten)]
    pub metrics: BinaryMetrics,
}

/// One rule's diagnostics against the gold `rules` lists.
#[derive(Clone, Debug, Default, Serialize)]
pub struct RuleResult {
    /// Drafts whose gold list names the rule.
    pub gold: usize,
    /// Drafts where the rule fired.
    pub predicted: usize,
    /// Drafts where both hold.
    pub tp: usize,
    /// tp / predicted (0 when it never fired).
    pub precision: f64,
    /// tp / gold (0 when no gold).
    pub recall: f64,
}

/// The measurement of one labelled set.
#[derive(Clone, Debug, Serialize)]
pub struct Evaluation {
    /// Rows read.
    pub rows: usize,
    /// One entry per dimension that has labels, in dimension order.
    pub dimensions: Vec<DimensionResult>,
    /// Mean F1 over the four dimensions, when all four have labels.
    pub macro_f1: Option<f64>,
    /// Per-rule results, when the set has `rules` lists.
    pub rules: BTreeMap<String, RuleResult>,
}

impl Evaluation {
    /// The result of one dimension, if the set labels it.
    pub fn dimension(&self, d: Dimension) -> Option<&BinaryMetrics> {
        self.dimensions
            .iter()
            .find(|r| r.dimension == d)
            .map(|r| &r.metrics)
    }
}

/// Gold label of an external `{"label"}` row, if it measures a dimension.
pub fn external_gold(label: &str) -> Option<(Dimension, bool)> {
    match label {
        "spam" => Some((Dimension::Salesy, true)),
        "ham" => Some((Dimension::Salesy, false)),
        "question" | "request" => Some((Dimension::Conversational, true)),
        "statement" | "expression" => Some((Dimension::Conversational, false)),
        _ => None,
    }
}

/// Lints every row of a labelled JSONL document and measures the result.
/// Errors name the 1-based line.
pub fn evaluate(linter: &Linter, jsonl: &str) -> Result<Evaluation, String> {
    let mut pairs: BTreeMap<Dimension, Vec<(f64, bool)>> = BTreeMap::new();
    let mut rules: BTreeMap<String, RuleResult> = BTreeMap::new();
    let mut rows = 0;
    for (i, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        let Some(text) = v.get("text").and_then(Value::as_str) else {
            return Err(format!("line {}: no string \"text\"", i + 1));
        };
        let report = linter.analyze(text);
        rows += 1;
        if let Some(label) = v.get("label").and_then(Value::as_str) {
            if let Some((d, gold)) = external_gold(label) {
                pairs
                    .entry(d)
                    .or_default()
                    .push((report.scores.get(d), gold));
            }
            continue;
        }
        for d in Dimension::ALL {
            if let Some(gold) = v.get(d.as_str()).and_then(Value::as_i64) {
                pairs
                    .entry(d)
                    .or_default()
                    .push((report.scores.get(d), gold == 1));
            }
        }
        if let Some(gold_rules) = v.get("rules").and_then(Value::as_array) {
            let gold: Vec<&str> = gold_rules.iter().filter_map(Value::as_str).collect();
            for r in crate::rules() {
                let e = rules.entry(r.id.to_owned()).or_default();
                let g = gold.contains(&r.id);
                let p = report.diagnostics.iter().any(|d| d.rule == r.id);
                e.gold += usize::from(g);
                e.predicted += usize::from(p);
                e.tp += usize::from(g && p);
            }
        }
    }
    for r in rules.values_mut() {
        r.precision = ratio(r.tp, r.predicted);
        r.recall = ratio(r.tp, r.gold);
    }
    let dimensions: Vec<DimensionResult> = pairs
        .into_iter()
        .map(|(d, p)| DimensionResult {
            dimension: d,
            metrics: BinaryMetrics::compute(&p, linter.threshold(d)),
        })
        .collect();
    let macro_f1 =
        (dimensions.len() == 4).then(|| dimensions.iter().map(|d| d.metrics.f1).sum::<f64>() / 4.0);
    Ok(Evaluation {
        rows,
        dimensions,
        macro_f1,
        rules,
    })
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dev_format_and_external_format() {
        let linter = Linter::default();
        let dev = concat!(
            "{\"text\": \"Buy now, 50% off!\", \"salesy\": 1, \"personal\": 0, \"conversational\": null, \"identity_reflecting\": 0, \"rules\": [\"hard-sell\"]}\n",
            "{\"text\": \"I burned the toast again lol\", \"salesy\": 0, \"personal\": 1, \"conversational\": 0, \"identity_reflecting\": 0, \"rules\": []}\n",
        );
        let e = evaluate(&linter, dev).unwrap();
        assert_eq!(e.rows, 2);
        assert_eq!(e.dimension(Dimension::Salesy).unwrap().n, 2);
        assert_eq!(e.dimension(Dimension::Conversational).unwrap().n, 1);
        assert_eq!(e.rules["hard-sell"].gold, 1);
        assert_eq!(e.rules["hard-sell"].tp, 1);
        assert!(e.macro_f1.is_some());
        let ext = "{\"text\": \"WIN a FREE prize! Call 09061701461 now\", \"label\": \"spam\"}\n{\"text\": \"see you at 5\", \"label\": \"ham\"}\n{\"text\": \"x\", \"label\": \"threat\"}";
        let e = evaluate(&linter, ext).unwrap();
        assert_eq!(e.rows, 3);
        assert_eq!(e.dimension(Dimension::Salesy).unwrap().auc, Some(1.0));
        assert!(e.macro_f1.is_none() && e.rules.is_empty());
        assert!(evaluate(&linter, "not json")
            .unwrap_err()
            .contains("line 1"));
    }
}
