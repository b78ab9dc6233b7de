//! Hard cases written for postlint (none comes from the labelled sets): each
//! pins down a judgement a reader would agree with, so tuning cannot quietly
//! break it.

use postlint::{analyze, Report};

fn read(text: &str) -> Report {
    analyze(text)
}

fn fired(r: &Report, rule: &str) -> bool {
    r.diagnostics.iter().any(|d| d.rule == rule)
}

#[test]
fn personal_posts_that_mention_buying_are_not_pitches() {
    for text in [
        "We finally did it: bought our first house today. I cried in the car park. The kids have already claimed rooms.",
        "I am buying a new bike this weekend and honestly my knees are nervous already",
        "Spent way too much at the farmers market again. Worth it for the peaches.",
    ] {
        let r = read(text);
        assert!(!r.labels.salesy, "salesy: {text}");
        assert!(r.labels.personal, "not personal: {text}");
        assert!(!fired(&r, "hard-sell"), "hard-sell: {text}");
    }
}

#[test]
fn questions_that_are_pitches_are_salesy_not_conversational() {
    for text in [
        "Tired of cold coffee? Our new thermal mug keeps it hot for 12 hours. Order now, free shipping today only!",
        "Still paying too much for phone service? Switch to ClearLine today and save 40%.",
        "Looking for the perfect gift? Shop our holiday collection, 20% off with code JOY20.",
    ] {
        let r = read(text);
        assert!(r.labels.salesy, "not salesy: {text}");
        assert!(!r.labels.conversational, "conversational: {text}");
    }
}

#[test]
fn genuine_questions_are_conversational() {
    for text in [
        "What's the one book you'd hand to a new manager? Mine is still the dog-eared one from my first job.",
        "Anyone else find that the first warm day of spring makes them want to repaint everything?",
        "@marta how did the marathon go?? I saw the photos, you looked strong at mile 20",
        // "want to" opens pitches ("Want to save 20%?"), not this question.
        "Hiring managers: what's one thing candidates do that makes you want to hire them on the spot?",
    ] {
        let r = read(text);
        assert!(r.labels.conversational, "not conversational: {text}");
        assert!(!r.labels.salesy, "salesy: {text}");
    }
}

#[test]
fn brands_speaking_warmly_about_their_community_reflect_it() {
    for text in [
        "To every parent who walked their kid to the first day of school this morning: we see you. Coffee's on us at the counter today.",
        "Our neighborhood showed up. 300 of you came out to plant trees on Saturday, and the park has never looked better. This town!",
    ] {
        let r = read(text);
        assert!(r.labels.identity_reflecting, "not identity-reflecting: {text}");
        assert!(!fired(&r, "self-centered"), "self-centered: {text}");
    }
}

#[test]
fn brand_monologues_are_self_centered_and_not_reflecting() {
    let text = "Northwind Analytics is proud to announce our award-winning platform now serves 500 enterprise clients. \
                Our team, our technology and our commitment to excellence make us the industry-leading choice.";
    let r = read(text);
    assert!(r.labels.salesy);
    assert!(!r.labels.identity_reflecting);
    assert!(fired(&r, "self-centered"));
    assert!(fired(&r, "brag"));
}

#[test]
fn not_sponsored_is_not_a_pitch() {
    for text in [
        "Not sponsored, nobody sent me anything, I just really love this little cast iron pan.",
        "No promo codes here, no affiliate links. Just my honest take after a year with these boots.",
    ] {
        let r = read(text);
        assert!(!r.labels.salesy, "salesy: {text}");
        assert!(!fired(&r, "discount"), "discount: {text}");
    }
}

#[test]
fn sarcasm_and_complaints_read_as_personal() {
    for text in [
        "love how my train is 'delayed' for the third morning in a row. truly living the dream",
        "great, the printer jammed again. ten years of engineering degrees in this office and not one of us can fix it",
    ] {
        let r = read(text);
        assert!(r.labels.personal, "not personal: {text}");
        assert!(!r.labels.salesy, "salesy: {text}");
    }
}

#[test]
fn quoted_pitches_are_not_the_author_selling() {
    let text = "My grandfather's only business advice was \"buy now, pay later is a trap\" and I think about it weekly.";
    let r = read(text);
    assert!(!fired(&r, "hard-sell"));
    assert!(!r.labels.salesy);
}

#[test]
fn family_we_is_not_brand_we() {
    let text = "We took the kids camping and our tent collapsed at 2am. We laughed until we cried. Best trip we've had.";
    let r = read(text);
    assert!(r.labels.personal);
    assert!(!fired(&r, "self-centered"));
}

#[test]
fn non_english_lines_pass_through_without_false_alarms() {
    for text in [
        "Hoy fue un gran día con mi familia en la playa.",
        "今日は友達とラーメンを食べました。",
        "Шёл дождь весь день, но мы всё равно гуляли.",
        "مرحبا بكم جميعا",
    ] {
        let r = read(text);
        assert!(!r.labels.salesy, "salesy: {text}");
        assert!(
            r.diagnostics
                .iter()
                .all(|d| d.rule != "hard-sell" && d.rule != "shouting"),
            "{text}"
        );
    }
    // English sales phrases inside another language still count.
    let r = read("¡Gran venta! 50% off todo el fin de semana. Buy now!");
    assert!(r.labels.salesy);
}

#[test]
fn pure_pitch_is_flagged_everywhere() {
    let r = read("MEGA DEALS THIS WEEK ONLY!!! 40% OFF EVERYTHING. Hurry, only 3 left. Buy now: shop.example.com");
    assert!(r.labels.salesy && r.scores.salesy > 0.95);
    for rule in ["hard-sell", "urgency", "discount", "shouting"] {
        assert!(fired(&r, rule), "{rule}");
    }
    assert!(r.has_errors());
}

#[test]
fn asking_for_follows_of_another_account_is_bait() {
    let r = read("Tag a friend who needs to see this 😂 Follow @dailymemes for more!");
    assert!(fired(&r, "engagement-bait"));
    assert!(r.labels.salesy);
}
