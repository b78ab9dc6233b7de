//! Machine-applicable fixes: what a diagnostic's `fix` holds, the fixes of
//! the built-in rules whose change is mechanical (`shouting`,
//! `hashtag-stuffing`), and [`Report::apply_fixes`].
//!
//! Judgement rules (`hard-sell`, `self-centered`, ...) get no fix: rewriting
//! a pitch is the writer's call.

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::offsets::OffsetUnit;
use crate::report::{Diagnostic, Report, Span};
use crate::tokenizer::{Token, TokenKind};

/// A replacement for part of the draft: `text[start..end]` becomes
/// `replacement`. Offsets are in the report's unit, like the spans.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// The text replaced.
    #[serde(flatten)]
    pub span: Span,
    /// What replaces it.
    pub replacement: String,
}

/// Upper-case words a sentence-case fix keeps: acronyms a shouted run often
/// holds. Words that are also everyday English words in capitals ("US",
/// "IT", "AM") are left out: lower-casing an acronym is a smaller harm than
/// keeping a shout.
const ACRONYMS: &[&str] = &[
    "NASA", "ESA", "USA", "UK", "EU", "UN", "NATO", "FBI", "CIA", "NYC", "LA", "DC", "CEO", "CFO",
    "CTO", "COO", "VP", "HR", "PR", "AI", "API", "SDK", "UI", "UX", "PDF", "URL", "FAQ", "DIY",
    "TV", "PC", "OK", "DNA", "NBA", "NFL", "MLB", "NHL", "FIFA", "UEFA", "BBC", "CNN", "NPR",
    "ESPN", "HBO", "GPS", "USB", "HDMI", "LED", "LCD", "ATM", "VIP", "RSVP", "ASAP", "FYI", "GMT",
    "UTC", "EST", "PST", "NYSE", "IPO", "ROI", "KPI", "SEO", "SMS", "MBA", "NGO", "LGBTQ", "COVID",
    "HIV", "NHS", "IRS", "DMV", "EV", "SUV", "BMW", "IBM", "NFT", "CEOS", "RPG", "GIF", "HTML",
    "CSS", "SQL", "AWS", "IOS", "MIT", "UCLA", "NYU", "WHO", "UNESCO", "UNICEF",
];

/// True for the proper nouns a sentence-case fix capitalises: weekdays,
/// and the months that are not also everyday words ("may", "march").
fn is_proper(lower: &str) -> bool {
    use crate::features::signals::{MONTHS, WEEKDAYS};
    WEEKDAYS.contains(&lower) || (MONTHS.contains(&lower) && !matches!(lower, "may" | "march"))
}

/// At most this many words kept in capitals in a row (acronyms, words with
/// digits): one more makes the shortest run `shouting` flags, which is
/// three words in a draft that sells or has more capitals.
const KEPT_CAPS_LIMIT: usize = crate::rules::shouting::SELLING_CAPS_RUN - 1;

/// `replacement` cased like `found`: all capitals for a word in capitals,
/// a capital first letter for a capitalised one. A replacement with a
/// capital of its own ("Wi-Fi", a brand name) is kept as written.
pub(crate) fn match_case(found: &str, replacement: &str) -> String {
    if replacement.chars().any(char::is_uppercase) {
        return replacement.to_owned();
    }
    let mut letters = found.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return replacement.to_owned();
    };
    let rest_upper = letters.clone().all(char::is_uppercase);
    if first.is_uppercase() && rest_upper && letters.next().is_some() {
        return replacement.chars().flat_map(crate::case::upper).collect();
    }
    if first.is_uppercase() {
        let mut chars = replacement.chars();
        if let Some(c) = chars.next() {
            return crate::case::upper(c).chain(chars).collect();
        }
    }
    replacement.to_owned()
}

/// The fix of a built-in diagnostic, when its rule has a mechanical one.
pub(crate) fn builtin_fix(a: &Analysis, brands: &[String], d: &Diagnostic) -> Option<Fix> {
    match &*d.rule {
        "shouting" => shouting(a, brands, d.span),
        "hashtag-stuffing" => hashtag_stuffing(a),
        _ => None,
    }
    .filter(|f| f.span.text(a.text) != f.replacement)
}

/// The marks of one punctuation token (`!!!`, `?!?!`, `！！`, `?-?`) as one
/// mark (a question mark if there is one): the `shouting` rule counts the
/// marks of a token, however they are spread. What lies between the first
/// and the last mark goes with them, and what lies outside them stays, so
/// both ends of the token touch what they touched before: keeping a `#`
/// from inside ("!!#!!!?") next to the word after the token would make a
/// hashtag that the draft never had.
fn one_mark(punct: &str, out: &mut String) {
    let is_mark = |c: char| matches!(c, '!' | '?' | '！' | '？');
    let mut marks = punct.char_indices().filter(|&(_, c)| is_mark(c));
    let question = marks.clone().find(|&(_, c)| matches!(c, '?' | '？'));
    let (Some((first, one)), Some((last, end))) = (marks.next(), marks.next_back()) else {
        // One mark or none: nothing to join.
        out.push_str(punct);
        return;
    };
    out.push_str(&punct[..first]);
    out.push(question.map_or(one, |(_, c)| c));
    out.push_str(&punct[last + end.len_utf8()..]);
}

/// Sentence case for a shouted run: words in capitals lower-cased (a
/// capital first letter where a sentence starts), acronyms, words with
/// digits, "I" and the user's brand names kept; `!!!` runs as one mark.
fn shouting(a: &Analysis, brands: &[String], span: Span) -> Option<Fix> {
    let brand_words: Vec<&str> = brands.iter().flat_map(|b| b.split_whitespace()).collect();
    let mut out = String::with_capacity(span.len());
    let mut at = span.start;
    let mut kept_run = 0usize;
    let first = a.tokens.partition_point(|t| t.span.start < span.start);
    for (i, t) in a.tokens[first..]
        .iter()
        .enumerate()
        .take_while(|(_, t)| t.span.end <= span.end)
    {
        out.push_str(a.text.get(at..t.span.start)?);
        at = t.span.end;
        let s = t.text(a.text);
        // As the rule reads tokens: a number with any capital counts.
        let number = t.kind == TokenKind::Number;
        let caps = matches!(
            t.kind,
            TokenKind::Word | TokenKind::Hashtag | TokenKind::Number
        ) && s.chars().any(char::is_uppercase)
            && (number || !s.chars().any(char::is_lowercase));
        if t.kind == TokenKind::Punctuation {
            one_mark(s, &mut out);
            continue;
        }
        if !caps {
            out.push_str(s);
            continue;
        }
        // The sentence's first word (emoji and symbols may come before it).
        let sentence = a.sentence_at(t.span.start);
        let opens = !a.tokens[..first + i]
            .iter()
            .rev()
            .take_while(|p| p.span.start >= sentence.start)
            .any(|p| p.is_wordlike());
        let word = s.trim_start_matches('#');
        let brand = brand_words.iter().find(|b| b.eq_ignore_ascii_case(word));
        let acronym = ACRONYMS.contains(&word) || word.chars().any(|c| c.is_ascii_digit());
        let mut new = match brand {
            Some(b) => format!("{}{b}", &s[..s.len() - word.len()]),
            None if acronym && word.chars().count() > 1 => s.to_owned(),
            None => sentence_case(s, opens && t.kind == TokenKind::Word),
        };
        // What the rule will see: a word still in capitals extends a run;
        // any other word ends it; a number never ends one. Past the
        // limit, a kept word is lower-cased after all.
        let still_caps = |w: &str| {
            w.chars().any(char::is_uppercase)
                && (number
                    || (w.chars().filter(|c| c.is_alphabetic()).count() > 1
                        && !w.chars().any(char::is_lowercase)))
        };
        if still_caps(&new) && kept_run >= KEPT_CAPS_LIMIT {
            new = sentence_case(s, false);
        }
        if still_caps(&new) {
            kept_run += 1;
        } else if !number && new != s {
            kept_run = 0;
        }
        out.push_str(&new);
    }
    out.push_str(a.text.get(at..span.end)?);
    Some(Fix {
        span,
        replacement: out,
    })
}

/// A word in capitals in lower case, with a capital first letter when it
/// opens a sentence; "I" and "I'm" keep theirs.
fn sentence_case(word: &str, opens: bool) -> String {
    let lower = crate::text::to_lower(word);
    let is_i = lower == "i" || lower.starts_with("i'") || lower.starts_with("i\u{2019}");
    if opens || is_i || is_proper(&lower) {
        let mut chars = lower.chars();
        if let Some(c) = chars.next() {
            return crate::case::upper(c).chain(chars).collect();
        }
    }
    lower
}

/// At most this many hashtags stay after the fix (the rule's suggestion:
/// "two or three"); below four hashtags the rule never fires.
const KEEP_TAGS: usize = 3;

/// Drops the surplus of the hashtags that end the draft, keeping the first
/// ones up to [`KEEP_TAGS`] in all; no fix when the hashtags inside the text
/// are themselves too many.
fn hashtag_stuffing(a: &Analysis) -> Option<Fix> {
    let toks: &[Token] = &a.tokens;
    let block_start = toks
        .iter()
        .rposition(|t| !matches!(t.kind, TokenKind::Hashtag | TokenKind::LineBreak))
        .map_or(0, |i| i + 1);
    let block: Vec<&Token> = toks[block_start..]
        .iter()
        .filter(|t| t.kind == TokenKind::Hashtag)
        .collect();
    let inline = a.stats.hashtags.checked_sub(block.len())?;
    let keep = KEEP_TAGS.checked_sub(inline)?.min(block.len());
    let first_dropped = block.get(keep)?;
    let last = block.last()?;
    let dropped_at = toks.iter().position(|t| t.span == first_dropped.span)?;
    let start = toks[..dropped_at]
        .iter()
        .rev()
        .find(|t| t.kind != TokenKind::LineBreak)
        .map_or(first_dropped.span.start, |t| t.span.end);
    Some(Fix {
        span: Span::new(start, last.span.end),
        replacement: String::new(),
    })
}

/// Byte offsets of `units` (sorted) counted in `unit` over `text`; `None`
/// for an offset past the end or inside a character.
fn to_bytes(text: &str, unit: OffsetUnit, units: &[usize]) -> Vec<Option<usize>> {
    let width = |c: char| match unit {
        OffsetUnit::Bytes => c.len_utf8(),
        OffsetUnit::Chars => 1,
        OffsetUnit::Utf16 => c.len_utf16(),
    };
    let mut out = Vec::with_capacity(units.len());
    let mut chars = text.char_indices();
    let (mut pos, mut byte) = (0usize, 0usize);
    for &u in units {
        while pos < u {
            let Some((_, c)) = chars.next() else { break };
            pos += width(c);
            byte += c.len_utf8();
        }
        out.push((pos == u).then_some(byte));
    }
    out
}

/// `text` with `fixes` (offsets counted in `unit`) applied; where fixes
/// overlap, the first by position wins, and a fix that does not fit `text`
/// (past its end, inside a character) is skipped. What
/// [`Report::apply_fixes`] does, for callers that hold the fixes apart
/// from a core `Report` (the WebAssembly binding).
pub fn apply_fixes<'a>(
    text: &str,
    fixes: impl IntoIterator<Item = &'a Fix>,
    unit: OffsetUnit,
) -> String {
    let mut fixes: Vec<&Fix> = fixes
        .into_iter()
        .filter(|f| f.span.start <= f.span.end)
        .collect();
    crate::sort::sort_by_key(&mut fixes, |f| (f.span.start, f.span.end));
    let mut offsets: Vec<usize> = fixes
        .iter()
        .flat_map(|f| [f.span.start, f.span.end])
        .collect();
    crate::sort::sort(&mut offsets);
    offsets.dedup();
    let bytes = to_bytes(text, unit, &offsets);
    let byte = |u: usize| offsets.binary_search(&u).ok().and_then(|i| bytes[i]);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in fixes {
        let (Some(start), Some(end)) = (byte(f.span.start), byte(f.span.end)) else {
            continue;
        };
        if start < at {
            continue;
        }
        out.push_str(&text[at..start]);
        out.push_str(&f.replacement);
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

impl Report {
    /// `text` with every fix of this report applied; where fixes overlap
    /// the first (by position) wins. `text` must be the text this report
    /// was made from; the fixes are read in the report's own offset unit,
    /// so a report converted with [`Report::with_offsets`] applies as well.
    /// A fix that does not fit `text` is skipped.
    pub fn apply_fixes(&self, text: &str) -> String {
        apply_fixes(
            text,
            self.diagnostics.iter().filter_map(|d| d.fix.as_ref()),
            self.unit,
        )
    }

    /// The unit this report's offsets are in.
    pub fn offset_unit(&self) -> OffsetUnit {
        self.unit
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Config, Linter};

    fn fixed(text: &str) -> String {
        analyze(text).apply_fixes(text)
    }

    #[test]
    fn shouting_becomes_sentence_case() {
        assert_eq!(
            fixed("MEGA DEALS THIS WEEK ONLY!!! Come by."),
            "Mega deals this week only! Come by."
        );
        assert_eq!(
            fixed("WOW. BIG NEWS TODAY, friends"),
            "Wow. Big news today, friends"
        );
        assert_eq!(fixed("I GOT THE JOB!!!"), "I got the job!");
        assert_eq!(fixed("so happy!!!!!"), "so happy!");
        assert_eq!(fixed("you did WHAT?!?!"), "you did what?");
        assert_eq!(fixed("Wait！！！！ really"), "Wait！ really");
        // Marks spread over one token count together: one is left.
        assert_eq!(fixed("OUR USA LA?-? tour"), "Our USA LA? tour");
        // What lay between the marks goes with them: a `#` kept next to
        // the word after would make a hashtag the draft never had.
        assert_eq!(fixed("so happy!!#!!!?yes"), "so happy?yes");
        // Numbers never end a run: kept ones count, lower-cased ones do not
        // break it.
        let nines = "9R 9R 9R 9R 9R 9R 9R 9R";
        assert_eq!(fixed(nines), "9R 9R 9r 9r 9r 9r 9r 9r");
        assert_eq!(fixed("4H.GEt9R 9R 9R 9R 9R"), "4H.GEt9R 9R 9r 9r 9r");
        assert_eq!(fixed("NASA 4K USA UK EU NOW"), "NASA 4K usa UK EU now");
        assert_eq!(
            fixed("Big day: NASA AND THE USA LAUNCH TODAY"),
            "Big day: NASA and the USA launch today"
        );
        assert_eq!(fixed("WE HIT 10K FOLLOWERS"), "We hit 10K followers");
        assert_eq!(
            fixed("OPEN LATE EVERY FRIDAY IN JUNE!!"),
            "Open late every Friday in June!"
        );
    }

    #[test]
    fn shouting_keeps_brand_spelling() {
        let c = Config {
            brands: vec!["McAcme".into()],
            ..Config::default()
        };
        let text = "MCACME IS OPEN ALL NIGHT";
        let r = Linter::new(c).unwrap().analyze(text);
        assert_eq!(r.apply_fixes(text), "McAcme is open all night");
    }

    #[test]
    fn hashtag_stuffing_drops_the_surplus_at_the_end() {
        assert_eq!(
            fixed("sunset #beach #sun #sea #summer #vibes #travel #love\n"),
            "sunset #beach #sun #sea\n"
        );
        assert_eq!(
            fixed("Made #pasta with #friends and #family #food #yum #dinner #home"),
            "Made #pasta with #friends and #family"
        );
        // Tags inside the text are not the fix's to remove.
        let text = "#one #two #three #four #five #six words here ok";
        let r = analyze(text);
        let d = r.diagnostics.iter().find(|d| d.rule == "hashtag-stuffing");
        assert!(d.is_some_and(|d| d.fix.is_none()), "{r:?}");
    }

    #[test]
    fn judgement_rules_have_no_fix() {
        let r = analyze("Buy now! Follow us and tag 3 friends. We are award-winning.");
        assert!(!r.diagnostics.is_empty());
        assert!(r.diagnostics.iter().all(|d| d.fix.is_none()), "{r:?}");
    }

    #[test]
    fn fixes_apply_in_every_unit() {
        let text = "🔥🔥 GREAT NEWS FOR EVERYONE!!! 👩🏽‍💻 #a #b #c #d #e #f #g";
        let r = analyze(text);
        let want = r.apply_fixes(text);
        assert_eq!(want, "🔥🔥 Great news for everyone! 👩🏽‍💻 #a #b #c");
        for unit in [OffsetUnit::Chars, OffsetUnit::Utf16] {
            let converted = r.clone().with_offsets(text, unit);
            assert_eq!(converted.offset_unit(), unit);
            assert_eq!(converted.apply_fixes(text), want);
        }
    }

    #[test]
    fn fixes_that_do_not_fit_are_skipped() {
        let mut r = Report::default();
        r.diagnostics.push(Diagnostic {
            rule: "x".into(),
            severity: crate::Severity::Info,
            span: Span::new(1, 2),
            message: String::new(),
            suggestion: None,
            fix: Some(Fix {
                span: Span::new(1, 2),
                replacement: "y".into(),
            }),
        });
        assert_eq!(r.apply_fixes("é"), "é");
        assert_eq!(r.apply_fixes(""), "");
        assert_eq!(r.apply_fixes("abc"), "ayc");
    }

    #[test]
    fn case_follows_the_match() {
        assert_eq!(match_case("cheap", "affordable"), "affordable");
        assert_eq!(match_case("Cheap", "affordable"), "Affordable");
        assert_eq!(match_case("CHEAP", "affordable"), "AFFORDABLE");
        assert_eq!(match_case("C", "affordable"), "Affordable");
        assert_eq!(match_case("99", "affordable"), "affordable");
        assert_eq!(match_case("WIFI", "Wi-Fi"), "Wi-Fi");
        assert_eq!(match_case("wifi", "Wi-Fi"), "Wi-Fi");
    }
}
