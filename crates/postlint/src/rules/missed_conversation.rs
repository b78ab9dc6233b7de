//! `missed-conversation`: a long post with no way in for the reader.

use super::{Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity};
use crate::text::lower_is_one_of;
use crate::tokenizer::TokenKind;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "missed-conversation",
    dimension: Dimension::Conversational,
    default_severity: Severity::Info,
    description: "A long post with no question, no mention and no invitation to answer.",
};

/// Words (word and number tokens) from which a post counts as long: an
/// essay-length post, the kind that most needs a way in for the reader.
/// Annotators start asking for a question at about a hundred words as a
/// reader counts them; contractions and hyphens make the token count lower.
const LONG: usize = 90;

/// The conversational score from which a long post already talks with its
/// readers. Thanks and second-person address ("to every teacher: you
/// matter") lift the score without giving readers anything to answer, so
/// the bar sits above the 0.5 label line. Chosen on the held-out table
/// pooled over all five writers: 0.4 caught 26 of 47 gold posts, 0.5 29,
/// 0.6 34 at about the same precision (.607 against .634); 0.75 added one
/// more for many more false alarms.
const TALKS: f64 = 0.6;

/// The draft asks readers something, offers help, invites them in or
/// thanks someone specific: a way for the reader to answer. In a draft
/// that `sells`, an invitation ("let's talk", "join us") is its call to
/// buy instead.
pub(super) fn invites(a: &Analysis, sells: bool) -> bool {
    let ways: &[Signal] = if sells {
        &[Signal::AskOpinion, Signal::OfferHelp]
    } else {
        &[Signal::AskOpinion, Signal::OfferHelp, Signal::Invitation]
    };
    a.has_hit_of(ways) || opens_a_way_in(a)
}

/// Asking readers for "a comment" ("leave a comment", "a share or a
/// comment would mean the world"), which the shared lexicon does not spell
/// out (three writers' drafts use it).
const COMMENT: [&str; 2] = ["a", "comment"];

/// Feelings that open an offer when a sentence starts with them: "Happy
/// to send the slides over", "Glad to help with the forms".
const OFFER_OPENERS: &[&str] = &["happy", "glad"];
/// What such a sentence tells instead of offering: "Happy to announce",
/// "Glad to be back", "Happy to see you all".
const NOT_OFFERS: &[&str] = &[
    "announce", "report", "say", "be", "see", "hear", "have", "know",
];

/// Groups of people a draft thanks or addresses by who they are ("our
/// volunteers", "the whole crew").
const GROUPS: &[&str] = &["team", "crew", "staff", "volunteers"];

/// What may follow a dedication's opening "To" ("To the team: ...",
/// "To our volunteers"), besides a name ("To Rachel and Tom").
const DEDICATED_TO: &[&str] = &["the", "our", "my"];

/// Ways in that the lexicon's phrases do not spell out, in one walk over
/// the sentences' words:
/// - a request for "a comment";
/// - a sentence that opens "Happy to ..." or "Glad to ..." and offers
///   something (the elided "I'm happy to ...");
/// - thanks, congratulations or a dedication to someone specific: a
///   sentence that thanks (or opens "To the/our/my ..." or "To <Name>")
///   and names a person ("Jordan": a capitalised word after the first) or
///   a group of people ("our volunteers"). LABELING.md counts thanking
///   someone specific as a two-way exchange; "thank you to everyone who
///   ..." names no one and leaves readers nothing to answer.
#[inline(never)]
fn opens_a_way_in(a: &Analysis) -> bool {
    let text = a.text.as_bytes();
    // Where thanks start, sorted, so each sentence asks by binary search:
    // a scan of every hit per sentence grew with the square of the draft.
    let mut thanks_at: Vec<usize> = a
        .hits
        .iter()
        .filter(|h| h.signal == Signal::Gratitude && !h.negated)
        .map(|h| h.span.start)
        .collect();
    crate::sort::sort(&mut thanks_at);
    for &s in &a.sentences {
        let first = thanks_at.partition_point(|&at| at < s.start);
        let thanks = thanks_at.get(first).is_some_and(|&at| at < s.end);
        let (mut k, mut after_a, mut to, mut happy, mut dedicated, mut named) =
            (0, false, false, false, false, false);
        for t in a.tokens_in(s) {
            if t.kind != TokenKind::Word {
                after_a = false;
                continue;
            }
            let w = a.slice(t.span);
            if after_a && w.eq_ignore_ascii_case(COMMENT[1]) {
                return true;
            }
            after_a = w.eq_ignore_ascii_case(COMMENT[0]);
            // A capitalised word: "Jordan", not "JSON" nor "I'm".
            let name = text.get(t.span.start).is_some_and(u8::is_ascii_uppercase)
                && text
                    .get(t.span.start + 1)
                    .is_some_and(u8::is_ascii_lowercase);
            match k {
                0 => {
                    to = w.eq_ignore_ascii_case("to");
                    happy = lower_is_one_of(w, OFFER_OPENERS);
                }
                1 => {
                    dedicated = to && (name || lower_is_one_of(w, DEDICATED_TO));
                    happy &= w.eq_ignore_ascii_case("to");
                }
                2 if happy && !lower_is_one_of(w, NOT_OFFERS) => return true,
                _ => {}
            }
            named |= k > 0 && (name || lower_is_one_of(w, GROUPS));
            k += 1;
        }
        if named && (thanks || dedicated) {
            return true;
        }
    }
    false
}

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    let s = &a.stats;
    // A reply is already a conversation.
    if a.reply || s.words < LONG || s.questions > 0 || s.mentions > 0 || a.scores[2] >= TALKS {
        return;
    }
    if invites(a, false) {
        return;
    }
    // Point at the last sentence: that is where a question would go.
    let Some(last) = a.sentences.last() else {
        return;
    };
    out.push(Finding::new(
        *last,
        "A long post with no question or invitation leaves readers nothing to answer.",
        Some("End with a question to your readers, or ask them to share their own experience."),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged;

    const LONG: &str = "We spent the spring rebuilding the old mill by the river. The beams came from a barn two villages over, \
        and the stones were cleaned by hand, one by one, by volunteers from the town. It took four months, three broken \
        wheelbarrows and more tea than anyone can count. The roof went on in May, after two false starts and one very \
        windy afternoon that nobody involved will forget. The old wheel turns again now, slowly, and the sound of it \
        carries all the way to the bridge on a quiet evening. The miller's family lent us their old photographs, \
        so the room by the door will show the building as it looked a hundred years ago. The mill opens to visitors in June.";

    #[test]
    fn fires_on_long_monologue() {
        assert_eq!(
            flagged("missed-conversation", LONG),
            ["The mill opens to visitors in June."]
        );
    }

    #[test]
    fn fires_when_thanks_give_readers_nothing_to_answer() {
        // Addressing readers to thank them lifts the conversational score
        // a little, but leaves them nothing to answer.
        let thanked = format!("{LONG} To all of you who helped: you are the reason it turns.");
        assert_eq!(
            flagged("missed-conversation", &thanked),
            ["To all of you who helped: you are the reason it turns."]
        );
    }

    #[test]
    fn quiet_when_it_thanks_someone_specific() {
        // LABELING.md: thanking someone specific opens an exchange.
        let named = format!("{LONG} Thank you, Marta and Sam, for lending us the cart.");
        assert!(flagged("missed-conversation", &named).is_empty());
        let group = format!("{LONG} Huge thanks to our volunteers for every Saturday.");
        assert!(flagged("missed-conversation", &group).is_empty());
        let dedicated = format!("{LONG} To the crew: this wheel is yours.");
        assert!(flagged("missed-conversation", &dedicated).is_empty());
        // Thanks to no one in particular still leave nothing to answer.
        let anyone = format!("{LONG} Thank you to everyone who ever walked past it.");
        assert_eq!(
            flagged("missed-conversation", &anyone),
            ["Thank you to everyone who ever walked past it."]
        );
    }

    #[test]
    fn quiet_when_it_asks_for_comments_or_offers_something() {
        let comment = format!("{LONG} Leave a comment with your own mill stories.");
        assert!(flagged("missed-conversation", &comment).is_empty());
        let offer = format!("{LONG} Happy to send the drawings to anyone restoring one.");
        assert!(flagged("missed-conversation", &offer).is_empty());
        // "Happy to report" tells news; it offers nothing.
        let news = format!("{LONG} Happy to report the wheel still turns.");
        assert_eq!(
            flagged("missed-conversation", &news),
            ["Happy to report the wheel still turns."]
        );
    }

    #[test]
    fn quiet_on_near_misses() {
        let asked = format!("{LONG} Have you ever worked on an old building?");
        assert!(flagged("missed-conversation", &asked).is_empty());
        let invited = format!("{LONG} Share your photos of the mill with us.");
        assert!(flagged("missed-conversation", &invited).is_empty());
        assert!(flagged("missed-conversation", "Short and sweet.").is_empty());
    }

    #[test]
    fn never_fires_on_a_reply() {
        let linter = crate::Linter::default();
        let r = linter.analyze_with(LONG, &crate::Context::reply());
        assert!(r
            .diagnostics
            .iter()
            .all(|d| d.rule != "missed-conversation"));
    }
}
