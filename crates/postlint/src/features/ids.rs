//! Dense ids of the feature names the core emits, so that scoring indexes
//! the model's weights instead of hashing each feature's name.
//!
//! [`NAMES`] lists every built-in feature name once; a name's id is its
//! index. The lexicon's signals come first, taken from [`Signal::NAMES`] in
//! variant order, so a signal's id is its discriminant. The model resolves
//! each weights-file name to its id once, when the file is parsed
//! ([`crate::model::Model`]).
//!
//! **Registering a new feature name is one line:** add it to
//! [`OTHER_NAMES`] (a new [`Signal`] variant brings its name with it) and
//! emit it as `named!("the-name")`, which checks at compile time that the
//! name is listed.

use crate::lexicon::Signal;

/// Every built-in feature name; its index is its id. The lexicon's signals
/// come first, in `Signal`'s variant order.
pub(crate) const NAMES: &[&str] =
    &concat::<{ Signal::NAMES.len() + OTHER_NAMES.len() }>(Signal::NAMES, OTHER_NAMES);

/// The feature names after the signals'.
const OTHER_NAMES: &[&str] = &[
    // Structural and contextual features.
    "second-person-in-pitch",
    "asks-readers-in-pitch",
    "brand-name",
    "price",
    "percentage",
    "link",
    "phone-number",
    "emoticon",
    "hashtag",
    "feeling-emoji",
    "emoji",
    "capitals",
    "diary-style",
    "exclamation",
    "lowercase-voice",
    "spoken-opener",
    "reply",
    "mention",
    "offer-with-limit",
    "greets-group",
    "comments-on-post",
    "invites-readers",
    "credits-readers",
    "please-request",
    "long-first-person",
    "long-post",
    "short-post",
    "reply-context",
    "short-reply",
    "stock-line",
    "question",
    "sales-hook-question",
    "question-to-reader",
    "opening-question",
    // Rates a price is quoted at (pay for work, a price per item).
    "pay-rate",
    "unit-price",
    // Conversational: thanks that address whom they thank, an
    // offer of help inside a pitch ("DM me to order"), thanks for support
    // at large.
    "thanks-addressed",
    "offers-help-in-pitch",
    "thanks-for-support",
    // A price the writer paid (a customer's story, not an offer).
    "paid-price",
    // Learned words (their evidence is named `word:<w>`).
    "word",
];

/// `a` followed by `b`, at compile time (`N` is their total length).
const fn concat<const N: usize>(a: &[&'static str], b: &[&'static str]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < a.len() {
        out[i] = a[i];
        i += 1;
    }
    while i < N {
        out[i] = b[i - a.len()];
        i += 1;
    }
    out
}

/// The id of a name [`NAMES`] does not list (see [`id_of`]).
pub(crate) const UNKNOWN: u16 = u16::MAX;

/// A listed feature name, by its id.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Named(u16);

impl Named {
    /// The listed `name`; an unlisted one fails the build when evaluated at
    /// compile time (as [`named!`] does).
    pub const fn new(name: &'static str) -> Self {
        let id = id_of(name);
        assert!(id != UNKNOWN, "list the feature name in features/ids.rs");
        Self(id)
    }

    /// A lexicon signal's feature.
    #[inline]
    pub const fn signal(s: Signal) -> Self {
        Self(s as u16)
    }

    /// The feature's name, as shown in evidence.
    #[inline]
    pub fn name(self) -> &'static str {
        // Through a static: indexing a `const` array at run time can copy
        // the whole array first.
        static TABLE: &[&str] = NAMES;
        TABLE[usize::from(self.0)]
    }

    /// The feature's id: its index in [`NAMES`].
    #[inline]
    pub const fn id(self) -> u16 {
        self.0
    }
}

/// The id of `name` in [`NAMES`], or [`UNKNOWN`].
pub(crate) const fn id_of(name: &str) -> u16 {
    let mut i = 0;
    while i < NAMES.len() {
        if eq(NAMES[i].as_bytes(), name.as_bytes()) {
            return i as u16;
        }
        i += 1;
    }
    UNKNOWN
}

const fn eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A listed feature name, checked at compile time.
macro_rules! named {
    ($name:literal) => {
        const { $crate::features::ids::Named::new($name) }
    };
}
pub(crate) use named;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_and_found() {
        for (i, n) in NAMES.iter().enumerate() {
            assert_eq!(id_of(n) as usize, i, "{n} is listed twice");
        }
        assert_eq!(id_of("no-such-feature"), UNKNOWN);
        assert_eq!(named!("price").name(), "price");
        assert_eq!(usize::from(named!("link").id()), id_of("link") as usize);
        assert_ne!(named!("price"), named!("link"));
    }

    #[test]
    fn signals_come_first_in_variant_order() {
        // Every section of the built-in lexicon is used (a lexicon test
        // checks), so its entries name every signal but the allow list's.
        let entries = crate::lexicon::Lexicon::builtin().entries();
        let signals = entries.iter().map(|e| e.signal);
        for s in signals.chain([Signal::Allowed]) {
            assert_eq!(Named::signal(s).name(), s.name(), "{s:?}");
        }
    }
}
