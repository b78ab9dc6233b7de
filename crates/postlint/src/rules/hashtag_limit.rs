//! `hashtag-limit`: more hashtags than the platform accepts (Instagram: 30).

use super::{Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::length::Platform;
use crate::report::{Dimension, Severity};
use crate::tokenizer::TokenKind;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "hashtag-limit",
    dimension: Dimension::Salesy,
    default_severity: Severity::Error,
    description: "More hashtags than the platform accepts (Instagram: 30); spans the extra ones.",
};

/// The most hashtags a platform accepts on one post, where it has a cap.
fn cap(platform: Platform) -> Option<usize> {
    (platform == Platform::Instagram).then_some(30)
}

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    let Some(max) = a.length.and_then(|l| cap(l.platform)) else {
        return;
    };
    let tags: Vec<_> = a
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Hashtag)
        .collect();
    let (Some(first_extra), Some(last)) = (tags.get(max), tags.last()) else {
        return;
    };
    out.push(Finding::new(
        first_extra.span.union(&last.span),
        format!(
            "{} hashtags: Instagram accepts {max} on a post, so the post will not go out as written.",
            tags.len()
        ),
        Some("Keep the few tags your readers follow and drop the rest."),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::flagged_with;
    use crate::{Config, Platform};

    fn on(platform: Platform) -> Config {
        Config {
            platform: Some(platform),
            ..Config::default()
        }
    }

    #[test]
    fn spans_the_tags_past_thirty_on_instagram() {
        let tags: Vec<String> = (0..32).map(|i| format!("#tag{i}")).collect();
        let d = format!("Harvest day {}", tags.join(" "));
        assert_eq!(
            flagged_with("hashtag-limit", &d, on(Platform::Instagram)),
            ["#tag30 #tag31"]
        );
        assert!(flagged_with("hashtag-limit", &d, on(Platform::Threads)).is_empty());
        let d = format!("Harvest day {}", tags[..30].join(" "));
        assert!(flagged_with("hashtag-limit", &d, on(Platform::Instagram)).is_empty());
    }
}
