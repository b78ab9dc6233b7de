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
//! The file is written by `postlint train` (logistic regression per
//! dimension, fitted on the labelled corpora); that command regenerates it
//! byte for byte.

use std::borrow::Cow;

use crate::lazy::Lazy;
use rustc_hash::FxHashMap;

use crate::features::{ids, Feature, NOT_A_WORD};
use crate::names::NameMap;
use crate::report::{Dimension, Evidence};
use crate::text::{pack, KeyMap};

/// The model compiled into the library, packed at compile time (names, then
/// numbers as varints: see `crate::embed::model`).
const BUILTIN: (&str, &[u8]) = crate::embed::pack_model!(include_str!("model/weights.txt"));

/// Biases and per-feature weights on `[salesy, personal, conversational,
/// identity_reflecting]`: what turns features into scores.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Log-odds of each dimension before any evidence.
    pub bias: [f64; 4],
    weights: NameMap<[f64; 4]>,
    /// The weights of each feature name, by its id ([`ids::NAMES`]):
    /// scoring indexes this instead of hashing names.
    by_id: [[f64; 4]; ids::NAMES.len()],
    /// `by_id`, each weight rounded as an evidence weight is.
    by_id_rounded: [[f64; 4]; ids::NAMES.len()],
    words: Vec<LearnedWord>,
    word_ids: WordIds,
}

/// A learned word: the word, its weights, its evidence name, and its
/// weights rounded (a short draft's learned words count in full).
type LearnedWord = (Box<str>, [f64; 4], Box<str>, [f64; 4]);

/// Learned words to their index: words of up to 15 bytes packed into the
/// key (one integer hashed and compared per look-up, on every word of every
/// draft), longer ones as strings. The packed table also holds the language
/// check's function words (their class in the top two bits of the value),
/// so that one look-up per word answers both (see `crate::words`).
#[derive(Clone, Debug, Default, PartialEq)]
struct WordIds {
    short: KeyMap,
    long: FxHashMap<Box<str>, u32>,
}

/// Where a packed entry's function-word class starts.
const CLASS_SHIFT: u32 = 30;
/// Where a packed entry's trigger bits start (`crate::words::TRIGGER_WORDS`:
/// words some feature pass looks for, so that a draft without any skips it).
const TRIGGER_SHIFT: u32 = 22;
/// The index bits of a packed entry that is a function word or a trigger
/// only (a model holds far fewer words than this).
const NO_WORD: u32 = (1 << TRIGGER_SHIFT) - 1;

impl WordIds {
    fn get(&self, word: &str) -> Option<u32> {
        match pack(word) {
            Some(key) => self.by_key(key).2,
            None => self.long.get(word).copied(),
        }
    }

    /// The function-word class, the trigger bits and the learned word's
    /// index of a packed key.
    #[inline]
    fn by_key(&self, key: u128) -> (u8, u8, Option<u32>) {
        match self.short.get(key) {
            Some(v) => (
                (v >> CLASS_SHIFT) as u8,
                (v >> TRIGGER_SHIFT) as u8 & crate::words::TRIGGER_ALL,
                Some(v & NO_WORD).filter(|&id| id != NO_WORD),
            ),
            None => (0, 0, None),
        }
    }

    /// Adds `word` with index `id`; false when it is already there.
    fn insert(&mut self, word: &str, id: u32) -> bool {
        if id >= NO_WORD || self.get(word).is_some() {
            return false;
        }
        match pack(word) {
            Some(key) => {
                let v = self.short.entry(key, NO_WORD);
                *v = (*v & !NO_WORD) | id;
            }
            None => {
                self.long.insert(word.into(), id);
            }
        }
        true
    }

    /// Adds the language check's function words and their classes, and
    /// the trigger words of the feature passes (`crate::words::TRIGGER_WORDS`).
    fn with_function_words(mut self) -> Self {
        for (key, class) in crate::normalize::function_words() {
            *self.short.entry(key, NO_WORD) |= u32::from(class) << CLASS_SHIFT;
        }
        for &(words, bits) in &crate::words::TRIGGER_WORDS {
            for key in words.iter().filter_map(|w| pack(w)) {
                *self.short.entry(key, NO_WORD) |= u32::from(bits) << TRIGGER_SHIFT;
            }
        }
        for &(keys, bits) in &crate::words::TRIGGER_KEYS {
            for &key in keys {
                *self.short.entry(key, NO_WORD) |= u32::from(bits) << TRIGGER_SHIFT;
            }
        }
        self
    }
}

impl Model {
    /// The built-in model.
    pub fn builtin() -> &'static Model {
        // Display, not `expect`'s Debug (see `Linter::default`).
        static MODEL: Lazy<Model> = Lazy::new(|| Model::unpack(BUILTIN.0, BUILTIN.1));
        &MODEL
    }

    /// The model packed by `crate::embed::pack_model!`: the same model as
    /// [`Model::parse`] of its text (a test compares them).
    pub(crate) fn unpack(names: &str, numbers: &[u8]) -> Model {
        let mut m = Model::empty();
        let mut bytes = numbers.iter();
        let scale = bytes
            .next()
            .and_then(|&d| crate::decimal::POWERS.get(usize::from(d)))
            .copied()
            .unwrap_or(1.0);
        let mut number = || {
            let (mut v, mut shift) = (0u64, 0);
            for &b in bytes.by_ref() {
                v |= u64::from(b & 0x7F) << shift;
                shift += 7;
                if b < 0x80 {
                    break;
                }
            }
            let x = (v >> 1) as f64 / scale;
            if v & 1 == 1 {
                -x
            } else {
                x
            }
        };
        for line in names.lines() {
            let w = [number(), number(), number(), number()];
            match line.split_at_checked(1) {
                Some(("f", name)) => {
                    m.weights.insert(name.into(), w);
                }
                Some(("w", word)) => {
                    m.add_word(word, w);
                }
                _ => m.bias = w,
            }
        }
        m.index_features();
        m
    }

    /// A model with no weights.
    fn empty() -> Model {
        Model {
            bias: [0.0; 4],
            weights: NameMap::default(),
            by_id: [[0.0; 4]; ids::NAMES.len()],
            by_id_rounded: [[0.0; 4]; ids::NAMES.len()],
            words: Vec::new(),
            word_ids: WordIds::default().with_function_words(),
        }
    }

    /// Parses the model file format: `#` comments, one `bias s p c i` line,
    /// `feature name s p c i` lines and `word w s p c i` lines (weights on
    /// salesy, personal, conversational, identity_reflecting; a learned
    /// word counts once per draft).
    pub fn parse(src: &str) -> Result<Model, String> {
        let mut m = Model::empty();
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
                    .map(|p| crate::decimal::parse(p).ok_or_else(|| err("not a number")))
                    .collect()
            };
            match key {
                "bias" => m.bias = four(&nums(parts)?).ok_or_else(|| err("need 4 numbers"))?,
                "feature" => {
                    let name = parts.next().ok_or_else(|| err("no name"))?;
                    let w = four(&nums(parts)?).ok_or_else(|| err("need 4 numbers"))?;
                    if m.weights.insert(name.into(), w).is_some() {
                        return Err(err("feature listed twice"));
                    }
                }
                "word" => {
                    let word = parts.next().ok_or_else(|| err("no word"))?;
                    let w = four(&nums(parts)?).ok_or_else(|| err("need 4 numbers"))?;
                    // An entry packs the index beside the class and trigger bits.
                    if m.words.len() >= NO_WORD as usize {
                        return Err(err(&format!("more than {} learned words", NO_WORD - 1)));
                    }
                    if !m.add_word(word, w) {
                        return Err(err("word listed twice"));
                    }
                }
                _ => return Err(err("unknown key")),
            }
        }
        m.index_features();
        Ok(m)
    }

    /// Resolves each feature name to its id once, for [`Model::score`].
    fn index_features(&mut self) {
        for ((w, r), name) in self
            .by_id
            .iter_mut()
            .zip(&mut self.by_id_rounded)
            .zip(ids::NAMES)
        {
            *w = self.weights.get(name).copied().unwrap_or([0.0; 4]);
            *r = w.map(round6);
        }
    }

    /// A model from biases, `(feature, weights)` pairs and `(word,
    /// weights)` pairs.
    pub fn new(
        bias: [f64; 4],
        features: impl IntoIterator<Item = (String, [f64; 4])>,
        words: impl IntoIterator<Item = (String, [f64; 4])>,
    ) -> Self {
        let mut m = Self {
            bias,
            weights: features
                .into_iter()
                .map(|(k, v)| (k.into_boxed_str(), v))
                .collect(),
            by_id: [[0.0; 4]; ids::NAMES.len()],
            by_id_rounded: [[0.0; 4]; ids::NAMES.len()],
            words: Vec::new(),
            word_ids: WordIds::default().with_function_words(),
        };
        m.index_features();
        for (w, v) in words {
            m.add_word(&w, v);
        }
        m
    }

    fn add_word(&mut self, word: &str, w: [f64; 4]) -> bool {
        if !self.word_ids.insert(word, self.words.len() as u32) {
            return false;
        }
        self.words.push((
            word.into(),
            w,
            format!("word:{word}").into_boxed_str(),
            w.map(round6),
        ));
        true
    }

    /// The index of a learned word (lower-cased).
    pub(crate) fn word_id(&self, word: &str) -> Option<u32> {
        if self.words.is_empty() {
            return None;
        }
        self.word_ids.get(word)
    }

    /// A word's function-word class (see `crate::normalize::function_words`)
    /// and its learned index, from its lower-cased packed key.
    #[inline]
    pub(crate) fn word_by_key(&self, key: u128) -> (u8, Option<u32>) {
        let (class, _, id) = self.word_entry(key);
        (class, id)
    }

    /// [`Model::word_by_key`] with the key's trigger bits
    /// (`crate::words::TRIGGER_WORDS`) between the class and the index.
    #[inline]
    pub(crate) fn word_entry(&self, key: u128) -> (u8, u8, Option<u32>) {
        let (class, bits, id) = self.word_ids.by_key(key);
        (class, bits, id.filter(|_| !self.words.is_empty()))
    }

    /// The evidence name of learned word `k`: borrowed from the built-in
    /// model (it lives as long as the process), copied from any other.
    /// (`builtin`: `self` is the built-in model, asked once per draft.)
    fn word_name(&self, k: usize, builtin: Option<&'static Model>) -> Cow<'static, str> {
        match builtin {
            Some(builtin) => Cow::Borrowed(&builtin.words[k].2),
            None => Cow::Owned(self.words[k].2.to_string()),
        }
    }

    /// Adds feature `f`'s evidence on dimension `d`, unless its term
    /// `weight` is zero. (Always inlined: a closure building an
    /// `Option<Evidence>` made a tweet's scoring 1,300 instructions dearer.)
    #[inline(always)]
    fn push_term(
        &self,
        ev: &mut Vec<Evidence>,
        f: &Feature,
        d: Dimension,
        weight: f64,
        builtin: Option<&'static Model>,
    ) {
        if weight != 0.0 {
            ev.push(Evidence {
                dimension: d,
                signal: self.signal(f, builtin),
                span: f.span,
                weight,
            });
        }
    }

    /// The evidence name of feature `f`, as [`Model::signal`] gives it.
    fn signal_str(&self, f: &Feature) -> &str {
        match self.words.get(f.word as usize) {
            Some(w) if f.word != NOT_A_WORD => &w.2,
            _ => f.name(),
        }
    }

    /// The evidence name of feature `f`.
    #[inline]
    fn signal(&self, f: &Feature, builtin: Option<&'static Model>) -> Cow<'static, str> {
        if f.word == NOT_A_WORD || f.word as usize >= self.words.len() {
            Cow::Borrowed(f.name())
        } else {
            self.word_name(f.word as usize, builtin)
        }
    }

    /// The weights of a learned word (zero when the model does not know it).
    pub fn word_weights(&self, word: &str) -> [f64; 4] {
        self.word_id(word)
            .map_or([0.0; 4], |k| self.words[k as usize].1)
    }

    /// Every learned word's weights, in word order.
    pub fn words(&self) -> Vec<(&str, [f64; 4])> {
        let mut v: Vec<(&str, [f64; 4])> = self.words.iter().map(|(k, w, ..)| (&**k, *w)).collect();
        crate::sort::sort_by(&mut v, |a, b| a.0.cmp(b.0));
        v
    }

    /// Every feature's weights, in name order.
    pub fn features(&self) -> Vec<(&str, [f64; 4])> {
        let mut v: Vec<(&str, [f64; 4])> = self.weights.iter().map(|(k, w)| (&**k, *w)).collect();
        crate::sort::sort_by(&mut v, |a, b| a.0.cmp(b.0));
        v
    }

    /// The weights of a feature (zero when the model does not know it).
    pub fn weights(&self, name: &str) -> [f64; 4] {
        self.weights.get(name).copied().unwrap_or([0.0; 4])
    }

    /// Weighs features into evidence (sorted by span, dimension, signal) and
    /// the four scores.
    pub(crate) fn score(&self, features: &[Feature]) -> ([f64; 4], Vec<Evidence>) {
        // Features by span (the index keeps their order among equals), then
        // each span's evidence dimension by dimension: the same order as
        // sorting the evidence itself, for a quarter of the items and
        // without comparing signal names but where a span and dimension
        // hold several (sorting the evidence cost more than the rest of
        // scoring).
        // A draft's few dozen features sort and weigh on the stack; only a
        // long draft's need the heap.
        let n = features.len();
        let (mut order_on_stack, mut order_on_heap) = ([(0, 0, 0); 32], Vec::new());
        let order = crate::scratch::slots(&mut order_on_stack, &mut order_on_heap, n, (0, 0, 0));
        for (o, (i, f)) in order.iter_mut().zip(features.iter().enumerate()) {
            *o = (f.span.start, f.span.end, i);
        }
        crate::sort::sort(order);
        // Each feature's terms (weight × value, rounded), computed once; the
        // evidence is allocated once.
        let (mut terms_on_stack, mut terms_on_heap) = ([[0.0; 4]; 32], Vec::new());
        let terms = crate::scratch::slots(&mut terms_on_stack, &mut terms_on_heap, n, [0.0; 4]);
        for (t, f) in terms.iter_mut().zip(features) {
            let k = f.word as usize;
            let (w, rounded) = if f.word != NOT_A_WORD && k < self.words.len() {
                let w = self.words.get(k);
                (w.map(|w| &w.1), w.map(|w| &w.3))
            } else {
                let id = usize::from(f.named.id());
                (self.by_id.get(id), self.by_id_rounded.get(id))
            };
            // Most features count once at full strength: their terms are
            // the weights rounded, done once per model.
            *t = match (w, rounded) {
                (_, Some(r)) if f.value == 1.0 => *r,
                (Some(w), _) => w.map(|w| round6(w * f.value)),
                _ => [0.0; 4],
            };
        }
        let builtin = Some(Model::builtin()).filter(|b| std::ptr::eq(self, *b));
        // At most four items a feature (counting the zeros would cost more
        // than the few slots they leave unused).
        let mut ev: Vec<Evidence> = Vec::with_capacity(4 * n);
        // The logits sum the evidence weights in the evidence's order, as
        // it is pushed (a zero term adds nothing a score would show).
        let mut logits = self.bias;
        for group in order.chunk_by_mut(|a, b| (a.0, a.1) == (b.0, b.1)) {
            // Most spans show one feature: its evidence is in dimension
            // order as it comes. (Native builds only: in the WebAssembly
            // module, the general loop below, which gives the same list,
            // serves alone, for size.)
            if let (false, &mut [(_, _, i)]) = (cfg!(target_arch = "wasm32"), &mut *group) {
                let f = &features[i];
                // The built-in model's evidence names are borrowed: one is
                // looked up once for the feature's terms and copied. (Any
                // other model's are owned copies, made per term as before.)
                let once = builtin.map(|_| self.signal(f, builtin));
                for d in Dimension::ALL {
                    let weight = terms[i][d.index()];
                    if weight != 0.0 {
                        ev.push(Evidence {
                            dimension: d,
                            signal: match &once {
                                Some(signal) => signal.clone(),
                                None => self.signal(f, builtin),
                            },
                            span: f.span,
                            weight,
                        });
                    }
                    logits[d.index()] += weight;
                }
                continue;
            }
            // Several features on one span: each dimension's evidence in
            // signal order, ties in feature order. The span's features are
            // sorted so once (stably), not each dimension's evidence again.
            if group.len() > 1 {
                crate::sort::sort_by(group, |a, b| {
                    let (a, b) = (
                        self.signal_str(&features[a.2]),
                        self.signal_str(&features[b.2]),
                    );
                    // Most names differ in their first byte: no `memcmp`.
                    a.as_bytes()
                        .first()
                        .cmp(&b.as_bytes().first())
                        .then_with(|| a.cmp(b))
                });
            }
            for d in Dimension::ALL {
                for &mut (_, _, i) in &mut *group {
                    let weight = terms[i][d.index()];
                    self.push_term(&mut ev, &features[i], d, weight, builtin);
                    logits[d.index()] += weight;
                }
            }
        }
        (logits.map(|l| round6(sigmoid(l))), ev)
    }
}

fn four(v: &[f64]) -> Option<[f64; 4]> {
    v.try_into().ok()
}

/// Rounds to six decimals (every evidence weight and score is rounded so) so that every language prints the same numbers.
/// (One copy in the WebAssembly module: inlined, each `[f64; 4]::map` of
/// it became a copy of its own.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub fn round6(x: f64) -> f64 {
    round(x * 1e6) / 1e6
}

/// `f64::round` (half away from zero) without a call into libm: without
/// SSE4.1 `round` is a library call, and scoring rounds every weight.
#[inline]
fn round(y: f64) -> f64 {
    // From 2^52 on every f64 is an integer. (A NaN passes the test and
    // stays a NaN through the sums below, as `f64::round` keeps it.)
    const TWO_52: f64 = 4_503_599_627_370_496.0;
    let a = y.abs();
    if a >= TWO_52 {
        return y;
    }
    // Adding 2^52 rounds the magnitude to an integer, ties to even (the
    // one rounding of the sum; subtracting again is exact), with no
    // float-to-integer conversion and its range checks. A tie that went
    // down (2.5 -> 2) goes up instead, away from zero; then y's sign back
    // (-0.3 -> -0.0, as `f64::round` gives).
    let r = (a + TWO_52) - TWO_52;
    let r = if a - r == 0.5 { r + 1.0 } else { r };
    r.copysign(y)
}

/// The logistic function.
pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_is_f64_round() {
        let edge = [
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.5,
            -1.5,
            2.5,
            0.49999999999999994,
            -0.49999999999999994,
            4_503_599_627_370_495.5,
            -4_503_599_627_370_495.5,
            4_503_599_627_370_496.0,
            1e300,
            -1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            123_456.499_999,
            -0.3,
            -0.7,
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let random = std::iter::repeat_with(move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        });
        // Any bit pattern, and values of the size weights and logits have
        // (some of them exact halves).
        let values = random.take(100_000).flat_map(|x| {
            let small = (x >> 11) as f64 / (1u64 << 53) as f64 * 2e7 - 1e7;
            [f64::from_bits(x), small, (small * 2.0).trunc() / 2.0]
        });
        for y in edge.into_iter().chain(values) {
            let (ours, std) = (round(y), y.round());
            assert!(
                ours.to_bits() == std.to_bits() || (ours.is_nan() && std.is_nan()),
                "{y:e}: {ours:e} vs {std:e}"
            );
        }
        assert!(round(f64::NAN).is_nan());
    }
}
