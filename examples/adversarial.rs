//! Analyses one generated adversarial draft, for the complexity check
//! (`scripts/complexity.sh` runs it under valgrind at 1x and 10x size and
//! compares instruction counts; nothing here measures time).
//!
//!   cargo run --release -p postlint --example adversarial -- SHAPE N
//!
//! `N` is how many times the shape's unit repeats; `N = 0` analyses an empty
//! draft, which measures the fixed cost (process start, lexicon build).

use postlint::{Config, Linter};

/// The shapes: a name and the draft of `n` units.
const SHAPES: &[&str] = &[
    "punctuation",
    "giant-word",
    "hashtags",
    "urls",
    "mentions",
    "phrase",
    "emoji",
    "prices",
    "brag",
    "sentences",
    "combining",
    "mixed-scripts",
    "brands",
];

fn draft(shape: &str, n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        match shape {
            // One run of punctuation, alternating so it is one token.
            "punctuation" => s.push(['!', '?', '.', '!'][i % 4]),
            // One word, no break anywhere.
            "giant-word" => s.push_str("supercalifragilistic"),
            "hashtags" => s.push_str(&format!("#tag{i} ")),
            "urls" => s.push_str(&format!("https://shop.example.com/p/{i}?ref=x ")),
            "mentions" => s.push_str(&format!("@user{i} ")),
            // A lexicon phrase matched again and again, overlapping itself.
            "phrase" => s.push_str("buy now buy now! limited time only "),
            // A ZWJ sequence with skin tone, a flag and a keycap.
            "emoji" => s.push_str("👩🏽‍💻🇫🇷1️⃣"),
            "prices" => s.push_str(&format!("${}.99 off ", i % 1000)),
            // Self-praise in a personal draft (the brag rule's slow path).
            "brag" => s.push_str("I am so proud of my award-winning mom! "),
            "sentences" => s.push_str("Hi. What do you think? "),
            "combining" => s.push_str("e\u{301}\u{302}\u{303}"),
            "mixed-scripts" => s.push_str("مرحبا שלום 日本語 Привет buy "),
            // The user's own phrases (brands, allow list) matched repeatedly.
            "brands" => s.push_str("Acme Coffee rocks, follow our journey. "),
            _ => panic!("unknown shape {shape}; known: {SHAPES:?}"),
        }
    }
    s
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--list") {
        for s in SHAPES {
            println!("{s}");
        }
        return;
    }
    let [shape, n] = &args[..] else {
        eprintln!("usage: adversarial SHAPE N | --list");
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("N is a count");
    let config = if shape == "brands" {
        Config::from_json(
            r#"{"brands": ["Acme", "Acme Coffee"], "allow": ["follow our journey"],
                "extra_sales_phrases": ["rocks"]}"#,
        )
        .expect("config")
    } else {
        Config::default()
    };
    let linter = Linter::new(config).expect("valid config");
    // Build the draft even for N = 0 so the fixed cost includes the lexicon.
    let text = draft(shape, n);
    let report = linter.analyze(&text);
    println!(
        "{shape} n={n} bytes={} diagnostics={} evidence={}",
        text.len(),
        report.diagnostics.len(),
        report.evidence.len()
    );
}
