//! `self-centered`: the brand talks about itself far more than about the reader.

use super::{Finding, RuleInfo};
use crate::analysis::Analysis;
use crate::features::ids::named;
use crate::lexicon::Signal;
use crate::report::{Dimension, Severity, Span};

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "self-centered",
    dimension: Dimension::IdentityReflecting,
    default_severity: Severity::Warning,
    description: "The brand talks about itself (we/our/us, its own name) far more than about the reader (you/your).",
};

pub(crate) fn check(a: &Analysis, out: &mut Vec<Finding>) {
    // It weighs English "we" against English "you": in a draft mostly in
    // another language the reader is addressed in words it cannot read.
    if a.foreign {
        return;
    }
    let s = &a.stats;
    // Self-praise and company talk count double next to a plain "we".
    let brand_talk = a.hits_of(Signal::BrandSelf).count() + a.hits_of(Signal::Brag).count();
    // "We" of a family, or a team thanking and congratulating others, is not
    // a brand talking about itself.
    let personal = a.scores[1] >= 0.6 && s.first_person > 0;
    let crediting_others = a.hits_of(Signal::Gratitude).next().is_some();
    let reflects_readers = a.scores[3] >= 0.5;
    if personal || crediting_others || reflects_readers || brand_talk == 0 {
        return;
    }
    // A brand's own name used again and again counts as "we". Read only
    // here, and only for the few drafts that got this far: the analysis
    // does not count names for every draft.
    let names = crate::features::repeated_names(a.text, &a.tokens, &a.sentences);
    let selfish = s.self_refs + names + 2 * brand_talk;
    // Company talk ("since 2019", "our clients") is the brand's own next to
    // a "we", the brand's name, a name said again and again or its praise
    // of itself; with none, nobody is talking about themselves (a rider
    // complaining of "the first rise since 2019").
    let someone = s.self_refs + names > 0 || a.hits_of(Signal::Brag).next().is_some();
    if !someone || selfish < 4 || selfish < 3 * s.second_person.max(1) {
        return;
    }
    // A job post that quotes the pay (the `pay-rate` feature: "$28/hr",
    // "$90k base") tells an applicant about the place they would join:
    // its "we" and "our" describe the job on offer, not a brand admiring
    // itself.
    if a.features.iter().any(|f| f.named == named!("pay-rate")) {
        return;
    }
    let refs: Vec<Span> = a
        .hits
        .iter()
        .filter(|h| {
            matches!(
                h.signal,
                Signal::FirstPersonPlural | Signal::BrandSelf | Signal::Brag
            )
        })
        .map(|h| h.span)
        .collect();
    let (Some(first), Some(last)) = (refs.first(), refs.last()) else {
        return;
    };
    out.push(Finding::new(
        first.union(last),
        format!(
            "The draft talks about the brand {} times and about the reader {} times.",
            s.self_refs + brand_talk,
            s.second_person
        ),
        Some("Turn it around: say what this means for the reader, their community or what they care about."),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{flagged, flagged_with};
    use crate::Config;

    #[test]
    fn fires_on_brand_monologue() {
        let d = "We are proud of our team. Our company has grown and our clients love us.";
        assert_eq!(flagged("self-centered", d).len(), 1);
        let c = Config {
            brands: vec!["Acme".into()],
            ..Config::default()
        };
        let d = "Acme is proud to unveil Acme Cloud, built by our engineers at Acme Labs.";
        assert_eq!(flagged_with("self-centered", d, c).len(), 1);
    }

    #[test]
    fn quiet_on_a_job_post_with_its_pay() {
        let post = "We are hiring! Our bakery needs an early-shift baker. We bake everything in house, our ovens are new and our team is small. $22/hr plus tips.";
        assert!(flagged("self-centered", post).is_empty());
        // The same talk without pay is still the brand on itself.
        let brochure = "We are proud of our bakery. We bake everything in house, our ovens are new and our team is the best in town.";
        assert_eq!(flagged("self-centered", brochure).len(), 1);
    }

    #[test]
    fn quiet_when_no_one_talks_about_themselves() {
        // Company-history words with no "we", no name and no self-praise.
        let d = "Bus fares up again, the third rise since 2019, and the night \
            route has run late every week since 2021. Fix the timetable first.";
        assert!(flagged("self-centered", d).is_empty());
    }

    #[test]
    fn quiet_on_a_draft_in_another_language() {
        // "Tu" addresses the reader in Spanish; only the English aside
        // would be counted.
        let d = "¡Buscamos diseñador para nuestro equipo en la oficina de Madrid! Ofrecemos horario \
            flexible, buen sueldo y café gratis todos los días. Requisitos: cinco años de experiencia, \
            portafolio con proyectos reales y ganas de aprender. Inglés: our partners and our \
            clients call us from London. Manda tu CV a nuestro correo.";
        assert!(flagged("self-centered", d).is_empty());
    }

    #[test]
    fn quiet_on_near_misses() {
        assert!(flagged(
            "self-centered",
            "We took the kids to the lake and our dog jumped in. I laughed so hard."
        )
        .is_empty());
        assert!(flagged(
            "self-centered",
            "We made this for you: your neighbourhood, your stories, your café."
        )
        .is_empty());
    }
}
