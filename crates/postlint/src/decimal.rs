//! Reading the numbers of the built-in data (model weights, lexicon
//! strengths) without the standard float parser.
//!
//! `str::parse::<f64>` brings Eisel-Lemire's table of 128-bit powers of five
//! (about 20 KB that gzip cannot shrink) and a big-decimal fallback into the
//! WebAssembly module, only to read numbers such as `-0.0999`. Those are
//! read exactly by Clinger's fast path: a mantissa below 2^53 and a power of
//! ten up to 10^22 are both exact `f64`s, and one IEEE division rounds
//! correctly, so the result is the very `f64` that `str::parse` gives.

/// Parses `[+-]digits[.digits]` (at least one digit) exactly as
/// `str::parse::<f64>` does. Other text, or a number with more significant
/// digits than the fast path reads (more than 15, or more than 22 after the
/// point), goes to `str::parse` natively and is `None` in the WebAssembly
/// module, which only ever reads the built-in data (a test checks every
/// number there takes the fast path).
pub(crate) fn parse(s: &str) -> Option<f64> {
    fast(s).or_else(|| slow(s))
}

#[cfg(not(target_family = "wasm"))]
fn slow(s: &str) -> Option<f64> {
    s.parse().ok()
}

#[cfg(target_family = "wasm")]
fn slow(_: &str) -> Option<f64> {
    None
}

/// Clinger's fast path; `None` where it does not apply.
fn fast(s: &str) -> Option<f64> {
    let (negative, body) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut significant = 0;
    for &b in int.as_bytes().iter().chain(frac.as_bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        if mantissa > 0 || b != b'0' {
            significant += 1;
        }
        mantissa = mantissa * 10 + u64::from(b - b'0');
        if significant > 15 {
            return None;
        }
    }
    let scale = POWERS.get(frac.len())?;
    let value = mantissa as f64 / scale;
    Some(if negative { -value } else { value })
}

/// 10^0 ..= 10^22: every one an exact `f64`.
pub(crate) const POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same(s: &str) {
        let std: Option<f64> = s.parse().ok();
        assert_eq!(
            fast(s).map(f64::to_bits),
            fast(s).and(std).map(f64::to_bits),
            "{s}"
        );
        assert_eq!(parse(s).map(f64::to_bits), std.map(f64::to_bits), "{s}");
    }

    #[test]
    fn reads_like_the_standard_parser() {
        for s in [
            "0",
            "-0",
            "+0",
            "0.0",
            "-0.0999",
            "1.",
            ".5",
            "-.5",
            "007.25",
            "0.1",
            "0.3",
            "2.025",
            "999999999999999",
            "9999999999999999",
            "0.0000000000000000000001",
            "1e5",
            "inf",
            "NaN",
            "",
            "-",
            ".",
            "1.2.3",
            "1,5",
            " 1",
            "--1",
            "+-1",
            "123456789012345.6",
        ] {
            same(s);
        }
    }

    #[test]
    fn builtin_numbers_take_the_fast_path() {
        let model = include_str!("model/weights.txt");
        let lexicon = include_str!("lexicon/en.txt");
        let numbers = model
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(|l| l.split_whitespace().skip(1))
            .filter(|w| w.starts_with(|c: char| c == '-' || c.is_ascii_digit()))
            .chain(
                lexicon
                    .lines()
                    .map(str::trim)
                    .filter(|l| !(l.starts_with("# ") || *l == "#"))
                    .filter_map(|l| Some(l.rsplit_once(" *")?.1.trim())),
            );
        let mut n = 0;
        for s in numbers {
            let std: f64 = s.parse().unwrap_or_else(|_| panic!("{s} is a number"));
            assert_eq!(fast(s).map(f64::to_bits), Some(std.to_bits()), "{s}");
            n += 1;
        }
        assert!(n > 500, "only {n} numbers found");
    }

    proptest! {
        #[test]
        fn short_decimals_match(int in 0u64..10_000_000, frac in 0u64..100_000_000, digits in 0usize..9, sign in 0usize..3) {
            let sign = ["", "-", "+"][sign];
            let frac = format!("{frac:08}");
            same(&format!("{sign}{int}.{}", &frac[..digits]));
            same(&format!("{sign}{int}"));
        }

        #[test]
        fn any_text_matches(s in "[-+.0-9e]{0,24}") {
            same(&s);
        }
    }
}
