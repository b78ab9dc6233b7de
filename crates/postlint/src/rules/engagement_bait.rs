//! `engagement-bait`: asking for likes, follows, shares or tags, often in
//! exchange for something.

use super::phrases::Openers;
use super::{from_hits, Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity, Span};
use crate::text::{lower_is_one_of, lower_key, pack_all};
use crate::tokenizer::{Token, TokenKind};

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "engagement-bait",
    dimension: Dimension::Salesy,
    default_severity: Severity::Error,
    description: "Asking for likes, follows, shares or tags (\"follow us\", \"like and share to win\", \"tag 3 friends\").",
};

/// "Follow us on our journey" and "follow along as we..." invite people into
/// a story rather than trading a follow for nothing: the lexicon lists them
/// as neutral phrases, so the "follow us" inside them never reaches here.
pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    from_hits(a, Signal::EngagementBait, out, |phrase| {
        (
            format!("\"{phrase}\" asks for a like, follow or share without giving a reason to."),
            "Give people a reason to follow: post something worth following and let it earn the click.",
        )
    });
    forms(a, out);
}

/// Platform actions that bait asks for, two of them joined ("RT + follow").
const ACTION_WORDS: [&str; 7] = ["rt", "retweet", "repost", "follow", "like", "share", "tag"];
/// [`ACTION_WORDS`] as packed keys.
pub(crate) const ACTIONS: [u128; 7] = pack_all(ACTION_WORDS);
/// Verbs that, before a keyword in capitals, ask for a comment in exchange
/// for something ("comment GUIDE and I'll send it").
const KEYWORD_VERB_WORDS: [&str; 3] = ["comment", "type", "drop"];
/// [`KEYWORD_VERB_WORDS`] as packed keys.
pub(crate) const KEYWORD_VERBS: [u128; 3] = pack_all(KEYWORD_VERB_WORDS);
/// "tag", the one action that also opens "tag the friend who".
const TAG: u128 = pack_all(["tag"])[0];
/// How far a "who" may follow "tag the": "tag the one friend who".
const TAG_REACH: usize = 6;
/// The first bytes and lengths of [`ACTIONS`] and [`KEYWORD_VERBS`]: most
/// words of a draft are turned away on them before they are sliced or
/// lower-cased (this runs on every word).
const LISTED: Openers = Openers::EMPTY
    .with_all(&ACTION_WORDS)
    .with_all(&KEYWORD_VERB_WORDS);

/// The shapes of bait that a phrase list cannot spell out, because a free
/// word sits inside them: two actions joined by "+" or "&", a keyword in
/// capitals to comment, and "tag the <someone> who ...".
fn forms(a: &Analysis, out: &mut Vec<Finding>) {
    // No word of the draft is an action or a keyword verb (the word walk's
    // trigger bits say so): no form to find.
    if a.triggers & crate::words::TRIGGER_BAIT == 0 {
        return;
    }
    let start = out.len();
    let t = &a.tokens;
    let text = a.text.as_bytes();
    let is_word = |k: usize| t.get(k).is_some_and(|x| x.kind == TokenKind::Word);
    // Words are compared as packed lower-case keys: one lower-casing per
    // word that passes the filter.
    let key = |k: usize| lower_key(a.slice(t[k].span)).unwrap_or(0);
    let word_is = |k: usize, list: &[u128]| is_word(k) && list.contains(&key(k));
    // In an ASCII draft, nearly every one, a word's lower case is as long
    // as the word; in another, a word may lower-case to fewer bytes.
    let ascii = a.ascii;
    for (i, tok) in t.iter().enumerate() {
        if tok.kind != TokenKind::Word {
            continue;
        }
        let listed = if ascii {
            LISTED.may_open(text, tok.span)
        } else {
            LISTED.may_start(text, tok.span)
        };
        if !listed {
            continue;
        }
        let here = key(i);
        // The two lists share no word.
        let action = ACTIONS.contains(&here);
        let verb = KEYWORD_VERBS.contains(&here);
        let found = if action
            && t.get(i + 1).is_some_and(|j| joins(a, j))
            && word_is(i + 2, &ACTIONS)
            && key(i + 2) != here
        {
            Some(t[i].span.union(&t[i + 2].span))
        } else if verb {
            keyword_after(a, i)
        } else if here == TAG && opens(t, i) {
            tag_who(a, i)
        } else {
            None
        };
        if let Some(span) = found {
            if out[start..].iter().all(|f| !f.span.overlaps(&span))
                && !a
                    .hits_of(Signal::EngagementBait)
                    .any(|h| h.span.overlaps(&span))
            {
                out.push(Finding::new(
                    span,
                    format!("\"{}\" trades a like, comment or tag for a reward; people see the trade.", a.slice(span)),
                    Some("Give people a reason to answer: ask a real question, or share the thing freely."),
                ));
            }
        }
    }
}

/// "+", "&" or "and" between two actions.
fn joins(a: &Analysis, t: &Token) -> bool {
    let s = a.slice(t.span);
    matches!(s, "+" | "&") || (t.kind == TokenKind::Word && s.eq_ignore_ascii_case("and"))
}

/// "comment PLAN", "comment \"IN\"": the keyword in capitals, past quotes.
fn keyword_after(a: &Analysis, i: usize) -> Option<Span> {
    let t = &a.tokens;
    let k = (i + 1..t.len().min(i + 3)).find(|&k| t[k].kind != TokenKind::Punctuation)?;
    (t[k].kind == TokenKind::Word && t[k].all_caps).then(|| t[i].span.union(&t[k].span))
}

/// "Tag" opening a line or sentence: nothing but emoji or punctuation before.
fn opens(t: &[Token], i: usize) -> bool {
    i == 0
        || matches!(
            t[i - 1].kind,
            TokenKind::LineBreak | TokenKind::Emoji | TokenKind::Punctuation
        )
}

/// "Tag the friend who ...", "tag a coworker who ...": the span to "who".
fn tag_who(a: &Analysis, i: usize) -> Option<Span> {
    let t = &a.tokens;
    if !t.get(i + 1).is_some_and(|x| {
        lower_is_one_of(a.slice(x.span), &["the", "a", "your", "someone", "anyone"])
    }) {
        return None;
    }
    (i + 2..t.len().min(i + 2 + TAG_REACH))
        .take_while(|&k| t[k].kind == TokenKind::Word)
        .find(|&k| {
            let w = a.slice(t[k].span);
            lower_is_one_of(w, &["who", "who's", "who\u{2019}s", "that"])
        })
        .map(|k| t[i].span.union(&t[k].span))
}

#[cfg(test)]
mod tests {
    use super::{ACTIONS, ACTION_WORDS, KEYWORD_VERBS, KEYWORD_VERB_WORDS, LISTED};
    use crate::report::Span;
    use crate::rules::test_util::flagged;
    use crate::text::lower_key;

    #[test]
    fn fires_on_bait() {
        assert_eq!(
            flagged("engagement-bait", "Like us on Facebook!"),
            ["Like us on Facebook"]
        );
        assert_eq!(
            flagged("engagement-bait", "Follow us for more tips"),
            ["Follow us for"]
        );
        assert_eq!(
            flagged("engagement-bait", "LIKE & SHARE to win a TV!"),
            ["LIKE & SHARE to win"]
        );
        assert_eq!(
            flagged("engagement-bait", "Tag 3 friends who need this"),
            ["Tag 3 friends"]
        );
    }

    #[test]
    fn fires_on_bait_forms() {
        assert_eq!(
            flagged(
                "engagement-bait",
                "Free hoodie! Retweet + follow, winner Monday"
            ),
            ["Retweet + follow"]
        );
        assert_eq!(
            flagged(
                "engagement-bait",
                "Want the checklist? Comment \"LIST\" and it's yours"
            ),
            ["Comment \"LIST"]
        );
        assert_eq!(
            flagged("engagement-bait", "Type GO below for the link"),
            ["Type GO"]
        );
        assert_eq!(
            flagged(
                "engagement-bait",
                "🙌 Tag the coworker who always brings snacks"
            ),
            ["Tag the coworker who"]
        );
    }

    #[test]
    fn the_prefilter_admits_every_listed_word() {
        let may_be_listed = |w: &str| {
            let span = Span::new(0, w.len());
            if w.is_ascii() {
                LISTED.may_open(w.as_bytes(), span)
            } else {
                LISTED.may_start(w.as_bytes(), span)
            }
        };
        // "li\u{212A}e" lower-cases to "like": longer than the word it reads as.
        for &w in ACTION_WORDS
            .iter()
            .chain(&KEYWORD_VERB_WORDS)
            .chain(&["li\u{212A}e"])
        {
            assert!(may_be_listed(w) && may_be_listed(&w.to_uppercase()), "{w}");
            let key = lower_key(w).unwrap();
            if !w.is_ascii() {
                assert_eq!(lower_key("like"), Some(key));
                continue;
            }
            assert!(
                ACTIONS.contains(&key) != KEYWORD_VERBS.contains(&key),
                "{w}"
            );
        }
        // Every listed key, whatever list it was added to, passes on its
        // first byte (the key's low byte) and length (its top byte).
        for &key in ACTIONS.iter().chain(&KEYWORD_VERBS) {
            let len = (key >> 120) as usize;
            let word = format!("{}{}", char::from(key as u8), "x".repeat(len - 1));
            assert!(may_be_listed(&word), "{word}");
        }
        assert!(
            !may_be_listed("hello")
                && !may_be_listed("a")
                && !may_be_listed("retweetsretweetsretweets")
                && !may_be_listed("likes")
                && !may_be_listed("\u{e9}t\u{e9}")
        );
    }

    #[test]
    fn quiet_on_near_bait_forms() {
        assert!(flagged("engagement-bait", "I left a comment on the NASA post").is_empty());
        assert!(flagged(
            "engagement-bait",
            "Price tag the same as last year, who knew"
        )
        .is_empty());
        assert!(flagged("engagement-bait", "We share and share alike here").is_empty());
        assert!(flagged("engagement-bait", "Tag the photos with the date").is_empty());
    }

    #[test]
    fn quiet_on_near_misses() {
        assert!(flagged(
            "engagement-bait",
            "Follow us on our journey to open a bakery in Leeds"
        )
        .is_empty());
        assert!(flagged("engagement-bait", "Follow along as we rebuild the barn").is_empty());
        assert!(flagged(
            "engagement-bait",
            "I like to share recipes with my neighbours"
        )
        .is_empty());
    }
}
