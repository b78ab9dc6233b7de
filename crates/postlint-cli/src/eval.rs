//! `postlint eval`: prints the core's [`postlint::eval`] measurements of one
//! or more labelled files, as tables or JSON.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use postlint::eval::{evaluate, Evaluation, Example};
use postlint::train::{self, Fold, Options};
use postlint::{Dimension, Evidence, Linter, Report, Scores};
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

/// One held-out draft as `eval --cv --drafts` writes it: the labels beside
/// the report of the model fitted without the draft's writer or set.
#[derive(Serialize)]
struct HeldOutDraft<'a> {
    held_out: &'a str,
    text: &'a str,
    reply: bool,
    /// Per dimension: the agreed label, or null (none, or annotators split).
    gold: BTreeMap<&'static str, Option<bool>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gold_rules: Option<&'a [String]>,
    scores: Scores,
    rules: Vec<&'a str>,
    evidence: &'a [Evidence],
}

fn held_out_line(ex: &Example, report: &Report) -> serde_json::Result<Vec<u8>> {
    let line = HeldOutDraft {
        held_out: &ex.group,
        text: &ex.text,
        reply: ex.reply,
        gold: Dimension::ALL
            .iter()
            .zip(ex.gold)
            .map(|(d, g)| (d.as_str(), g))
            .collect(),
        gold_rules: ex.rules.as_deref(),
        scores: report.scores,
        rules: report.diagnostics.iter().map(|d| d.rule.as_ref()).collect(),
        evidence: &report.evidence,
    };
    let mut out = serde_json::to_vec(&line)?;
    out.push(b'\n');
    Ok(out)
}

/// The training options of `--set key=value` settings, over the defaults.
fn parse_settings(settings: &[String]) -> Result<Options, String> {
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
            "l2_zero" => opts.l2_zero = num,
            "keep_sign" => opts.keep_sign = num != 0.0,
            _ => return Err(format!("--set {s}: unknown setting {k}")),
        }
    }
    Ok(opts)
}

/// `postlint eval --cv`: leave-one-writer-out and leave-one-set-out. With
/// `drafts`, every held-out draft's report is also written there as a JSONL
/// line, to read a writer's misses.
pub fn cross_validate(
    data: &Path,
    json: bool,
    settings: &[String],
    drafts: Option<&Path>,
) -> Result<String, String> {
    let opts = parse_settings(settings)?;
    let examples = train::load(data)?;
    let features = train::featurize(&examples);
    let folds: Vec<Fold> = match drafts {
        None => train::cross_validate(&examples, &features, opts),
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|e| format!("--drafts {}: {e}", path.display()))?;
            let mut file = std::io::BufWriter::new(file);
            let mut failed = None;
            let folds = train::cross_validate_drafts(&examples, &features, opts, |ex, report| {
                if failed.is_none() {
                    let written = held_out_line(ex, report)
                        .map_err(|e| e.to_string())
                        .and_then(|l| file.write_all(&l).map_err(|e| e.to_string()));
                    failed = written.err();
                }
            });
            if let Some(e) = failed.or_else(|| file.flush().err().map(|e| e.to_string())) {
                return Err(format!("--drafts {}: {e}", path.display()));
            }
            folds
        }
    };
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
            let _ = match e.macro_f1_interval {
                Some([lo, hi]) => writeln!(
                    out,
                    "  macro-F1 {f:.3} (95% of bootstrap resamples {lo:.3}-{hi:.3})"
                ),
                None => writeln!(out, "  macro-F1 {f:.3}"),
            };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_parse_over_the_defaults() {
        let set = |v: &[&str]| parse_settings(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(set(&[]).unwrap(), Options::default());
        let o = set(&["l2_zero=5", "keep_sign=1", "l2=2"]).unwrap();
        assert_eq!(
            o,
            Options {
                l2_zero: 5.0,
                keep_sign: true,
                l2: 2.0,
                ..Options::default()
            }
        );
        assert_eq!(set(&["l2_zero=inf"]).unwrap().l2_zero, f64::INFINITY);
        assert!(!set(&["keep_sign=0"]).unwrap().keep_sign);
        assert!(set(&["l2_zero"]).is_err());
        assert!(set(&["l2_zero=lots"]).is_err());
        assert!(set(&["l2_nil=1"]).is_err());
    }

    #[test]
    fn a_held_out_line_carries_labels_scores_and_spans() {
        let ex = Example {
            group: "c".into(),
            text: "🎉 50% off everything, today only!".into(),
            reply: false,
            gold: [Some(true), Some(false), None, Some(false)],
            disagreed: [false, false, true, false],
            rules: Some(vec!["discount".into()]),
        };
        let report = Linter::default().analyze_with(&ex.text, &ex.context());
        let line = held_out_line(&ex, &report).unwrap();
        assert_eq!(line.last(), Some(&b'\n'));
        let v: serde_json::Value = serde_json::from_slice(&line).unwrap();
        assert_eq!(v["held_out"], "c");
        assert_eq!(v["gold"]["salesy"], true);
        assert!(v["gold"]["conversational"].is_null());
        assert_eq!(v["gold_rules"][0], "discount");
        assert_eq!(v["scores"]["salesy"], report.scores.salesy);
        assert!(v["rules"].as_array().unwrap().contains(&"discount".into()));
        // Evidence spans are the core's byte offsets: the discount starts
        // after the four-byte emoji and its space.
        let starts: Vec<u64> = v["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["start"].as_u64().unwrap())
            .collect();
        assert!(starts.contains(&5), "{starts:?}");
    }
}
