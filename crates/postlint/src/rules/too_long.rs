//! `too-long`: the draft is longer than its platform allows.

use super::{Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::report::{Dimension, Severity};

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "too-long",
    // No dimension is about length; a post cut off by its platform loses the
    // person behind it first.
    dimension: Dimension::Personal,
    default_severity: Severity::Error,
    description: "Longer than the configured platform allows (spans the part past the limit).",
};

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    let Some(length) = a.length else { return };
    let Some(span) = length.overflow else { return };
    let over = length.count - length.limit;
    out.push(Finding::new(
        span,
        format!(
            "{} counts this draft as {} of {}: {over} over the limit.",
            platform_name(length.platform),
            length.count,
            length.limit
        ),
        Some("Cut the shaded part, or split the post in two."),
    ));
}

fn platform_name(p: crate::length::Platform) -> &'static str {
    use crate::length::Platform::*;
    match p {
        X => "X",
        Bluesky => "Bluesky",
        Threads => "Threads",
        Mastodon => "Mastodon",
        Linkedin => "LinkedIn",
        Instagram => "Instagram",
        Facebook => "Facebook",
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged_with;
    use crate::{Config, Platform};

    fn on(platform: Platform, max: Option<usize>) -> Config {
        Config {
            platform: Some(platform),
            max_length: max,
            ..Config::default()
        }
    }

    #[test]
    fn spans_exactly_the_part_past_the_limit() {
        let d = "Back from the hills, legs like jelly";
        assert_eq!(
            flagged_with("too-long", d, on(Platform::Threads, Some(19))),
            [", legs like jelly"]
        );
        // A link counts 23 on X whatever its length: this one fits.
        let d = format!("{} https://example.com/{}", "a".repeat(250), "p".repeat(80));
        assert!(flagged_with("too-long", &d, on(Platform::X, None)).is_empty());
    }

    #[test]
    fn quiet_without_a_platform_or_under_the_limit() {
        let long = "word ".repeat(200);
        assert!(flagged_with("too-long", &long, crate::Config::default()).is_empty());
        assert!(flagged_with("too-long", &long, on(Platform::Linkedin, None)).is_empty());
    }
}
