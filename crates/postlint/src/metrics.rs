//! Binary classification metrics used by `postlint eval`.

use serde::Serialize;

/// Precision, recall, F1 and ROC AUC of scores against gold labels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct BinaryMetrics {
    /// Number of examples.
    pub n: usize,
    /// Gold positives.
    pub positives: usize,
    /// True positives at the threshold.
    pub tp: usize,
    /// False positives at the threshold.
    pub fp: usize,
    /// False negatives at the threshold.
    pub fn_: usize,
    /// tp / (tp + fp), 0 when nothing was predicted positive.
    pub precision: f64,
    /// tp / (tp + fn), 0 when there are no positives.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Area under the ROC curve (ties count half); `None` without both classes.
    pub auc: Option<f64>,
    /// Mean squared error of the score as a probability (0 is perfect; a
    /// constant 0.5 scores 0.25): how well calibrated the scores are.
    pub brier: f64,
}

impl BinaryMetrics {
    /// Computes the metrics of `(score, gold)` pairs at `threshold`.
    pub fn compute(pairs: &[(f64, bool)], threshold: f64) -> Self {
        let mut m = Self {
            n: pairs.len(),
            ..Self::default()
        };
        for &(s, gold) in pairs {
            let pred = s >= threshold;
            match (pred, gold) {
                (true, true) => m.tp += 1,
                (true, false) => m.fp += 1,
                (false, true) => m.fn_ += 1,
                _ => {}
            }
            m.positives += gold as usize;
        }
        m.precision = ratio(m.tp, m.tp + m.fp);
        m.recall = ratio(m.tp, m.tp + m.fn_);
        m.f1 = f1(m.tp, m.fp, m.fn_);
        m.auc = auc(pairs);
        m.brier = if pairs.is_empty() {
            0.0
        } else {
            pairs
                .iter()
                .map(|&(s, g)| (s - f64::from(u8::from(g))).powi(2))
                .sum::<f64>()
                / pairs.len() as f64
        };
        m
    }
}

/// F1 from true positives, false positives and false negatives: the
/// harmonic mean of precision and recall, 0 when both are 0.
pub(crate) fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    let (precision, recall) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// ROC AUC by the rank-sum (Mann-Whitney U) formula, ties averaged.
pub fn auc(pairs: &[(f64, bool)]) -> Option<f64> {
    let pos = pairs.iter().filter(|p| p.1).count();
    let neg = pairs.len() - pos;
    if pos == 0 || neg == 0 {
        return None;
    }
    let mut sorted: Vec<(f64, bool)> = pairs.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j < sorted.len() && sorted[j].0 == sorted[i].0 {
            j += 1;
        }
        // Ranks i+1..=j share their average.
        let avg = (i + 1 + j) as f64 / 2.0;
        rank_sum += avg * sorted[i..j].iter().filter(|p| p.1).count() as f64;
        i = j;
    }
    let u = rank_sum - (pos * (pos + 1)) as f64 / 2.0;
    Some(u / (pos * neg) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_inverted() {
        let p = [(0.9, true), (0.8, true), (0.2, false), (0.1, false)];
        let m = BinaryMetrics::compute(&p, 0.5);
        assert_eq!((m.tp, m.fp, m.fn_), (2, 0, 0));
        assert_eq!(m.f1, 1.0);
        assert_eq!(m.auc, Some(1.0));
        assert!((m.brier - (0.01 + 0.04 + 0.04 + 0.01) / 4.0).abs() < 1e-12);
        let inv: Vec<_> = p.iter().map(|&(s, g)| (s, !g)).collect();
        assert_eq!(auc(&inv), Some(0.0));
    }

    #[test]
    fn ties_count_half() {
        assert_eq!(auc(&[(0.5, true), (0.5, false)]), Some(0.5));
        assert_eq!(auc(&[(0.5, true)]), None);
    }
}
