//! `postlint eval`: how well the scores and rules agree with labelled data.
//!
//! Understands two formats, line by line:
//! - the dev corpus: `{"text", "salesy": 0|1|null, ..., "rules": [...]}`;
//! - external sets: `{"text", "label"}` where `spam`/`ham` measure `salesy`
//!   and `question`/`request` vs `statement`/`expression` measure
//!   `conversational` (other tweet-act labels are left out).

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;

use postlint::metrics::BinaryMetrics;
use postlint::{Dimension, Linter};
use serde::Serialize;
use serde_json::Value;

#[derive(Serialize)]
struct DimensionResult {
    dimension: &'static str,
    #[serde(flatten)]
    metrics: BinaryMetrics,
}

#[derive(Serialize, Default)]
struct RuleResult {
    gold: usize,
    predicted: usize,
    tp: usize,
    precision: f64,
    recall: f64,
}

#[derive(Serialize)]
struct FileResult {
    file: String,
    rows: usize,
    dimensions: Vec<DimensionResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    macro_f1: Option<f64>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    rules: BTreeMap<String, RuleResult>,
}

/// Gold label of an external `{"label"}` row for a dimension, if it has one.
fn external_gold(label: &str) -> Option<(Dimension, bool)> {
    match label {
        "spam" => Some((Dimension::Salesy, true)),
        "ham" => Some((Dimension::Salesy, false)),
        "question" | "request" => Some((Dimension::Conversational, true)),
        "statement" | "expression" => Some((Dimension::Conversational, false)),
        _ => None,
    }
}

fn eval_file(linter: &Linter, path: &PathBuf) -> Result<FileResult, String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut pairs: BTreeMap<Dimension, Vec<(f64, bool)>> = BTreeMap::new();
    let mut rules: BTreeMap<String, RuleResult> = BTreeMap::new();
    let mut rows = 0;
    let mut has_rules = false;
    for (i, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))?;
        let Some(text) = v.get("text").and_then(Value::as_str) else {
            return Err(format!("{}:{}: no string \"text\"", path.display(), i + 1));
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
            has_rules = true;
            let gold: Vec<&str> = gold_rules.iter().filter_map(Value::as_str).collect();
            let mut fired: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
            fired.dedup();
            for r in postlint::rules() {
                let e = rules.entry(r.id.to_owned()).or_default();
                let g = gold.contains(&r.id);
                let p = fired.contains(&r.id);
                e.gold += g as usize;
                e.predicted += p as usize;
                e.tp += (g && p) as usize;
            }
        }
    }
    for r in rules.values_mut() {
        r.precision = if r.predicted > 0 {
            r.tp as f64 / r.predicted as f64
        } else {
            0.0
        };
        r.recall = if r.gold > 0 {
            r.tp as f64 / r.gold as f64
        } else {
            0.0
        };
    }
    let dimensions: Vec<DimensionResult> = pairs
        .into_iter()
        .map(|(d, p)| DimensionResult {
            dimension: d.as_str(),
            metrics: BinaryMetrics::compute(&p, linter.threshold(d)),
        })
        .collect();
    let macro_f1 =
        (dimensions.len() == 4).then(|| dimensions.iter().map(|d| d.metrics.f1).sum::<f64>() / 4.0);
    Ok(FileResult {
        file: path.display().to_string(),
        rows,
        dimensions,
        macro_f1,
        rules: if has_rules { rules } else { BTreeMap::new() },
    })
}

pub fn run(linter: &Linter, files: &[PathBuf], json: bool) -> Result<String, String> {
    let results = files
        .iter()
        .map(|f| eval_file(linter, f))
        .collect::<Result<Vec<_>, _>>()?;
    if json {
        return serde_json::to_string_pretty(&results)
            .map(|s| s + "\n")
            .map_err(|e| e.to_string());
    }
    let mut out = String::new();
    for r in &results {
        let _ = writeln!(out, "{} ({} rows)", r.file, r.rows);
        let _ = writeln!(
            out,
            "  {:<20} {:>5} {:>5} {:>9} {:>7} {:>6} {:>6}",
            "dimension", "n", "pos", "precision", "recall", "F1", "AUC"
        );
        for d in &r.dimensions {
            let m = &d.metrics;
            let auc = m.auc.map_or("-".to_owned(), |a| format!("{a:.3}"));
            let _ = writeln!(
                out,
                "  {:<20} {:>5} {:>5} {:>9.3} {:>7.3} {:>6.3} {:>6}",
                d.dimension, m.n, m.positives, m.precision, m.recall, m.f1, auc
            );
        }
        if let Some(f) = r.macro_f1 {
            let _ = writeln!(out, "  macro-F1 {f:.3}");
        }
        if !r.rules.is_empty() {
            let _ = writeln!(
                out,
                "  {:<20} {:>5} {:>9} {:>5} {:>9} {:>7}",
                "rule", "gold", "predicted", "tp", "precision", "recall"
            );
            for (id, m) in &r.rules {
                let _ = writeln!(
                    out,
                    "  {:<20} {:>5} {:>9} {:>5} {:>9.3} {:>7.3}",
                    id, m.gold, m.predicted, m.tp, m.precision, m.recall
                );
            }
        }
        out.push('\n');
    }
    Ok(out)
}
