//! Fifth stage of the pipeline: features to evidence and scores.
//!
//! Each dimension's score is a logistic function of weighted evidence:
//!
//! ```text
//! score_d = 1 / (1 + exp(-(bias_d + Σ weight_d(feature) × value)))
//! ```
//!
//! Every term of the sum is one [`Evidence`] item in the report (its weight
//! rounded to six decimals, and the score computed from the rounded
//! weights), so the list of evidence is the complete explanation of a score.
//! The biases and per-feature weights live in a model file compiled into the
//! library (`model/weights.txt`), parsed once per process.
//!
//! In a draft that is clearly selling, questions and "you" are read as a
//! pitch's hooks rather than as conversation or as the reader at the centre.

use std::borrow::Cow;

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

use crate::features::{Feature, QUESTION};
use crate::report::{Dimension, Evidence};

/// The model compiled into the library.
const BUILTIN_SRC: &str = include_str!("model/weights.txt");

/// Biases and per-feature weights on `[salesy, personal, conversational,
/// identity_reflecting]`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Model {
    /// Log-odds of each dimension before any evidence.
    pub bias: [f64; 4],
    /// Salesy log-odds above which questions and "you" are read as a pitch.
    pub pitch_logit: f64,
    /// What "you" and asks for opinions still count in a pitch.
    pub pitch_damp: f64,
    weights: FxHashMap<&'static str, [f64; 4]>,
}

impl Model {
    /// The built-in model.
    pub fn builtin() -> &'static Model {
        static BUILTIN: Lazy<Model> =
            Lazy::new(|| Model::parse(BUILTIN_SRC).expect("the built-in model parses"));
        &BUILTIN
    }

    /// Parses the model file format: `#` comments, `bias s p c i`,
    /// `pitch-logit x`, `pitch-damp x` and `feature name s p c i` lines.
    pub fn parse(src: &'static str) -> Result<Model, String> {
        let mut m = Model {
            bias: [0.0; 4],
            pitch_logit: f64::INFINITY,
            pitch_damp: 1.0,
            weights: FxHashMap::default(),
        };
        for (n, line) in src.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |what: &str| format!("model line {}: {what}: {line}", n + 1);
            let mut parts = line.split_whitespace();
            let key = parts.next().unwrap_or_default();
            let nums = |parts: std::str::SplitWhitespace<'_>| -> Result<Vec<f64>, String> {
                parts
                    .map(|p| p.parse::<f64>().map_err(|_| err("not a number")))
                    .collect()
            };
            match key {
                "bias" => m.bias = four(&nums(parts)?).ok_or_else(|| err("need 4 numbers"))?,
                "pitch-logit" | "pitch-damp" => {
                    let v = nums(parts)?;
                    let &[x] = v.as_slice() else {
                        return Err(err("need 1 number"));
                    };
                    if key == "pitch-logit" {
                        m.pitch_logit = x;
                    } else {
                        m.pitch_damp = x;
                    }
                }
                "feature" => {
                    let name = parts.next().ok_or_else(|| err("no name"))?;
                    let w = four(&nums(parts)?).ok_or_else(|| err("need 4 numbers"))?;
                    m.weights.insert(name, w);
                }
                _ => return Err(err("unknown key")),
            }
        }
        Ok(m)
    }

    /// The weights of a feature (zero when the model does not know it).
    pub fn weights(&self, name: &str) -> [f64; 4] {
        self.weights.get(name).copied().unwrap_or([0.0; 4])
    }

    /// Weighs features into evidence (sorted by span, dimension, signal) and
    /// the four scores.
    pub fn score(&self, features: &[Feature]) -> ([f64; 4], Vec<Evidence>) {
        let mut ev: Vec<Evidence> = Vec::with_capacity(features.len() * 2);
        let push = |ev: &mut Vec<Evidence>, f: &Feature, name: &'static str, w: [f64; 4]| {
            for d in Dimension::ALL {
                let weight = w[d.index()] * f.value;
                if weight != 0.0 {
                    ev.push(Evidence {
                        dimension: d,
                        signal: Cow::Borrowed(name),
                        span: f.span,
                        weight: round6(weight),
                    });
                }
            }
        };
        let (questions, rest): (Vec<&Feature>, Vec<&Feature>) =
            features.iter().partition(|f| f.name == QUESTION);
        for f in rest {
            push(&mut ev, f, f.name, self.weights(f.name));
        }
        let salesy_logit = self.bias[0]
            + ev.iter()
                .filter(|e| e.dimension == Dimension::Salesy)
                .map(|e| e.weight)
                .sum::<f64>();
        let pitch = salesy_logit > self.pitch_logit;
        // Questions: conversation, unless the draft is a pitch and the
        // question is its hook ("Tired of slow Wi-Fi? Switch today!").
        let q = if pitch {
            "sales-hook-question"
        } else {
            QUESTION
        };
        for f in questions {
            push(&mut ev, f, q, self.weights(q));
        }
        if pitch {
            // In a pitch, "you" addresses a customer and "let us know" takes
            // an order: they say less about conversation or the reader.
            for e in ev.iter_mut().filter(|e| {
                (e.signal == "second-person"
                    && matches!(
                        e.dimension,
                        Dimension::IdentityReflecting | Dimension::Conversational
                    ))
                    || (e.signal == "asks-readers" && e.dimension == Dimension::Conversational)
            }) {
                e.weight = round6(e.weight * self.pitch_damp);
            }
        }
        ev.retain(|e| e.weight != 0.0);
        ev.sort_by(|a, b| {
            (a.span.start, a.span.end, a.dimension)
                .cmp(&(b.span.start, b.span.end, b.dimension))
                .then_with(|| a.signal.cmp(&b.signal))
        });
        let mut logits = self.bias;
        for e in &ev {
            logits[e.dimension.index()] += e.weight;
        }
        (logits.map(|l| round6(sigmoid(l))), ev)
    }
}

fn four(v: &[f64]) -> Option<[f64; 4]> {
    v.try_into().ok()
}

/// Rounds to six decimals so that every language prints the same numbers.
pub(crate) fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

pub(crate) fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}
