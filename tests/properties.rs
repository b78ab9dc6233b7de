//! Property tests: for arbitrary Unicode input the core never panics, every
//! span lies on char (and grapheme) boundaries inside the text, scores are
//! finite and in [0, 1], offsets convert consistently, and results are
//! deterministic.

use postlint::{
    analyze, tokenize, Config, Linter, OffsetMapper, OffsetUnit, Platform, Report, Span,
};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// The fuzzer's structure-aware draft generator, shared with the `draft`
/// fuzz target.
#[path = "../fuzz/src/draft.rs"]
mod draft;

/// Drafts from the fuzzer's generator: social-text pieces (URLs, mentions,
/// hashtags, prices, emoji sequences, Prepend signs, marks, bidi controls,
/// scripts, line breaks) glued without separators.
fn structured_drafts() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<u8>(), 0..600)
        .prop_map(|bytes| draft::Draft::from_bytes(&bytes).render())
}

/// Text that mixes social-media shapes with arbitrary Unicode.
fn drafts() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<String>(),
        Just("Buy now! 50% off $19.99 ".to_owned()),
        Just("@ana #tbt $AAPL example.com/x me@x.io ".to_owned()),
        Just("👩🏽‍💻🇫🇷1️⃣❤️ :) <3 ".to_owned()),
        Just("e\u{301}\u{302} ﷽ مرحبا שלום 日本語 ".to_owned()),
        Just("SOOOO GOOD!!! ?!\r\n\n\0\u{200d}\u{fe0f} ".to_owned()),
        "[a-zA-Z .,!?#@$%:;()'\"-]{0,40}",
    ];
    prop::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

/// One piece of the Unicode that breaks naive text handling.
fn hostile_piece() -> impl Strategy<Value = String> {
    let skin = prop::sample::select(vec![
        '\u{1F3FB}',
        '\u{1F3FC}',
        '\u{1F3FD}',
        '\u{1F3FE}',
        '\u{1F3FF}',
    ]);
    let base = prop::sample::select(vec![
        '👩', '👨', '🧑', '👍', '🤝', '👋', '💻', '❤', '🔥', 'a', '1', '#', '*',
    ]);
    let joiner = prop::sample::select(vec!["\u{200D}", "\u{FE0F}", "\u{20E3}", "\u{FE0E}", ""]);
    // Emoji with optional skin tone, joined into ZWJ sequences (sometimes broken).
    let emoji = prop::collection::vec((base, prop::option::of(skin), joiner), 1..5).prop_map(|v| {
        v.into_iter()
            .map(|(b, s, j)| format!("{b}{}{j}", s.map(String::from).unwrap_or_default()))
            .collect::<String>()
    });
    // Regional indicators: pairs are flags, odd counts leave one alone.
    let flags = prop::collection::vec(0x1F1E6u32..=0x1F1FF, 1..7)
        .prop_map(|v| v.into_iter().filter_map(char::from_u32).collect::<String>());
    // Base letters followed by stacks of combining marks.
    let marks = (
        "[a-zA-Zа-яα-ω ]{0,3}",
        prop::collection::vec(0x300u32..=0x36F, 0..6),
    )
        .prop_map(|(b, m)| b + &m.into_iter().filter_map(char::from_u32).collect::<String>());
    let scripts = prop::sample::select(vec![
        "مرحبا بكم، اشتري الآن! ",
        "שלום, קנו עכשיו ",
        "\u{202E}desrever\u{202C} \u{200F}\u{200E}",
        "\u{2067}isolate\u{2069} ",
        "日本語のテキスト。今すぐ購入！",
        "한국어 텍스트 ",
        "हिन्दी पाठ ",
        "ไทย ภาษา ",
        "Ελληνικά Русский ",
        "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
    ]);
    let controls = prop::sample::select(vec![
        "\0",
        "\0\0",
        "\r\n",
        "\r",
        "\n\n",
        "\u{2028}",
        "\u{2029}",
        "\u{85}",
        "\t",
        "\u{FEFF}",
        "\u{200B}",
        "\u{AD}",
        "\u{FFFD}",
        "\u{10FFFF}",
        "\u{E000}",
    ]);
    let social = prop::sample::select(vec![
        "Buy now! ",
        "50% off ",
        "$19.99 ",
        "#sale ",
        "@ana ",
        "https://x.co/a?b=1 ",
        "me@x.io ",
        "(503) 555-0142 ",
        ":) ",
        "<3 ",
        "!!! ",
        "?! ",
        "SOOOO ",
        "I ",
        "we ",
        "What do you think? ",
        "\"quoted buy now\" ",
        "not ",
        "limited time only ",
    ]);
    prop_oneof![
        3 => emoji,
        2 => flags,
        2 => marks,
        2 => scripts.prop_map(str::to_owned),
        2 => controls.prop_map(str::to_owned),
        3 => social.prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        1 => "\\PC{0,8}",
    ]
}

/// Drafts made of hostile pieces: emoji ZWJ sequences, flags, skin tones,
/// combining marks, RTL and bidi controls, NUL, CRLF, mixed scripts.
fn hostile_drafts() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_piece(), 0..24).prop_map(|v| v.concat())
}

/// Configs whose phrases come from the same hostile pool, so they match.
fn hostile_configs() -> impl Strategy<Value = Config> {
    let phrase = prop_oneof![hostile_piece(), "[a-z]{1,8}( [a-z]{1,8}){0,2}"];
    let list = prop::collection::vec(phrase, 0..4);
    let threshold = prop_oneof![0.0..=1.0f64, Just(0.0), Just(1.0)];
    (
        list.clone(),
        list.clone(),
        list,
        prop::array::uniform4(threshold),
    )
        .prop_map(|(brands, extra, allow, t)| {
            // Phrases are matched like the lexicon's and must match as they
            // read ("$9.99" alone would match every price): keep the ones
            // validation accepts.
            let keep = |v: Vec<String>| -> Vec<String> {
                v.into_iter()
                    .filter(|p| {
                        Config {
                            allow: vec![p.clone()],
                            ..Config::default()
                        }
                        .validate()
                        .is_ok()
                    })
                    .collect()
            };
            let mut c = Config {
                brands: keep(brands),
                extra_sales_phrases: keep(extra),
                allow: keep(allow),
                ..Config::default()
            };
            c.thresholds.salesy = t[0];
            c.thresholds.personal = t[1];
            c.thresholds.conversational = t[2];
            c.thresholds.identity_reflecting = t[3];
            c
        })
}

/// Every span converts to code points and UTF-16 and back to the same bytes,
/// and slices the same text in each unit; `with_offsets` agrees.
fn check_offsets_round_trip(text: &str, r: &Report) {
    let char_starts: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut utf16_starts = Vec::new();
    for (i, c) in text.char_indices() {
        utf16_starts.push(i);
        if c.len_utf16() == 2 {
            utf16_starts.push(usize::MAX);
        }
    }
    utf16_starts.push(text.len());
    let chars: Vec<char> = text.chars().collect();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let to_c = OffsetMapper::new(text, OffsetUnit::Chars);
    let to_u = OffsetMapper::new(text, OffsetUnit::Utf16);
    let spans = |r: &Report| -> Vec<Span> {
        r.diagnostics
            .iter()
            .map(|d| d.span)
            .chain(r.evidence.iter().map(|e| e.span))
            .collect()
    };
    let rc = spans(&r.clone().with_offsets(text, OffsetUnit::Chars));
    let ru = spans(&r.clone().with_offsets(text, OffsetUnit::Utf16));
    for ((b, c), u) in spans(r).into_iter().zip(rc).zip(ru) {
        assert_eq!(c, Span::new(to_c.convert(b.start), to_c.convert(b.end)));
        assert_eq!(u, Span::new(to_u.convert(b.start), to_u.convert(b.end)));
        assert_eq!((char_starts[c.start], char_starts[c.end]), (b.start, b.end));
        assert_eq!(
            (utf16_starts[u.start], utf16_starts[u.end]),
            (b.start, b.end)
        );
        let want = b.text(text);
        assert_eq!(chars[c.start..c.end].iter().collect::<String>(), want);
        assert_eq!(String::from_utf16(&utf16[u.start..u.end]).unwrap(), want);
    }
}

fn grapheme_boundaries(text: &str) -> Vec<usize> {
    let mut b: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
    b.push(text.len());
    b
}

fn check_report(text: &str, r: &Report) {
    for s in [
        r.scores.salesy,
        r.scores.personal,
        r.scores.conversational,
        r.scores.identity_reflecting,
    ] {
        assert!(s.is_finite() && (0.0..=1.0).contains(&s), "score {s}");
    }
    let spans = r
        .diagnostics
        .iter()
        .map(|d| d.span)
        .chain(
            r.diagnostics
                .iter()
                .filter_map(|d| d.fix.as_ref().map(|f| f.span)),
        )
        .chain(r.evidence.iter().map(|e| e.span));
    let bounds = grapheme_boundaries(text);
    for s in spans {
        assert!(s.start <= s.end && s.end <= text.len(), "{s:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(
            bounds.binary_search(&s.start).is_ok() && bounds.binary_search(&s.end).is_ok(),
            "{s:?} splits a grapheme cluster in {text:?}"
        );
    }
}

/// Tokens are non-empty, ordered, disjoint and on grapheme boundaries.
fn check_tokens(text: &str) {
    let bounds = grapheme_boundaries(text);
    let mut prev_end = 0;
    for t in tokenize(text) {
        assert!(t.span.start < t.span.end, "empty {t:?}");
        assert!(t.span.start >= prev_end, "tokens overlap: {t:?}");
        assert!(
            bounds.binary_search(&t.span.start).is_ok(),
            "start of {t:?} splits a grapheme cluster in {text:?}"
        );
        assert!(
            bounds.binary_search(&t.span.end).is_ok(),
            "end of {t:?} splits a grapheme cluster in {text:?}"
        );
        prev_end = t.span.end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn analysis_is_total_and_well_formed(text in drafts()) {
        let r = analyze(&text);
        check_report(&text, &r);
        prop_assert_eq!(&r, &analyze(&text));
    }

    #[test]
    fn tokens_never_split_a_grapheme(text in drafts()) {
        check_tokens(&text);
    }

    #[test]
    fn structured_drafts_keep_every_invariant(text in structured_drafts()) {
        check_tokens(&text);
        let r = analyze(&text);
        check_report(&text, &r);
        check_offsets_round_trip(&text, &r);
        prop_assert_eq!(&r, &analyze(&text));
    }

    #[test]
    fn converted_offsets_slice_the_same_text(text in drafts()) {
        let r = analyze(&text);
        let chars: Vec<char> = text.chars().collect();
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let rc = r.clone().with_offsets(&text, OffsetUnit::Chars);
        let ru = r.clone().with_offsets(&text, OffsetUnit::Utf16);
        for ((d, c), u) in r.diagnostics.iter().zip(&rc.diagnostics).zip(&ru.diagnostics) {
            let want = d.span.text(&text);
            let got_c: String = chars[c.span.start..c.span.end].iter().collect();
            let got_u = String::from_utf16(&utf16[u.span.start..u.span.end]).unwrap();
            prop_assert_eq!(want, got_c.as_str());
            prop_assert_eq!(want, got_u.as_str());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn hostile_unicode_keeps_every_invariant(text in hostile_drafts()) {
        let r = analyze(&text);
        check_report(&text, &r);
        check_offsets_round_trip(&text, &r);
        prop_assert_eq!(&r, &analyze(&text));
        check_tokens(&text);
    }

    #[test]
    fn any_valid_config_keeps_every_invariant(
        config in hostile_configs(),
        text in hostile_drafts(),
        repeat in 0usize..4,
    ) {
        let linter = Linter::new(config.clone()).expect("generated configs are valid");
        // Put the user's phrases in the draft, repeatedly, so they match.
        let mut text = text;
        for p in config.brands.iter().chain(&config.extra_sales_phrases).chain(&config.allow) {
            for _ in 0..repeat {
                text.push_str(p);
                text.push(' ');
            }
        }
        let r = linter.analyze(&text);
        check_report(&text, &r);
        check_offsets_round_trip(&text, &r);
        prop_assert_eq!(&r, &linter.clone().analyze(&text));
        for d in postlint::Dimension::ALL {
            prop_assert_eq!(r.labels.get(d), r.scores.get(d) >= linter.threshold(d));
        }
    }

    #[test]
    fn offsets_round_trip_on_any_text(text in drafts()) {
        check_offsets_round_trip(&text, &analyze(&text));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Platform length with small limits, so `too-long` fires often and its
    /// start lands next to every kind of cluster: the span is grapheme
    /// aligned, runs to the end of the text, and the text before it fits.
    #[test]
    fn too_long_shades_whole_clusters_past_the_limit(
        text in prop_oneof![hostile_drafts(), structured_drafts()],
        platform in prop::sample::select(Platform::ALL.to_vec()),
        max_length in prop::option::of(1usize..40),
    ) {
        let config = Config { platform: Some(platform), max_length, ..Config::default() };
        let linter = Linter::new(config).expect("a platform with any limit is valid");
        let r = linter.analyze(&text);
        check_report(&text, &r);
        check_offsets_round_trip(&text, &r);
        let length = r.length.expect("a platform gives a length");
        let too_long: Vec<_> = r.diagnostics.iter().filter(|d| d.rule == "too-long").collect();
        prop_assert_eq!(too_long.len(), usize::from(length.count > length.limit));
        if let Some(d) = too_long.first() {
            prop_assert_eq!(d.span.end, text.len());
            // Counted with the draft's own tokens (see the `length` fuzz target).
            let head = &text[..d.span.start];
            let before: Vec<_> =
                tokenize(&text).into_iter().filter(|t| t.span.end <= head.len()).collect();
            let fits = postlint::length::measure(head, &before, platform, max_length).count;
            prop_assert!(fits <= length.limit, "{head:?} counts {fits} > {}", length.limit);
        }
    }
}

#[test]
fn huge_and_hostile_inputs() {
    let mega = "Buy now! ".repeat(200_000); // 1.8 MB
    check_report(&mega, &analyze(&mega));
    let nul = "\0".repeat(10_000);
    check_report(&nul, &analyze(&nul));
    let marks = format!("a{}", "\u{301}".repeat(50_000));
    check_report(&marks, &analyze(&marks));
    let zwj = "👨‍👩‍👧‍👦".repeat(20_000);
    let toks = tokenize(&zwj);
    assert_eq!(toks.len(), 20_000);
    check_report("", &analyze(""));
}

/// Issue 15: Prepend signs (Grapheme_Cluster_Break=Prepend) join the
/// character after them; put each one (and combining marks) between every
/// pair of neighbours (URLs, emoji, punctuation, words, hashtags, prices,
/// spaces, line breaks) and check every token and every report span.
#[test]
fn prepend_signs_and_marks_next_to_every_kind_of_token() {
    let signs = [
        "\u{0600}",
        "\u{0601}",
        "\u{0602}",
        "\u{0603}",
        "\u{0604}",
        "\u{0605}",
        "\u{06DD}",
        "\u{070F}",
        "\u{08E2}",
        "\u{0D4E}",
        "\u{0600}\u{0301}",
        "\u{0301}",
        "\u{0903}",
        "\u{200D}",
        "\u{0600}\u{06DD}",
    ];
    let sides = [
        "",
        "word",
        "SALE",
        "example.com",
        "https://x.co/a",
        "www.youtue",
        "me@x.io",
        "@ana",
        "#tag",
        "$AAPL",
        "$19.99",
        "50%",
        "5",
        "!",
        "!!!",
        "?",
        ".",
        ",",
        "\u{FFFD}",
        "👍",
        "👩🏽‍💻",
        "🇫🇷",
        "1️⃣",
        ":)",
        "caf\u{e9}",
        "مرحبا",
        "日本",
        "ไทย",
        "हिन्दी",
        " ",
        "\n",
        "\r\n",
        "\u{200F}",
        "\u{202E}",
    ];
    for left in sides {
        for sign in signs {
            for right in sides {
                let text = format!("{left}{sign}{right} buy now{sign}!");
                check_tokens(&text);
                check_report(&text, &analyze(&text));
            }
        }
    }
}

/// The tokenize fuzz target's first find (issue 15), and the two minimal
/// cases: the token after a URL started inside a Prepend sign's cluster.
#[test]
fn prepend_sign_after_a_url_regressions() {
    for text in ["www.youtue\u{0603}\u{FFFD}", "see example.com\u{0600}!"] {
        check_tokens(text);
        check_report(text, &analyze(text));
    }
}

/// The `length` fuzz target's find (issue 15): twitter-text takes the
/// fullwidth `＃` and `＠` as sigils, and normalising a hashtag sliced off a
/// one-byte `#`, panicking inside the 3-byte `＃`. A hashtag with either sigil
/// reads the same.
#[test]
fn fullwidth_sigils_regressions() {
    for text in [
        "Nice ＃garden party",
        "hi ＠ana ＃tag",
        "＃",
        "＃＃sale ＃SALE！",
    ] {
        check_tokens(text);
        check_report(text, &analyze(text));
    }
    let (ascii, wide) = (analyze("Big #sale today"), analyze("Big ＃sale today"));
    assert_eq!(ascii.scores, wide.scores);
}
