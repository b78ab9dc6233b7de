//! Judgement-quality floors: the dev-set and external-set figures must not
//! fall below a little under what the project reaches today (see README,
//! "Accuracy"). Deterministic: no timing, no randomness.
//!
//! The labelled data lives in the `shared/` folder beside the repository.

use std::path::PathBuf;

use postlint::eval::{evaluate, Evaluation};
use postlint::{Dimension, Linter};

fn shared(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn eval(rel: &str) -> Evaluation {
    evaluate(&Linter::default(), &shared(rel)).expect("labelled data parses")
}

fn auc(e: &Evaluation, d: Dimension) -> f64 {
    e.dimension(d)
        .and_then(|m| m.auc)
        .expect("both classes present")
}

#[test]
fn dev_set_floors() {
    let e = eval("corpus/dev.jsonl");
    let macro_f1 = e.macro_f1.unwrap();
    assert!(macro_f1 >= 0.87, "dev macro-F1 {macro_f1:.3}");
    for d in Dimension::ALL {
        let m = e.dimension(d).unwrap();
        assert!(m.f1 >= 0.80, "{d} F1 {:.3}", m.f1);
        assert!(auc(&e, d) >= 0.93, "{d} AUC {:.3}", auc(&e, d));
    }
    // Every rule the annotators saw at least five times.
    for (id, r) in e.rules.iter().filter(|(_, r)| r.gold >= 5) {
        assert!(r.precision >= 0.78, "{id} precision {:.3}", r.precision);
        assert!(r.recall >= 0.65, "{id} recall {:.3}", r.recall);
    }
}

#[test]
fn sms_spam_ranks_spam_as_salesy() {
    let e = eval("data/sms_spam.jsonl");
    let a = auc(&e, Dimension::Salesy);
    assert!(a >= 0.96, "sms_spam salesy AUC {a:.3}");
}

#[test]
fn tweet_acts_rank_questions_as_conversational() {
    let e = eval("data/tweet_acts.jsonl");
    let a = auc(&e, Dimension::Conversational);
    assert!(a >= 0.86, "tweet_acts conversational AUC {a:.3}");
}
