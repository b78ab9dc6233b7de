//! `all-business`: nothing but industry talk.

use super::phrases::Phrases;
use super::{Finding, RuleInfo, SELLS};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity};
use crate::tokenizer::TokenKind;

/// The personal score from which a human is visible behind the draft.
const HUMAN: f64 = 0.5;
/// Words below which a draft is too short to call all business.
const MIN_WORDS: usize = 15;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "all-business",
    dimension: Dimension::Personal,
    default_severity: Severity::Info,
    description: "Nothing but industry talk: jargon and market talk with no personal or conversational signal.",
};

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    // Reads English stock phrases and jargon only.
    if a.foreign {
        return;
    }
    let human = a.scores[1] >= HUMAN || a.scores[2] >= 0.4;
    if human || a.stats.words < MIN_WORDS {
        return;
    }
    // An offer to help or a question to readers is a way in, not business only.
    if super::missed_conversation::invites(a) {
        return;
    }
    let jargon = a.hits_of(Signal::Jargon).count() + market_terms(a);
    // Market commentary names one term and tells the rest in percentages
    // ("card spending up 4% y/y"); a price list that sells is an ad instead.
    let market = jargon == 1
        && a.scores[0] < SELLS
        && a.tokens.iter().any(|t| t.kind == TokenKind::Percentage);
    if jargon < 2 && !market {
        return;
    }
    out.push(Finding::new(
        a.trimmed(),
        "This is all business: industry talk with nothing personal and nothing to answer.",
        Some("Add the person behind it: what surprised you, what you would ask your readers, or a story from the week."),
    ));
}

/// Market, finance and operations terms the shared jargon list lacks,
/// counted with it ("inflation", "layoffs", "interest rates").
const MARKET_TERMS: Phrases = Phrases::new(&[
    &[&[
        "stocks",
        "inflation",
        "gdp",
        "cpi",
        "opex",
        "investors",
        "ipo",
    ]],
    &[&[
        "monetization",
        "insurers",
        "warehouses",
        "phishing",
        "recession",
        "layoffs",
    ]],
    &[&["labor", "labour"], &["market"]],
    &[&["interest"], &["rates"]],
]);

/// How many market terms of [`MARKET_TERMS`] the draft names.
fn market_terms(a: &Analysis) -> usize {
    let mut found = Vec::new();
    MARKET_TERMS.find(a, &mut found, 0, &|s| Finding::new(s, "", None));
    found.len()
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged;

    #[test]
    fn fires_on_jargon_only() {
        let d = "Q3 revenue grew 12% YoY as enterprise pipeline conversion improved across all segments and margins expanded.";
        assert_eq!(flagged("all-business", d).len(), 1);
    }

    #[test]
    fn counts_market_terms_with_the_jargon() {
        // Byte spans after a four-byte emoji: the finding is the whole draft.
        let d = "\u{1F4C9} Inflation cooled again while layoffs rose; bank stocks and equities slid as investors priced in two more cuts.";
        let l = crate::Linter::default();
        let r = l.analyze_with(d, &crate::Context::default());
        let f: Vec<_> = r
            .diagnostics
            .iter()
            .filter(|x| x.rule == "all-business")
            .collect();
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].span.start, f[0].span.end), (0, d.len()));
    }

    #[test]
    fn quiet_on_market_terms_in_a_personal_draft() {
        let d = "Inflation is why my kids and I now share one pizza on Fridays, and honestly I love it, we laugh the whole time.";
        assert!(flagged("all-business", d).is_empty());
    }

    #[test]
    fn quiet_on_near_misses() {
        let d = "Q3 was brutal for our pipeline, honestly. I cried in the car once. How do you all keep your teams sane at quarter end?";
        assert!(flagged("all-business", d).is_empty());
        assert!(flagged("all-business", "revenue").is_empty());
    }
}
