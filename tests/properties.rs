//! Property tests: for arbitrary Unicode input the core never panics, every
//! span lies on char (and grapheme) boundaries inside the text, scores are
//! finite and in [0, 1], offsets convert consistently, and results are
//! deterministic.

use postlint::{analyze, tokenize, OffsetUnit, Report};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

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
        .chain(r.evidence.iter().map(|e| e.span));
    for s in spans {
        assert!(s.start <= s.end && s.end <= text.len(), "{s:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
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
        let bounds = grapheme_boundaries(&text);
        let mut prev_end = 0;
        for t in tokenize(&text) {
            prop_assert!(t.span.start < t.span.end);
            prop_assert!(t.span.start >= prev_end, "tokens overlap");
            prop_assert!(bounds.binary_search(&t.span.start).is_ok(), "start {:?} in {:?}", t, text);
            prop_assert!(bounds.binary_search(&t.span.end).is_ok(), "end {:?} in {:?}", t, text);
            prev_end = t.span.end;
        }
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
