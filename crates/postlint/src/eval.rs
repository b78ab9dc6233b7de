//! Measuring judgement against labelled data (what `postlint eval` prints).
//!
//! Two JSONL formats are understood, line by line:
//! - the development corpus: `{"text", "salesy": 0|1|null, ..., "rules": [...]}`
//!   (null cells, where annotators disagreed, are left out);
//! - external sets: `{"text", "label"}` (see [`external_gold`] for what each
//!   label measures; other labels are left out).
//!
//! A corpus row's `platform` says whether it is a reply ([`is_reply_platform`]);
//! it is read in that context.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::metrics::BinaryMetrics;
use crate::{Context, Dimension, Linter, Report};

/// Scores of one dimension against gold labels.
#[derive(Clone, Debug, Serialize)]
pub struct DimensionResult {
    /// The dimension measured.
    pub dimension: Dimension,
    /// Its metrics at the linter's threshold.
    #[serde(flatten)]
    pub metrics: BinaryMetrics,
    /// Mean distance of the score from 0.5 where annotators agreed...
    pub margin_agreed: Option<f64>,
    /// ...and where they disagreed (a calibrated model is less sure there).
    pub margin_disagreed: Option<f64>,
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
    /// The middle 95% of `macro_f1` over 1,000 bootstrap resamples of the
    /// drafts (seeded, so the same scores give the same interval): how far
    /// the figure could move on another sample of the same writing.
    pub macro_f1_interval: Option<[f64; 2]>,
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

/// Gold labels of an external `{"label"}` row, per dimension (`None` where
/// the label says nothing about it).
///
/// - `spam`/`ham`: salesy (SMS spam);
/// - `question`/`request` vs `statement`/`expression`: conversational
///   (tweet acts);
/// - `action` vs `information`: salesy, and `dialogue` vs both:
///   conversational (corporate messaging);
/// - `person`/`brand`: personal (who wrote the tweet).
pub fn external_gold(label: &str) -> [Option<bool>; 4] {
    let mut g = [None; 4];
    let (d, v) = match label {
        "spam" => (Dimension::Salesy, true),
        "ham" => (Dimension::Salesy, false),
        "question" | "request" | "dialogue" => (Dimension::Conversational, true),
        "statement" | "expression" => (Dimension::Conversational, false),
        "action" | "information" => {
            g[Dimension::Conversational.index()] = Some(false);
            (Dimension::Salesy, label == "action")
        }
        "person" => (Dimension::Personal, true),
        "brand" => (Dimension::Personal, false),
        _ => return g,
    };
    g[d.index()] = Some(v);
    g
}

/// One labelled draft.
#[derive(Clone, Debug)]
pub struct Example {
    /// Who wrote it: the id's prefix (`a-001` is writer `a`) for the corpus
    /// format, otherwise the name the caller gave the set.
    pub group: String,
    /// The draft.
    pub text: String,
    /// The draft is a reply or comment (its `platform` ends in `_reply` or
    /// `_comment`, or is `reply`).
    pub reply: bool,
    /// Gold label per dimension; `None` where there is none or annotators
    /// disagreed.
    pub gold: [Option<bool>; 4],
    /// Dimensions where the two annotators disagreed (a null cell).
    pub disagreed: [bool; 4],
    /// The rules both annotators listed, for the corpus format.
    pub rules: Option<Vec<String>>,
}

impl Example {
    /// The context the draft is read in.
    pub fn context(&self) -> Context {
        Context { reply: self.reply }
    }
}

/// True for a `platform` value that marks a reply or comment.
pub fn is_reply_platform(platform: &str) -> bool {
    platform == "reply" || platform.ends_with("_reply") || platform.ends_with("_comment")
}

/// Reads labelled JSONL (either format). `group` names the set's rows that
/// carry no writer prefix. Errors name the 1-based line.
pub fn parse_examples(jsonl: &str, group: &str) -> Result<Vec<Example>, String> {
    let mut out = Vec::new();
    for (i, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        let Some(text) = v.get("text").and_then(Value::as_str) else {
            return Err(format!("line {}: no string \"text\"", i + 1));
        };
        let reply = v
            .get("platform")
            .and_then(Value::as_str)
            .is_some_and(is_reply_platform);
        let mut ex = Example {
            group: group.to_owned(),
            text: text.to_owned(),
            reply,
            gold: [None; 4],
            disagreed: [false; 4],
            rules: None,
        };
        if let Some(label) = v.get("label") {
            ex.gold = label.as_str().map(external_gold).unwrap_or_default();
        } else {
            if let Some((prefix, _)) = v
                .get("id")
                .and_then(Value::as_str)
                .and_then(|id| id.split_once('-'))
            {
                ex.group = prefix.to_owned();
            }
            for d in Dimension::ALL {
                match v.get(d.as_str()) {
                    Some(Value::Null) => ex.disagreed[d.index()] = true,
                    Some(g) => ex.gold[d.index()] = g.as_i64().map(|g| g == 1),
                    None => {}
                }
            }
            ex.rules = v.get("rules").and_then(Value::as_array).map(|r| {
                r.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            });
        }
        out.push(ex);
    }
    Ok(out)
}

/// Lints every row of a labelled JSONL document and measures the result.
/// Errors name the 1-based line.
pub fn evaluate(linter: &Linter, jsonl: &str) -> Result<Evaluation, String> {
    let examples = parse_examples(jsonl, "")?;
    Ok(measure(linter, examples.iter()))
}

/// Lints labelled drafts (each in its context) and measures the result.
pub fn measure<'a>(linter: &Linter, examples: impl IntoIterator<Item = &'a Example>) -> Evaluation {
    measure_each(linter, examples, |_, _| {})
}

/// [`measure`], also handing each draft and its report to `each`, in order.
pub fn measure_each<'a>(
    linter: &Linter,
    examples: impl IntoIterator<Item = &'a Example>,
    mut each: impl FnMut(&Example, &Report),
) -> Evaluation {
    let mut pairs: BTreeMap<Dimension, Vec<(f64, bool)>> = BTreeMap::new();
    let mut rules: BTreeMap<String, RuleResult> = BTreeMap::new();
    let mut margins = [[(0.0, 0usize); 2]; 4];
    // Per draft and dimension: (predicted, gold), for the bootstrap.
    let mut verdicts: Vec<[Option<(bool, bool)>; 4]> = Vec::new();
    let mut rows = 0;
    for ex in examples {
        let report = linter.analyze_with(&ex.text, &ex.context());
        rows += 1;
        let mut verdict = [None; 4];
        for d in Dimension::ALL {
            let score = report.scores.get(d);
            if let Some(gold) = ex.gold[d.index()] {
                pairs.entry(d).or_default().push((score, gold));
                verdict[d.index()] = Some((score >= linter.threshold(d), gold));
            }
            let k = usize::from(ex.disagreed[d.index()]);
            if ex.gold[d.index()].is_some() || ex.disagreed[d.index()] {
                margins[d.index()][k].0 += (score - 0.5).abs();
                margins[d.index()][k].1 += 1;
            }
        }
        verdicts.push(verdict);
        each(ex, &report);
        if let Some(gold) = &ex.rules {
            for r in crate::rules() {
                let e = rules.entry(r.id.to_owned()).or_default();
                let g = gold.iter().any(|x| x == r.id);
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
        .map(|(d, p)| {
            let [agreed, disagreed] = margins[d.index()];
            let mean = |(sum, n): (f64, usize)| (n > 0).then(|| sum / n as f64);
            DimensionResult {
                dimension: d,
                metrics: BinaryMetrics::compute(&p, linter.threshold(d)),
                margin_agreed: mean(agreed),
                margin_disagreed: mean(disagreed),
            }
        })
        .collect();
    let macro_f1 =
        (dimensions.len() == 4).then(|| dimensions.iter().map(|d| d.metrics.f1).sum::<f64>() / 4.0);
    Evaluation {
        rows,
        dimensions,
        macro_f1,
        macro_f1_interval: macro_f1.map(|_| macro_f1_interval(&verdicts)),
        rules,
    }
}

/// The 2.5th and 97.5th percentiles of the macro-F1 over bootstrap
/// resamples of `verdicts` (one `(predicted, gold)` per labelled dimension
/// of each draft). A writer's 200 drafts hold 12 to 60 positives a
/// dimension, so one draft moves an F1 by a few hundredths: the interval
/// says which differences are larger than that.
fn macro_f1_interval(verdicts: &[[Option<(bool, bool)>; 4]]) -> [f64; 2] {
    const RESAMPLES: usize = 1000;
    let n = verdicts.len() as u64;
    // SplitMix64: a fixed, dependency-free stream, so intervals reproduce.
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut macro_f1s: Vec<f64> = (0..RESAMPLES)
        .map(|_| {
            let mut counts = [[0usize; 3]; 4]; // tp, fp, fn per dimension
            for _ in 0..n {
                let row = &verdicts[(next() % n) as usize];
                for (c, v) in counts.iter_mut().zip(row) {
                    if let Some((predicted, gold)) = *v {
                        c[0] += usize::from(predicted && gold);
                        c[1] += usize::from(predicted && !gold);
                        c[2] += usize::from(!predicted && gold);
                    }
                }
            }
            let f1 = |[tp, fp, fn_]: [usize; 3]| crate::metrics::f1(tp, fp, fn_);
            counts.into_iter().map(f1).sum::<f64>() / 4.0
        })
        .collect();
    macro_f1s.sort_by(f64::total_cmp);
    [
        macro_f1s[RESAMPLES / 40],
        macro_f1s[RESAMPLES - 1 - RESAMPLES / 40],
    ]
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
    fn macro_f1_interval_brackets_the_figure_and_reproduces() {
        let perfect: Vec<_> = (0..50)
            .map(|i| [Some((i % 2 == 0, i % 2 == 0)); 4])
            .collect();
        assert_eq!(macro_f1_interval(&perfect), [1.0, 1.0]);
        // 100 drafts: per dimension 30 right positives, 10 misses, 10 false
        // alarms, 50 right negatives, so every F1 is 0.75.
        let cell = |i: usize| match i % 10 {
            0..=2 => (true, true),
            3 => (false, true),
            4 => (true, false),
            _ => (false, false),
        };
        let rows: Vec<_> = (0..100).map(|i| [Some(cell(i)); 4]).collect();
        let [lo, hi] = macro_f1_interval(&rows);
        assert!(lo < 0.75 && 0.75 < hi, "{lo} {hi}");
        // Resampling 100 drafts moves an F1 of 0.75 by several hundredths.
        assert!(hi - lo > 0.05 && hi - lo < 0.3, "{lo} {hi}");
        assert_eq!(macro_f1_interval(&rows), [lo, hi]);
    }

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
        assert!(e.macro_f1.is_some() && e.macro_f1_interval.is_some());
        let ext = "{\"text\": \"WIN a FREE prize! Call 09061701461 now\", \"label\": \"spam\"}\n{\"text\": \"see you at 5\", \"label\": \"ham\"}\n{\"text\": \"x\", \"label\": \"threat\"}";
        let e = evaluate(&linter, ext).unwrap();
        assert_eq!(e.rows, 3);
        assert_eq!(e.dimension(Dimension::Salesy).unwrap().auc, Some(1.0));
        assert!(e.macro_f1.is_none() && e.macro_f1_interval.is_none() && e.rules.is_empty());
        assert!(evaluate(&linter, "not json")
            .unwrap_err()
            .contains("line 1"));
    }
}
