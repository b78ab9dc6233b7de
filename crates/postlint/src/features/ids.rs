//! Dense ids of the feature names the core emits, so that scoring indexes
//! the model's weights instead of hashing each feature's name.
//!
//! [`NAMES`] lists every built-in feature name once; a name's id is its
//! index. The lexicon's signals come first, in the order of
//! [`Signal`]'s variants (a signal's id is its discriminant; a test checks
//! the two agree). The model resolves each weights-file name to its id once,
//! when the file is parsed ([`crate::model::Model`]).
//!
//! **Registering a new feature name is one line:** add it to [`NAMES`]
//! (after the lexicon's signals; a new [`Signal`] variant's name goes at its
//! variant's position) and emit it as `named!("the-name")`, which checks at
//! compile time that the name is listed. A plain `&'static str` still works
//! (its id is found when the feature is made, and a name that is not listed
//! falls back to the model's weights by name), only slower.

use crate::lexicon::Signal;

/// Every built-in feature name; its index is its id.
pub(crate) const NAMES: [&str; 63] = [
    // The lexicon's signals, in `Signal`'s variant order.
    "call-to-buy",
    "urgency",
    "discount",
    "engagement-bait",
    "needy",
    "brag",
    "vanity-metric",
    "sales-talk",
    "sponsored",
    "not-selling",
    "first-person",
    "life-outside-work",
    "feeling",
    "casual",
    "self-deprecation",
    "asks-readers",
    "offers-help",
    "thanks-or-congrats",
    "community",
    "invitation",
    "second-person",
    "brand-self-talk",
    "first-person-plural",
    "jargon",
    "rhetorical-hook",
    "soft-sell",
    "own-work",
    "support-reply",
    "notice",
    "neutral",
    "allowed",
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
    "long-first-person",
    "long-post",
    "short-post",
    "reply-context",
    "short-reply",
    "question",
    "sales-hook-question",
    "question-to-reader",
    "opening-question",
];

/// The id of a name [`NAMES`] does not list.
pub(crate) const UNKNOWN: u16 = u16::MAX;

/// A feature's name and its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Named {
    pub name: &'static str,
    pub id: u16,
}

impl Named {
    /// `name` and its id ([`UNKNOWN`] when not listed): at compile time
    /// through [`named!`], else a search of the list.
    pub const fn new(name: &'static str) -> Self {
        Self {
            name,
            id: id_of(name),
        }
    }

    /// A lexicon signal's feature.
    #[inline]
    pub const fn signal(s: Signal) -> Self {
        Self {
            name: s.name(),
            id: s as u16,
        }
    }

    /// True when both name the same feature.
    #[inline]
    pub fn same(&self, other: &Named) -> bool {
        if self.id == UNKNOWN || other.id == UNKNOWN {
            self.name == other.name
        } else {
            self.id == other.id
        }
    }
}

/// No feature (an empty slot).
impl Default for Named {
    fn default() -> Self {
        Self::new("")
    }
}

impl From<&'static str> for Named {
    fn from(name: &'static str) -> Self {
        Self::new(name)
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

/// A listed feature name with its id, checked at compile time.
macro_rules! named {
    ($name:literal) => {
        const {
            let n = $crate::features::ids::Named::new($name);
            assert!(
                n.id != $crate::features::ids::UNKNOWN,
                "list the feature name in features/ids.rs"
            );
            n
        }
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
        assert_eq!(Named::from("price"), named!("price"));
        assert_eq!(Named::from("price").name, "price");
    }

    #[test]
    fn signals_come_first_in_variant_order() {
        use Signal::*;
        let all = [
            CallToBuy,
            Urgency,
            Discount,
            EngagementBait,
            Needy,
            Brag,
            VanityMetric,
            SalesTalk,
            Sponsored,
            NotSelling,
            FirstPerson,
            LifeOutsideWork,
            Feeling,
            Casual,
            SelfDeprecation,
            AskOpinion,
            OfferHelp,
            Gratitude,
            Community,
            Invitation,
            SecondPerson,
            BrandSelf,
            FirstPersonPlural,
            Jargon,
            Rhetorical,
            SoftSell,
            OwnWork,
            Support,
            Notice,
            Neutral,
            Allowed,
        ];
        for s in all {
            let n = Named::signal(s);
            assert_eq!(NAMES[n.id as usize], s.name(), "{s:?}");
            assert_eq!(n, Named::new(s.name()));
        }
    }

    #[test]
    fn same_compares_ids_or_unlisted_names() {
        let (a, b) = (Named::from("price"), named!("price"));
        assert!(a.same(&b));
        assert!(!a.same(&named!("link")));
        let (x, y) = (Named::from("custom-x"), Named::from("custom-y"));
        assert_eq!(x.id, UNKNOWN);
        assert!(x.same(&Named::from("custom-x")));
        assert!(!x.same(&y));
        assert!(!x.same(&a));
    }
}
