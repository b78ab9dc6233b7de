//! `postlint eval`: prints the core's [`postlint::eval`] measurements of one
//! or more labelled files, as tables or JSON.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use postlint::eval::{evaluate, Evaluation};
use postlint::train::{self, Fold, Options};
use postlint::Linter;
use serde::Serialize;

#[derive(Serialize)]
struct FileResult {
    file: String,
    #[serde(flatten)]
    evaluation: Evaluation,
}

pub fn run(linter: &Linter, files: &[PathBuf], json: bool) -> Result<String, String> {
    let results = files
        .iter()
        .map(|f| {
            let src = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
            let evaluation = evaluate(linter, &src).map_err(|e| format!("{}: {e}", f.display()))?;
            Ok(FileResult {
                file: f.display().to_string(),
                evaluation,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    if json {
        return serde_json::to_string_pretty(&results)
            .map(|s| s + "\n")
            .map_err(|e| e.to_string());
    }
    let mut out = String::new();
    for r in &results {
        table(&mut out, &r.file, &r.evaluation);
    }
    Ok(out)
}

/// `postlint eval --cv`: leave-one-writer-out and leave-one-set-out.
pub fn cross_validate(data: &Path, json: bool, settings: &[String]) -> Result<String, String> {
    let mut opts = Options::default();
    for s in settings {
        let (k, v) = s
            .split_once('=')
            .ok_or_else(|| format!("--set {s}: expected key=value"))?;
        let num: f64 = v
            .parse()
            .map_err(|_| format!("--set {s}: {v} is not a number"))?;
        match k {
            "l2" => opts.l2 = num,
            "external_rows" => opts.external_rows = num,
            "l2_words" => opts.l2_words = num,
            "max_words" => opts.max_words = num as usize,
            "min_word_drafts" => opts.min_word_drafts = num as usize,
            "balance" => opts.balance = num,
            "offsets" => opts.offsets = num,
            "calibrate" => opts.calibrate = num != 0.0,
            "soft" => opts.soft = num,
            "writers" => opts.writers = num,
            _ => return Err(format!("--set {s}: unknown setting {k}")),
        }
    }
    let examples = train::load(data)?;
    let features = train::featurize(&examples);
    let folds: Vec<Fold> = train::cross_validate(&examples, &features, opts);
    if json {
        return serde_json::to_string_pretty(&folds)
            .map(|s| s + "\n")
            .map_err(|e| e.to_string());
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Held-out: each writer and each external set is scored by a model fitted without it.\n"
    );
    for f in &folds {
        let what = if f.writer { "writer" } else { "set" };
        table(
            &mut out,
            &format!("held-out {what} {}", f.held_out),
            &f.evaluation,
        );
    }
    Ok(out)
}

fn table(out: &mut String, title: &str, e: &Evaluation) {
    {
        let _ = writeln!(out, "{title} ({} rows)", e.rows);
        let _ = writeln!(
            out,
            "  {:<20} {:>5} {:>5} {:>9} {:>7} {:>6} {:>6} {:>6}",
            "dimension", "n", "pos", "precision", "recall", "F1", "AUC", "Brier"
        );
        for d in &e.dimensions {
            let m = &d.metrics;
            let auc = m.auc.map_or("-".to_owned(), |a| format!("{a:.3}"));
            let _ = writeln!(
                out,
                "  {:<20} {:>5} {:>5} {:>9.3} {:>7.3} {:>6.3} {:>6} {:>6.3}",
                d.dimension.as_str(),
                m.n,
                m.positives,
                m.precision,
                m.recall,
                m.f1,
                auc,
                m.brier
            );
        }
        if let Some(f) = e.macro_f1 {
            let _ = writeln!(out, "  macro-F1 {f:.3}");
        }
        if !e.rules.is_empty() {
            let _ = writeln!(
                out,
                "  {:<20} {:>5} {:>9} {:>5} {:>9} {:>7}",
                "rule", "gold", "predicted", "tp", "precision", "recall"
            );
            for (id, m) in &e.rules {
                let _ = writeln!(
                    out,
                    "  {:<20} {:>5} {:>9} {:>5} {:>9.3} {:>7.3}",
                    id, m.gold, m.predicted, m.tp, m.precision, m.recall
                );
            }
        }
        out.push('\n');
    }
}
