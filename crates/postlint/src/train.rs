//! Fitting the model (what `postlint train` runs) and measuring it on data
//! it never saw (what `postlint eval --cv` runs).
//!
//! Each dimension is an L2-regularised logistic regression over the
//! features of [`Linter::features`], fitted by Newton's method with a
//! backtracking line search: a few dozen features, so the Hessian is small
//! and the fit converges to the one optimum in about ten steps, with no
//! learning rate to tune and no randomness. Every sum runs in a fixed order
//! and the weights are written rounded to four decimals in name order, so
//! the same data gives the same model file byte for byte.
//!
//! The penalty pulls each weight towards the hand-set weights postlint had
//! before it learned them (`model/prior.txt`), not towards zero: where the
//! data shows a signal often, the data decides; where it rarely does (a
//! giveaway's "tag a friend"), the reading of DIMENSIONS.md stands.
//! Where the prior says 0, a feature is not about that dimension, and the
//! pull is [`Options::l2_zero`] times as strong, so a feature meant for one
//! dimension spills less into the others.
//!
//! Rows whose annotators disagreed on a dimension (a null cell) are left out
//! of that dimension's fit ([`Options::soft`] can fit them as targets of 0.5
//! instead; measured held out, it does not pay, see there). A feature is used only when rows of at least two
//! writers or sets show it, so no single writer's habit gets a weight.
//! External sets are many times the size of the corpora and label one
//! dimension each, noisily; each set counts as at most
//! [`Options::external_rows`] rows.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

mod calibrate;

use crate::eval::{measure_each, Evaluation, Example};
use crate::model::Model;
use crate::{Dimension, Linter, Report};

/// Training settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// L2 penalty on every weight but the bias.
    pub l2: f64,
    /// The total weight one external set carries in a fit, in rows.
    pub external_rows: f64,
    /// L2 penalty on learned words' weights.
    pub l2_words: f64,
    /// At most this many learned words (the most frequent that qualify).
    pub max_words: usize,
    /// A word qualifies when at least this many training drafts of the
    /// corpora hold it, from at least two writers.
    pub min_word_drafts: usize,
    /// How far to even out the classes: positives weigh
    /// `(negatives / positives)^balance` (0: as they come; 1: equal totals).
    /// A rare class otherwise stays under 0.5 where readers would say yes.
    pub balance: f64,
    /// How much of the nested decision offsets to apply (0: none, 1: all):
    /// see [`decision_offsets`].
    pub offsets: f64,
    /// Whether to scale each dimension's log-odds by the temperature that
    /// calibrates the nested held-out scores (see `train/calibrate.rs`; off:
    /// measured, it does not lower the worst held-out Brier score).
    pub calibrate: bool,
    /// The weight of a corpus row on a dimension where its annotators
    /// disagreed (a null cell), fitted as a soft target of 0.5 (0: left out).
    /// Such drafts should score near 0.5; a small weight teaches the fit so
    /// without letting them outweigh the agreed rows. Off: measured by
    /// `postlint eval --cv` at 0.1, 0.25, 0.5 and 1, it lowers the mean
    /// held-out Brier by at most 0.0004 and the worst cell (writer `f-`'s
    /// identity_reflecting, 0.125) by at most 0.0027, but costs held-out
    /// macro-F1 (writer `a-` 0.866 -> 0.859 at every weight, as the
    /// decision offsets move), so no weight meets "no writer loses".
    pub soft: f64,
    /// How far to even out the writers of the corpora: a writer's rows weigh
    /// `(mean rows per writer / its rows)^writers` (0: as they come), so
    /// writers, not row counts, balance the fit. Off: the writers hold 200
    /// to 220 rows, so even at 1 it changes weights by at most 10%; measured,
    /// mean held-out macro-F1 0.7704 -> 0.7689.
    pub writers: f64,
    /// How many times [`Options::l2`] pulls a weight whose prior
    /// (`model/prior.txt`) is exactly 0: the prior's way of saying a feature
    /// is not about that dimension (1: like any other weight; infinite: the
    /// weight stays 0). Features the prior does not list and learned words
    /// are left alone. 1.75: measured held out (README, Training), 2 to 5
    /// were better on some writers' figures but cost the person/brand set
    /// more, and 2 pushed `brag`'s held-out recall under its floor.
    pub l2_zero: f64,
    /// Whether a weight whose prior is not 0 must keep the prior's sign (it
    /// may shrink to 0 but not flip). Off: measured, corporate
    /// conversational AUC 0.882 -> 0.762.
    pub keep_sign: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            l2: 3.0,
            external_rows: 150.0,
            l2_words: 6.0,
            max_words: 400,
            min_word_drafts: 6,
            balance: 0.5,
            offsets: 0.5,
            calibrate: false,
            soft: 0.0,
            writers: 0.0,
            l2_zero: 1.75,
            keep_sign: false,
        }
    }
}

/// The labelled files training reads, relative to the shared data folder:
/// the writers' corpora, then the external sets (named by file stem).
pub const TRAINING_FILES: [&str; 9] = [
    "corpus/dev.jsonl",
    "corpus/train/c.jsonl",
    "corpus/train/d.jsonl",
    "corpus/train/e.jsonl",
    "corpus/train/f.jsonl",
    "data/sms_spam.jsonl",
    "data/tweet_acts.jsonl",
    "data/corporate_messaging.jsonl",
    "data/brand_vs_person.jsonl",
];

/// The hand-set weights each learned weight is pulled towards.
const PRIOR: &str = include_str!("model/prior.txt");

/// Reads every file of [`TRAINING_FILES`] under `dir`.
pub fn load(dir: &std::path::Path) -> Result<Vec<Example>, String> {
    let mut out = Vec::new();
    for rel in TRAINING_FILES {
        let path = dir.join(rel);
        let src = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or(rel);
        out.extend(
            crate::eval::parse_examples(&src, stem)
                .map_err(|e| format!("{}: {e}", path.display()))?,
        );
    }
    Ok(out)
}

/// Fits the model on every row of `examples` and returns the model file.
pub fn train(examples: &[Example], opts: Options) -> String {
    let features = featurize(examples);
    let rows: Vec<usize> = (0..examples.len()).collect();
    let (model, offsets, scales) = fit_with_offsets(examples, &features, &rows, opts);
    model_text(&model, &header(opts, offsets, scales))
}

/// The model file's header: what made it.
fn header(opts: Options, offsets: [f64; 4], scales: [f64; 4]) -> String {
    let calibrated = if opts.calibrate {
        format!(
            "\nTemperatures multiplying each dimension's log-odds (fitted on the same held-out scores): {}.",
            scales.map(|x| format!("{}", round4(x))).join(" ")
        )
    } else {
        String::new()
    };
    format!(
        "postlint model, written by `postlint train` (do not edit: retrain).\n\
         Logistic regression per dimension: L2 {} ({} on words, {} times as much where the prior is 0{}),\n\
         each external set weighted as at most {} rows, classes balanced to the power {},\n\
         at most {} words seen in {}+ drafts of 2+ writers, fitted on: {}.\n\
         Decision offsets added to the biases ({} times those chosen by leave-one-writer-out inside\n\
         the training data): {}.{}\n\
         Columns: salesy personal conversational identity_reflecting.",
        opts.l2,
        opts.l2_words,
        opts.l2_zero,
        if opts.keep_sign {
            ", the prior's signs kept"
        } else {
            ""
        },
        opts.external_rows,
        opts.balance,
        opts.max_words,
        opts.min_word_drafts,
        TRAINING_FILES.join(", "),
        opts.offsets,
        offsets.map(|x| format!("{}", round4(x))).join(" "),
        calibrated
    )
}

/// A draft's features, summed per name (`word:<w>` for words).
pub type Features = BTreeMap<Cow<'static, str>, f64>;

/// The features of every example (with the default configuration), in order.
pub fn featurize(examples: &[Example]) -> Vec<Features> {
    let linter = Linter::default();
    examples
        .iter()
        .map(|ex| {
            let mut f = Features::new();
            for (name, v) in linter.features(&ex.text, &ex.context()) {
                *f.entry(name).or_insert(0.0) += v;
            }
            f
        })
        .collect()
}

/// True for a row of the labelled corpora (a writer's draft), false for a
/// row of an external set.
fn is_corpus(ex: &Example) -> bool {
    ex.rules.is_some()
}

/// Fits a model on `rows` (indices into `examples` and `features`), its
/// biases moved by the decision offsets those rows give (see
/// [`decision_offsets`]).
pub fn fit(examples: &[Example], features: &[Features], rows: &[usize], opts: Options) -> Model {
    fit_with_offsets(examples, features, rows, opts).0
}

/// [`fit`], the offsets added to its biases and the temperatures that
/// scale its log-odds.
fn fit_with_offsets(
    examples: &[Example],
    features: &[Features],
    rows: &[usize],
    opts: Options,
) -> (Model, [f64; 4], [f64; 4]) {
    let mut model = fit_plain(examples, features, rows, opts);
    if opts.offsets == 0.0 && !opts.calibrate {
        return (model, [0.0; 4], [1.0; 4]);
    }
    let held_out = nested_log_odds(examples, features, rows, opts);
    let offsets = decision_offsets(&held_out).map(|x| x * opts.offsets);
    let mut scales = [1.0; 4];
    if opts.calibrate {
        scales = calibrate::temperatures(&held_out, offsets);
        model = calibrate::apply(&model, offsets, scales, round4);
    } else {
        for (b, o) in model.bias.iter_mut().zip(offsets) {
            *b = round4(*b + o);
        }
    }
    (model, offsets, scales)
}

/// Per corpus writer among `rows`, per dimension: the log-odds a model
/// fitted on the other rows gives that writer's drafts, with their gold.
/// Empty when `rows` hold fewer than two writers. Computed on `rows` alone,
/// so a cross-validated fold never sees the writer it is measured on.
fn nested_log_odds(
    examples: &[Example],
    features: &[Features],
    rows: &[usize],
    opts: Options,
) -> Vec<[Vec<(f64, bool)>; 4]> {
    let writers: BTreeSet<&str> = rows
        .iter()
        .filter(|&&i| is_corpus(&examples[i]))
        .map(|&i| examples[i].group.as_str())
        .collect();
    if writers.len() < 2 {
        return Vec::new();
    }
    writers
        .iter()
        .map(|&w| {
            let inner: Vec<usize> = rows
                .iter()
                .copied()
                .filter(|&i| examples[i].group != w)
                .collect();
            let model = fit_plain(examples, features, &inner, opts);
            let mut out: [Vec<(f64, bool)>; 4] = Default::default();
            for &i in rows.iter().filter(|&&i| examples[i].group == w) {
                let z = log_odds(&model, &features[i]);
                for d in Dimension::ALL {
                    if let Some(g) = examples[i].gold[d.index()] {
                        out[d.index()].push((z[d.index()], g));
                    }
                }
            }
            out
        })
        .collect()
}

/// The shift of each dimension's log-odds that puts the yes/no line (a score
/// of 0.5, the default threshold) where it serves writers the model has not
/// seen: the offset (in steps of 0.05 between -2 and 2, the smallest of
/// equals) with the best mean F1 over the held-out writers of
/// [`nested_log_odds`]; zero without any.
fn decision_offsets(held_out: &[[Vec<(f64, bool)>; 4]]) -> [f64; 4] {
    let mut offsets = [0.0; 4];
    if held_out.is_empty() {
        return offsets;
    }
    for d in Dimension::ALL {
        let mut best = (f64::NEG_INFINITY, 0.0);
        // From the middle outwards, so that of equal offsets the smallest wins.
        for step in (0..=80).map(|k: i32| if k % 2 == 0 { k / 2 } else { -(k + 1) / 2 }) {
            let delta = f64::from(step) * 0.05;
            let f1: f64 = held_out
                .iter()
                .map(|w| f1_at(&w[d.index()], delta))
                .sum::<f64>()
                / held_out.len() as f64;
            if f1 > best.0 + 1e-12 {
                best = (f1, delta);
            }
        }
        offsets[d.index()] = best.1;
    }
    offsets
}

/// F1 of `log-odds + delta >= 0` against gold.
fn f1_at(pairs: &[(f64, bool)], delta: f64) -> f64 {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for &(z, g) in pairs {
        match (z + delta >= 0.0, g) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            (false, false) => {}
        }
    }
    if tp == 0 {
        0.0
    } else {
        2.0 * tp as f64 / (2 * tp + fp + fn_) as f64
    }
}

/// A draft's log-odds per dimension under `model`, from its summed features.
fn log_odds(model: &Model, features: &Features) -> [f64; 4] {
    let mut z = model.bias;
    for (name, &v) in features {
        let w = match name.strip_prefix("word:") {
            Some(word) => model.word_weights(word),
            None => model.weights(name),
        };
        for (z, w) in z.iter_mut().zip(w) {
            *z += w * v;
        }
    }
    z
}

/// Fits the model's weights on `rows`, with no decision offsets.
fn fit_plain(examples: &[Example], features: &[Features], rows: &[usize], opts: Options) -> Model {
    let prior = Model::parse(PRIOR).expect("the prior parses");
    fit_around(examples, features, rows, opts, &prior)
}

/// [`fit_plain`] with the prior's feature lines `lines` instead of
/// `model/prior.txt` (for tests).
#[cfg(test)]
fn fit_plain_with_prior(
    examples: &[Example],
    features: &[Features],
    rows: &[usize],
    opts: Options,
    lines: &[(&str, [f64; 4])],
) -> Model {
    let prior = Model::new(
        [0.0; 4],
        lines.iter().map(|(n, w)| ((*n).to_owned(), *w)),
        std::iter::empty(),
    );
    fit_around(examples, features, rows, opts, &prior)
}

/// [`fit_plain`] around the weights of `prior`.
fn fit_around(
    examples: &[Example],
    features: &[Features],
    rows: &[usize],
    opts: Options,
    prior: &Model,
) -> Model {
    // Sample weights: an external set counts as `external_rows` rows at most.
    let mut set_sizes: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in rows {
        if !is_corpus(&examples[i]) {
            *set_sizes.entry(&examples[i].group).or_insert(0) += 1;
        }
    }
    let mut writer_sizes: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in rows {
        if is_corpus(&examples[i]) {
            *writer_sizes.entry(&examples[i].group).or_insert(0) += 1;
        }
    }
    let mean_writer =
        writer_sizes.values().sum::<usize>() as f64 / writer_sizes.len().max(1) as f64;
    let weight = |i: usize| {
        let ex = &examples[i];
        if is_corpus(ex) {
            (mean_writer / writer_sizes[ex.group.as_str()] as f64).powf(opts.writers)
        } else {
            (opts.external_rows / set_sizes[ex.group.as_str()] as f64).min(1.0)
        }
    };
    // Features seen in at least two writers' or sets' rows; words seen in
    // enough drafts of at least two writers of the corpora. In name order.
    let mut seen: BTreeMap<&str, (BTreeSet<&str>, usize)> = BTreeMap::new();
    for &i in rows {
        let ex = &examples[i];
        for (name, &v) in &features[i] {
            let is_word = name.starts_with("word:");
            if v != 0.0 && (!is_word || is_corpus(ex)) {
                let e = seen.entry(name).or_default();
                e.0.insert(&ex.group);
                e.1 += 1;
            }
        }
    }
    let mut words: Vec<(&str, usize)> = seen
        .iter()
        .filter(|(n, (g, count))| {
            n.starts_with("word:") && g.len() >= 2 && *count >= opts.min_word_drafts
        })
        .map(|(n, (_, count))| (*n, *count))
        .collect();
    // The most frequent first, ties by name.
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    words.truncate(opts.max_words);
    let mut names: Vec<&str> = seen
        .iter()
        .filter(|(n, (g, _))| !n.starts_with("word:") && g.len() >= 2)
        .map(|(n, _)| *n)
        .chain(words.iter().map(|(n, _)| *n))
        .collect();
    names.sort_unstable();
    let index: BTreeMap<&str, usize> = names.iter().enumerate().map(|(k, &n)| (n, k + 1)).collect();
    let listed: BTreeSet<&str> = prior.features().into_iter().map(|(n, _)| n).collect();
    let sparse: Vec<Vec<(usize, f64)>> = rows
        .iter()
        .map(|&i| {
            features[i]
                .iter()
                .filter_map(|(n, &v)| index.get(n.as_ref()).map(|&k| (k, v)))
                .collect()
        })
        .collect();
    let mut bias = [0.0; 4];
    let mut weights = vec![[0.0; 4]; names.len()];
    for d in Dimension::ALL {
        let mut data: Vec<Sample> = rows
            .iter()
            .zip(&sparse)
            .filter_map(|(&i, x)| {
                let ex = &examples[i];
                match ex.gold[d.index()] {
                    Some(y) => Some(Sample {
                        x,
                        y: f64::from(u8::from(y)),
                        w: weight(i),
                    }),
                    None if ex.disagreed[d.index()] && opts.soft > 0.0 => Some(Sample {
                        x,
                        y: 0.5,
                        w: weight(i) * opts.soft,
                    }),
                    None => None,
                }
            })
            .collect();
        let (pos, neg) = data.iter().fold((0.0, 0.0), |(p, n), s| {
            (p + s.w * s.y, n + s.w * (1.0 - s.y))
        });
        if pos > 0.0 && neg > 0.0 && opts.balance > 0.0 {
            let up = (neg / pos).powf(opts.balance);
            for s in data.iter_mut().filter(|s| s.y == 1.0) {
                s.w *= up;
            }
        }
        let centre: Vec<f64> = std::iter::once(0.0)
            .chain(names.iter().map(|n| prior.weights(n)[d.index()]))
            .collect();
        let penalty: Vec<f64> = std::iter::once(0.0)
            .chain(names.iter().zip(&centre[1..]).map(|(n, &c)| {
                if n.starts_with("word:") {
                    opts.l2_words
                } else if c == 0.0 && listed.contains(*n) {
                    opts.l2 * opts.l2_zero
                } else {
                    opts.l2
                }
            }))
            .collect();
        let sign: Vec<f64> = if opts.keep_sign {
            centre
                .iter()
                .map(|&c| if c == 0.0 { 0.0 } else { c.signum() })
                .collect()
        } else {
            vec![0.0; centre.len()]
        };
        let beta = logistic_regression(&data, &penalty, &centre, &sign);
        bias[d.index()] = round4(beta[0]);
        for (k, w) in weights.iter_mut().enumerate() {
            w[d.index()] = round4(beta[k + 1]);
        }
    }
    // A feature of the prior the data never shows (brand names: the
    // corpora come without a config) keeps its prior weights.
    let mut kept: Vec<(&str, [f64; 4])> = names
        .iter()
        .zip(weights)
        .map(|(n, w)| (*n, w))
        .chain(
            prior
                .features()
                .into_iter()
                .filter(|(n, _)| !index.contains_key(n)),
        )
        .filter(|(_, w)| w.iter().any(|&x| x != 0.0))
        .collect();
    kept.sort_by(|a, b| a.0.cmp(b.0));
    Model::new(
        bias,
        kept.iter()
            .filter(|(n, _)| !n.starts_with("word:"))
            .map(|(n, w)| ((*n).to_owned(), *w)),
        kept.iter()
            .filter_map(|(n, w)| n.strip_prefix("word:").map(|n| (n.to_owned(), *w))),
    )
}

/// The model file: a header, the biases, then one line per feature and one
/// per learned word in name order, every number rounded to four decimals and
/// printed in its shortest form (`0.25`, `-1.5`, `0`).
pub fn model_text(model: &Model, header: &str) -> String {
    let mut out = String::new();
    for line in header.lines() {
        let _ = writeln!(out, "# {line}");
    }
    let nums = |w: &[f64; 4]| {
        w.iter()
            .map(|&x| format!("{}", round4(x)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let _ = writeln!(out, "bias {}", nums(&model.bias));
    for (name, w) in model.features() {
        let _ = writeln!(out, "feature {name} {}", nums(&w));
    }
    for (word, w) in model.words() {
        let _ = writeln!(out, "word {word} {}", nums(&w));
    }
    out
}

fn round4(x: f64) -> f64 {
    let r = (x * 1e4).round() / 1e4;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// One held-out measurement.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Fold {
    /// The writer (`a`, `c`, ...) or external set left out of training.
    pub held_out: String,
    /// True for a writer of the corpora, false for an external set.
    pub writer: bool,
    /// The measurement of the held-out rows by the model fitted without them.
    #[serde(flatten)]
    pub evaluation: Evaluation,
}

/// Leave-one-writer-out over the corpora's writers and leave-one-set-out
/// over the external sets: each group is measured by a model fitted on all
/// the other rows, so no row is scored by a model that saw it.
pub fn cross_validate(examples: &[Example], features: &[Features], opts: Options) -> Vec<Fold> {
    cross_validate_drafts(examples, features, opts, |_, _| {})
}

/// [`cross_validate`], also handing each held-out draft and its report
/// (made by the model fitted without the draft's group) to `each`, in the
/// order of `examples` within each group, so errors can be read one by one.
pub fn cross_validate_drafts(
    examples: &[Example],
    features: &[Features],
    opts: Options,
    mut each: impl FnMut(&Example, &Report),
) -> Vec<Fold> {
    let mut groups: Vec<(bool, &str)> = examples
        .iter()
        .map(|ex| (!is_corpus(ex), ex.group.as_str()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    groups.sort();
    groups
        .into_iter()
        .map(|(external, g)| {
            let rows: Vec<usize> = (0..examples.len())
                .filter(|&i| examples[i].group != g)
                .collect();
            let model = fit(examples, features, &rows, opts);
            let linter = Linter::default().with_model(model);
            let held_out = examples.iter().filter(|ex| ex.group == g);
            let evaluation = measure_each(&linter, held_out, &mut each);
            Fold {
                held_out: g.to_owned(),
                writer: !external,
                evaluation,
            }
        })
        .collect()
}

/// One weighted training row: sparse features (index 0 is the bias and is
/// implicit), gold 0 or 1, and a weight.
struct Sample<'a> {
    x: &'a [(usize, f64)],
    y: f64,
    w: f64,
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn margin(beta: &[f64], x: &[(usize, f64)]) -> f64 {
    beta[0] + x.iter().map(|&(k, v)| beta[k] * v).sum::<f64>()
}

/// The penalised negative log-likelihood (a weight under an infinite
/// penalty sits at its centre and adds nothing).
fn loss(data: &[Sample], beta: &[f64], penalty: &[f64], centre: &[f64]) -> f64 {
    let nll: f64 = data
        .iter()
        .map(|s| {
            let z = margin(beta, s.x);
            // log(1 + e^z) - y z, computed without overflow.
            s.w * (z.max(0.0) + (-z.abs()).exp().ln_1p() - s.y * z)
        })
        .sum();
    nll + 0.5
        * beta
            .iter()
            .zip(penalty)
            .zip(centre)
            .filter(|((_, l), _)| l.is_finite())
            .map(|((b, l), c)| l * (b - c) * (b - c))
            .sum::<f64>()
}

/// Minimises the logistic loss plus `penalty[k] / 2 × (β_k − centre[k])²`
/// over `penalty.len()` coefficients (the first is the bias) by Newton's
/// method with backtracking. A coefficient under an infinite penalty stays
/// at its centre; one whose `sign` is 1 (or -1) stays at or above (below)
/// 0: a projected Newton step, where a coefficient at 0 that the gradient
/// pushes across is held there for the step.
fn logistic_regression(data: &[Sample], penalty: &[f64], centre: &[f64], sign: &[f64]) -> Vec<f64> {
    let dim = penalty.len();
    let fixed: Vec<bool> = penalty.iter().map(|l| !l.is_finite()).collect();
    let mut beta: Vec<f64> = (0..dim)
        .map(|k| if fixed[k] { centre[k] } else { 0.0 })
        .collect();
    if data.is_empty() {
        return beta;
    }
    let project = |k: usize, b: f64| {
        if sign[k] * b < 0.0 {
            0.0
        } else {
            b
        }
    };
    let mut current = loss(data, &beta, penalty, centre);
    for _ in 0..100 {
        let mut grad = vec![0.0; dim];
        let mut hess = vec![0.0; dim * dim];
        for s in data {
            let p = sigmoid(margin(&beta, s.x));
            let r = s.w * (p - s.y);
            let c = s.w * p * (1.0 - p);
            grad[0] += r;
            hess[0] += c;
            for &(k, v) in s.x {
                grad[k] += r * v;
                hess[k] += c * v;
                hess[k * dim] += c * v;
                for &(j, u) in s.x {
                    hess[k * dim + j] += c * v * u;
                }
            }
        }
        for k in 0..dim {
            if fixed[k] || (beta[k] == 0.0 && sign[k] * grad[k] > 0.0) {
                // Held for this step: out of the system.
                grad[k] = 0.0;
                for j in 0..dim {
                    hess[k * dim + j] = 0.0;
                    hess[j * dim + k] = 0.0;
                }
                hess[k * dim + k] = 1.0;
            } else {
                grad[k] += penalty[k] * (beta[k] - centre[k]);
                hess[k * dim + k] += penalty[k];
            }
        }
        // A feature absent from every row would leave a zero pivot.
        hess[0] += 1e-9;
        let Some(step) = cholesky_solve(&hess, &grad, dim) else {
            break;
        };
        let mut t = 1.0;
        let mut improved = false;
        for _ in 0..30 {
            let trial: Vec<f64> = beta
                .iter()
                .zip(&step)
                .enumerate()
                .map(|(k, (b, s))| project(k, b - t * s))
                .collect();
            let l = loss(data, &trial, penalty, centre);
            if l <= current {
                beta = trial;
                improved = current - l > 1e-12 * current.abs().max(1.0);
                current = l;
                break;
            }
            t *= 0.5;
        }
        if !improved {
            break;
        }
    }
    beta
}

/// Solves `a x = b` for a symmetric positive definite `n × n` matrix `a`
/// (row-major); `None` when `a` is not positive definite.
fn cholesky_solve(a: &[f64], b: &[f64], n: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..=i {
            let s: f64 = (0..j).map(|k| l[i * n + k] * l[j * n + k]).sum();
            if i == j {
                let d = a[i * n + i] - s;
                if d <= 0.0 || !d.is_finite() {
                    return None;
                }
                l[i * n + i] = d.sqrt();
            } else {
                l[i * n + j] = (a[i * n + j] - s) / l[j * n + j];
            }
        }
    }
    let mut y = vec![0.0; n];
    for i in 0..n {
        let s: f64 = (0..i).map(|k| l[i * n + k] * y[k]).sum();
        y[i] = (b[i] - s) / l[i * n + i];
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        let s: f64 = (i + 1..n).map(|k| l[k * n + i] * x[k]).sum();
        x[i] = (y[i] - s) / l[i * n + i];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cholesky_solves_a_known_system() {
        // [[4, 2], [2, 3]] x = [2, 1] has x = [0.5, 0].
        let x = cholesky_solve(&[4.0, 2.0, 2.0, 3.0], &[2.0, 1.0], 2).unwrap();
        assert!((x[0] - 0.5).abs() < 1e-12 && x[1].abs() < 1e-12, "{x:?}");
        let x = cholesky_solve(
            &[2.0, -1.0, 0.0, -1.0, 2.0, -1.0, 0.0, -1.0, 2.0],
            &[1.0, 0.0, 1.0],
            3,
        )
        .unwrap();
        for v in x {
            assert!((v - 1.0).abs() < 1e-12);
        }
        assert!(cholesky_solve(&[1.0, 2.0, 2.0, 1.0], &[1.0, 1.0], 2).is_none());
    }

    fn samples(xs: &[Vec<(usize, f64)>], ys: &[f64]) -> Vec<(Vec<(usize, f64)>, f64)> {
        xs.iter().cloned().zip(ys.iter().copied()).collect()
    }

    #[test]
    fn logistic_regression_reaches_a_zero_gradient() {
        let raw = samples(
            &[
                vec![(1, 1.0)],
                vec![(1, 1.0)],
                vec![(1, 1.0), (2, 1.0)],
                vec![(2, 1.0)],
                vec![],
                vec![],
                vec![(2, 2.0)],
                vec![(1, 0.5)],
            ],
            &[1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
        );
        let data: Vec<Sample> = raw
            .iter()
            .map(|(x, y)| Sample { x, y: *y, w: 1.0 })
            .collect();
        let l2 = 0.5;
        let beta = logistic_regression(&data, &[0.0, l2, l2], &[0.0; 3], &[0.0; 3]);
        let mut grad = [0.0; 3];
        for s in &data {
            let r = sigmoid(margin(&beta, s.x)) - s.y;
            grad[0] += r;
            for &(k, v) in s.x {
                grad[k] += r * v;
            }
        }
        for k in 1..3 {
            grad[k] += l2 * beta[k];
        }
        assert!(grad.iter().all(|g| g.abs() < 1e-8), "{grad:?} at {beta:?}");
        // Feature 1 goes with positives, feature 2 with negatives.
        assert!(beta[1] > 0.5 && beta[2] < -0.5, "{beta:?}");
    }

    #[test]
    fn separable_data_stays_finite_under_the_penalty() {
        let raw = samples(&[vec![(1, 1.0)], vec![]], &[1.0, 0.0]);
        let data: Vec<Sample> = raw
            .iter()
            .map(|(x, y)| Sample { x, y: *y, w: 1.0 })
            .collect();
        let beta = logistic_regression(&data, &[0.0, 1.0], &[0.0; 2], &[0.0; 2]);
        assert!(
            beta.iter().all(|b| b.is_finite() && b.abs() < 10.0),
            "{beta:?}"
        );
    }

    /// A corpus row of writer `group` with salesy gold `gold` (`None`: the
    /// annotators disagreed) and, when `t`, the feature `t`.
    fn row(group: &str, gold: Option<bool>, t: bool) -> (Example, Features) {
        let ex = Example {
            group: group.to_owned(),
            text: String::new(),
            reply: false,
            gold: [gold, None, None, None],
            disagreed: [gold.is_none(), false, false, false],
            rules: Some(Vec::new()),
        };
        let mut f = Features::new();
        if t {
            f.insert(Cow::Borrowed("t"), 1.0);
        }
        (ex, f)
    }

    /// The salesy weight of feature `t` fitted on `rows` under `opts`.
    fn weight_of_t(rows: &[(Example, Features)], opts: Options) -> f64 {
        let (examples, features): (Vec<Example>, Vec<Features>) = rows.iter().cloned().unzip();
        let all: Vec<usize> = (0..rows.len()).collect();
        fit_plain(&examples, &features, &all, opts).weights("t")[0]
    }

    /// The default options without class balancing or decision offsets.
    fn unbalanced() -> Options {
        Options {
            balance: 0.0,
            offsets: 0.0,
            ..Options::default()
        }
    }

    #[test]
    fn disagreed_rows_are_soft_targets_only_when_asked() {
        let opts = unbalanced();
        let mut agreed = Vec::new();
        for w in ["a", "b"] {
            for _ in 0..10 {
                agreed.push(row(w, Some(true), true));
                agreed.push(row(w, Some(false), false));
            }
        }
        let mut all = agreed.clone();
        for w in ["a", "b"] {
            for _ in 0..10 {
                all.push(row(w, None, true));
            }
        }
        let hard = weight_of_t(&agreed, opts);
        assert_eq!(weight_of_t(&all, opts), hard);
        let soft = weight_of_t(&all, Options { soft: 1.0, ..opts });
        // Drafts with `t` the annotators split on pull its weight towards
        // a score of 0.5, and the more they weigh, the further.
        let softer = weight_of_t(&all, Options { soft: 3.0, ..opts });
        assert!(
            hard > 1.0 && soft < hard - 0.1 && softer < soft,
            "{hard} {soft} {softer}"
        );
    }

    #[test]
    fn writers_can_weigh_alike_whatever_their_row_counts() {
        let opts = unbalanced();
        // Writer `a` (30 rows) says `t` sells, writer `b` (10) says not.
        let mut rows = Vec::new();
        for _ in 0..15 {
            rows.push(row("a", Some(true), true));
            rows.push(row("a", Some(false), false));
        }
        for _ in 0..5 {
            rows.push(row("b", Some(false), true));
            rows.push(row("b", Some(true), false));
        }
        let by_rows = weight_of_t(&rows, opts);
        let by_writers = weight_of_t(
            &rows,
            Options {
                writers: 1.0,
                ..opts
            },
        );
        assert!(
            by_rows > 0.3 && by_writers.abs() < 0.05,
            "{by_rows} {by_writers}"
        );
    }

    /// Rows where feature `t` goes with yes on salesy and with no on
    /// personal (whose gold `row` leaves unset, so set here).
    fn spilling_rows() -> Vec<(Example, Features)> {
        let mut rows = Vec::new();
        for w in ["a", "b"] {
            for k in 0..10 {
                for (y, t) in [(true, true), (false, false)] {
                    let (mut ex, f) = row(w, Some(y), t);
                    // Personal leans the other way, less clearly.
                    ex.gold[1] = Some(if k < 7 { !y } else { y });
                    rows.push((ex, f));
                }
            }
        }
        rows
    }

    /// The weights of `t` fitted on `rows` with `prior` as its prior line
    /// (`None`: the prior does not list `t`).
    fn fit_t(rows: &[(Example, Features)], prior: Option<[f64; 4]>, opts: Options) -> [f64; 4] {
        let (examples, features): (Vec<Example>, Vec<Features>) = rows.iter().cloned().unzip();
        let all: Vec<usize> = (0..rows.len()).collect();
        let line: Vec<(&str, [f64; 4])> = prior.map(|p| ("t", p)).into_iter().collect();
        fit_plain_with_prior(&examples, &features, &all, opts, &line).weights("t")
    }

    #[test]
    fn a_zero_prior_pulls_harder_under_l2_zero() {
        let rows = spilling_rows();
        let opts = unbalanced();
        let prior = [0.5, 0.0, 0.0, 0.0];
        let plain = fit_t(&rows, Some(prior), opts);
        let five = fit_t(
            &rows,
            Some(prior),
            Options {
                l2_zero: 5.0,
                ..opts
            },
        );
        let never = fit_t(
            &rows,
            Some(prior),
            Options {
                l2_zero: f64::INFINITY,
                ..opts
            },
        );
        // Personal (prior 0) moves less and, at infinity, not at all;
        // salesy (prior 0.5) is fitted as before, near enough.
        assert!(plain[1] < -0.3, "{plain:?}");
        assert!(five[1] < 0.0 && five[1] > plain[1] * 0.5, "{five:?}");
        assert_eq!(never[1], 0.0);
        assert!(
            plain[0] > 1.0 && (never[0] - plain[0]).abs() < 0.3,
            "{plain:?} {never:?}"
        );
        // A feature the prior does not list is left alone.
        let inf = Options {
            l2_zero: f64::INFINITY,
            ..opts
        };
        assert_eq!(fit_t(&rows, None, opts), fit_t(&rows, None, inf));
    }

    #[test]
    fn keep_sign_lets_a_weight_shrink_to_zero_but_not_flip() {
        let rows = spilling_rows();
        let opts = unbalanced();
        // The prior says `t` is personal; the rows say it is not.
        let prior = [0.5, 0.3, 0.0, 0.0];
        let free = fit_t(&rows, Some(prior), opts);
        let kept = fit_t(
            &rows,
            Some(prior),
            Options {
                keep_sign: true,
                ..opts
            },
        );
        assert!(free[1] < -0.3, "{free:?}");
        assert_eq!(kept[1], 0.0);
        // Salesy agrees with its prior's sign and is not held.
        assert!((kept[0] - free[0]).abs() < 0.3, "{free:?} {kept:?}");
    }

    #[test]
    fn model_text_round_trips() {
        let m = Model::new(
            [-1.0, 0.5, 0.0, -0.0],
            [
                ("b".to_owned(), [0.1234, -0.0, 2.0, 0.0]),
                ("a".to_owned(), [1.0, 0.0, 0.0, 0.0]),
            ],
            [("sale".to_owned(), [0.5, 0.0, 0.0, -0.25])],
        );
        let text = model_text(&m, "test");
        assert_eq!(
            text,
            "# test\nbias -1 0.5 0 0\nfeature a 1 0 0 0\nfeature b 0.1234 0 2 0\nword sale 0.5 0 0 -0.25\n"
        );
        assert_eq!(Model::parse(&text).unwrap(), m);
    }
}
