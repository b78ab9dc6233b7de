//! `all-business`: nothing but industry talk.

use super::missed_conversation::invites;
use super::{Finding, RuleInfo, SELLS};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity};
use crate::text::lower_is_one_of;
use crate::tokenizer::TokenKind;

/// The personal score from which a human is visible behind the draft.
const HUMAN: f64 = 0.5;
/// Words below which a draft is too short to call all business.
const MIN_WORDS: usize = 15;

/// Market and finance words the shared jargon list lacks: they name the
/// market a draft comments on ("mining stocks up 5%", "the big banks").
const MARKET: &[&str] = &[
    "stocks",
    "banks",
    "deposits",
    "investors",
    "inflation",
    "recession",
    "economy",
    "dividend",
    "dividends",
    "payroll",
    "labour",
    "labor",
];

/// Self-praise that positions a business in its market ("the leading
/// provider", "state-of-the-art"): the boilerplate of a company profile,
/// industry talk rather than news. Compared with the `brag` hit's text.
const POSITIONING: &[&str] = &[
    "the leading",
    "leading provider",
    "leading provider of",
    "industry-leading",
    "market-leading",
    "world-class",
    "state-of-the-art",
    "cutting-edge",
    "award-winning",
];

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "all-business",
    dimension: Dimension::Personal,
    default_severity: Severity::Info,
    description: "Nothing but industry talk: jargon and market talk with no personal or conversational signal.",
};

/// A person shows through the draft: the personal score says so, and the
/// draft has a first-person word or a feeling, a life outside work, a
/// casual word or a laugh at oneself. Market commentary addressed to "you"
/// ("if you held the miners all year you are flat") lifts the score without showing
/// anyone.
fn shows_a_person(a: &Analysis) -> bool {
    a.scores[1] >= HUMAN
        && (a.stats.first_person > 0
            || a.has_hit_of(&[
                Signal::Feeling,
                Signal::LifeOutsideWork,
                Signal::Casual,
                Signal::SelfDeprecation,
            ]))
}

/// Industry talk in the draft: jargon, market words and a company
/// profile's positioning claims.
fn industry_terms(a: &Analysis) -> usize {
    // A market word capitalised right after a lower-case word is a name,
    // not the market: a party ("and Labour won the seat"), a department
    // ("the Department of Labor"). At a sentence's start, in capitals, or
    // after a capitalised word (a title-case headline, "Community Banks
    // Post Gains") the capital says nothing.
    let text = a.text.as_bytes();
    let mut market = 0;
    let mut after_lower = false;
    for t in &a.tokens {
        let first = text.get(t.span.start).copied().unwrap_or(0);
        // Every listed word has 5 to 9 letters: most words are turned
        // away on their length.
        if t.kind == TokenKind::Word
            && (5..=9).contains(&t.span.len())
            && !(after_lower
                && first.is_ascii_uppercase()
                && text
                    .get(t.span.start + 1)
                    .is_some_and(u8::is_ascii_lowercase))
            && lower_is_one_of(a.slice(t.span), MARKET)
        {
            market += 1;
        }
        after_lower = t.kind == TokenKind::Word && first.is_ascii_lowercase();
    }
    let positioning = a
        .hits_of(Signal::Brag)
        .filter(|h| lower_is_one_of(a.slice(h.span), POSITIONING))
        .count();
    a.hits_of(Signal::Jargon).count() + market + positioning
}

/// Whether the draft opens a thread: it carries the thread emoji (🧵) or
/// ends in a first post's counter ("1/", "1/9", "(1/9)"). An opener is a
/// headline for posts to come, so it is not judged as the whole story.
fn opens_a_thread(a: &Analysis) -> bool {
    // Read as bytes: string searching would grow the WebAssembly module.
    let b = a.text.as_bytes();
    if b.windows(4).any(|w| w == [0xF0, 0x9F, 0xA7, 0xB5]) {
        return true;
    }
    let mut end = b.len();
    while end > 0 && matches!(b[end - 1], b' ' | b'\n' | b'\r' | b'\t' | b')' | b']') {
        end -= 1;
    }
    let mut digits = 0;
    while end > 0 && b[end - 1].is_ascii_digit() {
        end -= 1;
        digits += 1;
    }
    // "1/" then up to three digits; the "1" stands alone, after a space or a
    // bracket ("rated 4.1/5" or "11/1" is no counter).
    digits <= 3
        && end >= 2
        && b[end - 1] == b'/'
        && b[end - 2] == b'1'
        && (end == 2 || matches!(b[end - 3], b' ' | b'\n' | b'\t' | b'(' | b'['))
}

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    // Reads English stock phrases and jargon only.
    if a.foreign {
        return;
    }
    // The cheap tests first: this runs on every draft.
    if a.stats.words < MIN_WORDS || a.scores[2] >= 0.4 || shows_a_person(a) {
        return;
    }
    let sells = a.scores[0] >= SELLS;
    let terms = industry_terms(a);
    // Market commentary names one term and tells the rest in percentages
    // ("card spending up 4% y/y"), and so does a company's notice of a
    // rate or a record ("our rate rises to 3.9%", "98% of orders on
    // time"); a draft that sells with money off or a deadline is an ad.
    let market = terms == 1
        && a.tokens.iter().any(|t| t.kind == TokenKind::Percentage)
        && !(sells && a.has_hit_of(&[Signal::Discount, Signal::Urgency]));
    if terms < 2 && !market {
        return;
    }
    // An offer to help, a question to readers or thanks to someone named
    // is a way in, not business only; "let's talk" in a draft that sells
    // is its call to buy. (Read last: it walks the sentences.)
    if invites(a, sells) || opens_a_thread(a) {
        return;
    }
    out.push(Finding::new(
        a.trimmed(),
        "This is all business: industry talk with nothing personal and nothing to answer.",
        Some("Add the person behind it: what surprised you, what you would ask your readers, or a story from the week."),
    ));
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
    fn fires_on_market_talk_addressed_to_you() {
        // "You" lifts the personal score, but no one shows through.
        let d = "Copper at a two-year high and mining stocks up 5% this week. If you sold the miners in June you look clever; if you held them you are flat on the year.";
        assert_eq!(flagged("all-business", d).len(), 1);
    }

    #[test]
    fn fires_on_a_company_profile_and_a_rate_notice() {
        let profile = "Northgate Freight is the leading provider of state-of-the-art route planning for regional couriers, serving three states since 2009. Book a demo at northgate.example";
        assert_eq!(flagged("all-business", profile).len(), 1);
        let notice = "From March 1, the rate on our 6-month deposit account rises to 3.9% for balances over $500. Rates may change. Details at examplebank.example/rates";
        assert_eq!(flagged("all-business", notice).len(), 1);
    }

    #[test]
    fn a_capitalised_market_word_mid_sentence_is_a_name() {
        // A party's name is politics, not market talk.
        let d = "Polls close at ten and Labour needs four more seats in the north to hold the council, with turnout at 41% by noon.";
        assert!(flagged("all-business", d).is_empty());
        // A headline in title case capitalises every word.
        let d = "Regional Banks Report Strong Deposits as Inflation Cools: lending rose 3% in the quarter across the sector";
        assert_eq!(flagged("all-business", d).len(), 1);
        // The same word as the market it names still counts.
        let d = "Polls show labour costs rising faster than prices in the north, with payroll growth at 4% by June.";
        assert_eq!(flagged("all-business", d).len(), 1);
        let d = "Labour costs are rising faster than prices in the north, with payroll growth at 4% by June.";
        assert_eq!(flagged("all-business", d).len(), 1);
    }

    #[test]
    fn quiet_on_an_ad_and_an_invitation() {
        // Money off and a deadline make it an ad, whatever its one term.
        let ad = "Fall clearance on every market stall awning: 30% off through Sunday only, while stock lasts at both of our warehouse locations.";
        assert!(flagged("all-business", ad).is_empty());
        let offer = "Q3 revenue grew 12% YoY as enterprise pipeline conversion improved across all segments. Glad to send the full margin bridge to any reader who wants it.";
        assert!(flagged("all-business", offer).is_empty());
    }

    #[test]
    fn quiet_on_a_thread_opener() {
        for d in [
            "Q3 revenue grew 12% YoY as enterprise pipeline conversion improved across all segments and margins expanded. \u{1F9F5}",
            "Q3 revenue grew 12% YoY as enterprise pipeline conversion improved across all segments and margins expanded (1/6)",
            "Q3 revenue grew 12% YoY as enterprise pipeline conversion improved across all segments and margins expanded. 1/",
        ] {
            assert!(flagged("all-business", d).is_empty(), "{d}");
        }
        // A date or a ratio at the end is no counter.
        let d = "Q3 revenue grew 12% YoY as enterprise pipeline conversion improved across all segments and margins expanded by 3/1";
        assert_eq!(flagged("all-business", d).len(), 1);
    }

    #[test]
    fn quiet_on_near_misses() {
        let d = "Q3 was brutal for our pipeline, honestly. I cried in the car once. How do you all keep your teams sane at quarter end?";
        assert!(flagged("all-business", d).is_empty());
        assert!(flagged("all-business", "revenue").is_empty());
    }
}
