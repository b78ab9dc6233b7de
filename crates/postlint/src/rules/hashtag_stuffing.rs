//! `hashtag-stuffing`: more hashtags than the words can carry.

use super::{Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::report::{Dimension, Severity};
use crate::text::lower_is_one_of;
use crate::tokenizer::{Token, TokenKind};

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "hashtag-stuffing",
    dimension: Dimension::Salesy,
    default_severity: Severity::Warning,
    description: "More hashtags than the words can carry.",
};

/// From this many hashtags a post needs far more words to carry them: a
/// tag for every [`WORDS_PER_TAG`] words at most, not one for every three.
const MAX_TAGS: usize = 6;
/// Words each of [`MAX_TAGS`] or more tags needs: a long caption carries
/// six tags, a two-line one does not.
const WORDS_PER_TAG: usize = 10;

/// Paid-partnership tags, as the lexicon's `sponsored` signal lists them:
/// a disclosure the law asks for, not a tag for reach.
const DISCLOSURES: &[&str] = &[
    "ad",
    "sponsored",
    "spon",
    "partner",
    "affiliate",
    "paidpartnership",
    "gifted",
];

/// A hashtag that counts: not a disclosure.
fn counts(a: &Analysis, t: &Token) -> bool {
    t.kind == TokenKind::Hashtag
        && !a
            .slice(t.span)
            .get(1..)
            .is_some_and(|tag| lower_is_one_of(tag, DISCLOSURES))
}

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    if a.stats.hashtags < 4 {
        return;
    }
    let n = a.tokens.iter().filter(|t| counts(a, t)).count();
    let words = a.stats.words;
    if n < 4 || (n < MAX_TAGS && n * 3 < words) || (n >= MAX_TAGS && n * WORDS_PER_TAG < words) {
        return;
    }
    let mut tags = a.tokens.iter().filter(|t| counts(a, t));
    let (Some(first), Some(last)) = (tags.next(), tags.next_back()) else {
        return;
    };
    out.push(Finding::new(
        first.span.union(&last.span),
        format!("{n} hashtags for {words} words: the tags drown out what you are saying."),
        Some("Keep the two or three tags your readers actually follow."),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged;

    #[test]
    fn fires_on_stuffing() {
        let d = "sunset #beach #sun #sea #summer #vibes #travel #love";
        assert_eq!(
            flagged("hashtag-stuffing", d),
            ["#beach #sun #sea #summer #vibes #travel #love"]
        );
        assert_eq!(flagged("hashtag-stuffing", "#a1 #b2 #c3 #d4 hi").len(), 1);
    }

    #[test]
    fn quiet_on_near_misses() {
        assert!(flagged(
            "hashtag-stuffing",
            "Ran my first 10k today, legs are jelly but I'm so happy #running #10k"
        )
        .is_empty());
        let d = "A long post with many words about the week we had at the farm, the lambs, the rain, the mud and the neighbours who helped #farm #lambs #spring #rain";
        assert!(flagged("hashtag-stuffing", d).is_empty());
    }

    #[test]
    fn a_long_caption_carries_six_tags() {
        let long = "We spent the whole weekend at the allotment with the kids, pulling the last of the carrots, \
            arguing about where the compost should go, and eating far too many of the raspberries before they \
            reached a bowl. The shed roof finally got its new felt, the water butt is full again after the rain, \
            and somebody left a very polite note about our sunflowers leaning over the path. \
            #allotment #growyourown #gardening #autumn #harvest #family";
        assert!(flagged("hashtag-stuffing", long).is_empty());
        let short = "Harvest day at the allotment. #allotment #growyourown #gardening #autumn #harvest #family";
        assert_eq!(flagged("hashtag-stuffing", short).len(), 1);
    }

    #[test]
    fn a_disclosure_tag_is_not_stuffing() {
        // "#ad" is the disclosure readers are owed; four tags remain, and
        // fifteen words carry them.
        let d = "#ad My favourite trail shoes got a new colour and they still grip on wet rock #hiking #trails #outdoors #running";
        assert!(flagged("hashtag-stuffing", d).is_empty());
        // The finding spans the tags, not the disclosure at the top.
        let d = "#ad new colour drop #hiking #trails #outdoors #running";
        assert_eq!(
            flagged("hashtag-stuffing", d),
            ["#hiking #trails #outdoors #running"]
        );
    }
}
