//! Calibration: one temperature per dimension, fitted on held-out scores.
//!
//! Class balancing and the decision offsets put each dimension's yes/no line
//! where it serves unseen writers, but they leave the scores' spread as the
//! training fit had it: on a writer the model has not seen, its confident
//! scores are too confident (or too timid), and the Brier score suffers. A
//! temperature `t` multiplies a dimension's log-odds (its bias, offset
//! included, and every weight): the score of 0.5 stays where it was, so the
//! order of drafts (AUC) and every yes/no decision (F1) stay the same, and
//! only how far scores lean towards 0 or 1 changes.
//!
//! `t` is chosen on the nested leave-one-writer-out log-odds of the training
//! rows (the same ones the decision offsets come from), never on the writer a
//! cross-validated fold measures: the `t` between 0.25 and 3 (steps of 0.01,
//! the one nearest 1 of equals) with the lowest Brier score averaged over
//! those held-out writers, each writer counting once.
//!
//! Off by default ([`super::Options::calibrate`]); `postlint eval --cv --set
//! calibrate=1` measures it. Measured on this data it does not pay: the
//! temperatures come out between 1.09 and 1.44 (the fit is a little timid on
//! average), the mean held-out Brier over writers and dimensions moves from
//! 0.0887 to 0.0883, but the worst one (writer `f-`'s salesy) from 0.125 to
//! 0.127. Minimising the worst writer's Brier instead of the mean gives
//! 0.0921 mean and 0.125 worst. The Brier misses come from where the yes/no
//! line sits on each writer, which a temperature cannot move.

use crate::model::{sigmoid, Model};
use crate::Dimension;

/// The temperature per dimension for `held_out` log-odds (per writer, per
/// dimension: log-odds and gold) once `offsets` are added; 1 without any.
pub(super) fn temperatures(held_out: &[[Vec<(f64, bool)>; 4]], offsets: [f64; 4]) -> [f64; 4] {
    let mut out = [1.0; 4];
    if held_out.is_empty() {
        return out;
    }
    for d in Dimension::ALL {
        let k = d.index();
        let mut best = (f64::INFINITY, 1.0);
        // From 1 outwards, so that of equal temperatures the nearest 1 wins.
        for step in (0..=400).map(|j: i32| if j % 2 == 0 { j / 2 } else { -(j + 1) / 2 }) {
            let t = 1.0 + f64::from(step) * 0.01;
            if !(0.25..=3.0).contains(&t) {
                continue;
            }
            let brier = mean_brier(held_out.iter().map(|w| &w[k][..]), offsets[k], t);
            if brier < best.0 - 1e-12 {
                best = (brier, t);
            }
        }
        out[k] = best.1;
    }
    out
}

/// The Brier score of `sigmoid(t (z + offset))` against gold, averaged over
/// the groups that hold any pair.
fn mean_brier<'a>(groups: impl Iterator<Item = &'a [(f64, bool)]>, offset: f64, t: f64) -> f64 {
    let (mut sum, mut n) = (0.0, 0usize);
    for pairs in groups.filter(|p| !p.is_empty()) {
        let b: f64 = pairs
            .iter()
            .map(|&(z, g)| {
                let p = sigmoid(t * (z + offset));
                let y = f64::from(u8::from(g));
                (p - y) * (p - y)
            })
            .sum();
        sum += b / pairs.len() as f64;
        n += 1;
    }
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// `model` with `offsets` added to its biases and each dimension's bias and
/// weights multiplied by its temperature, every number passed through
/// `round`.
pub(super) fn apply(
    model: &Model,
    offsets: [f64; 4],
    scales: [f64; 4],
    round: fn(f64) -> f64,
) -> Model {
    let scale = |w: [f64; 4]| {
        let mut out = w;
        for ((x, &v), &t) in out.iter_mut().zip(&w).zip(&scales) {
            *x = round(v * t);
        }
        out
    };
    let mut bias = model.bias;
    for (b, o) in bias.iter_mut().zip(offsets) {
        *b = round(*b + o);
    }
    Model::new(
        scale(bias),
        model
            .features()
            .into_iter()
            .map(|(n, w)| (n.to_owned(), scale(w))),
        model
            .words()
            .into_iter()
            .map(|(n, w)| (n.to_owned(), scale(w))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Held-out log-odds of one writer: `n` drafts at each of `zs`, of
    /// which the share `yes` is positive.
    fn writer(zs: &[(f64, f64)]) -> [Vec<(f64, bool)>; 4] {
        let mut pairs = Vec::new();
        for &(z, yes) in zs {
            let pos = (yes * 20.0).round() as usize;
            for j in 0..20 {
                pairs.push((z, j < pos));
            }
        }
        [pairs.clone(), pairs.clone(), pairs.clone(), pairs]
    }

    #[test]
    fn overconfident_scores_are_cooled_and_timid_ones_sharpened() {
        // Log-odds of ±4 whose drafts are right 3 times in 4: too confident.
        let hot = writer(&[(4.0, 0.75), (-4.0, 0.25)]);
        let t = temperatures(&[hot.clone(), hot], [0.0; 4]);
        // sigmoid(4 t) = 0.75 at t = ln 3 / 4 = 0.27.
        assert!((t[0] - 0.27).abs() < 0.015, "{t:?}");
        // Log-odds of ±0.5 that are always right: too timid.
        let cold = writer(&[(0.5, 1.0), (-0.5, 0.0)]);
        let t = temperatures(&[cold], [0.0; 4]);
        assert_eq!(t, [3.0; 4]);
        // Calibrated scores keep their temperature.
        let z = 3f64.ln();
        let fair = writer(&[(z, 0.75), (-z, 0.25)]);
        assert_eq!(temperatures(&[fair], [0.0; 4]), [1.0; 4]);
        assert_eq!(temperatures(&[], [0.0; 4]), [1.0; 4]);
    }

    #[test]
    fn a_temperature_keeps_every_decision() {
        let m = Model::new(
            [-1.0, 0.5, 0.0, 0.2],
            [("a".to_owned(), [2.0, -1.0, 0.5, 0.0])],
            [("sale".to_owned(), [0.5, 0.0, 0.0, -0.25])],
        );
        let r = |x: f64| (x * 1e4).round() / 1e4;
        let c = apply(&m, [0.5, 0.0, -0.5, 0.0], [2.0, 0.5, 1.0, 3.0], r);
        assert_eq!(c.bias, [-1.0, 0.25, -0.5, 0.6]);
        assert_eq!(c.weights("a"), [4.0, -0.5, 0.5, 0.0]);
        assert_eq!(c.word_weights("sale"), [1.0, 0.0, 0.0, -0.75]);
    }
}
