//! The pipeline's conductor: tokens -> normalised words and sentences ->
//! lexicon hits -> features -> model -> scores and evidence. Each stage
//! lives in its own module and calls only the stages before it
//! ([`crate::tokenizer`], [`crate::normalize`], [`crate::lexicon`],
//! [`crate::features`], [`crate::model`]); this file only runs them in
//! order and keeps what the rules read.

use crate::features::{self, Context, Doc, Feature, Learned, SpanSet, Stats, WordIds};
use crate::lexicon::{self, Hit, Lexicon, Signal};
use crate::model::Model;
use crate::normalize::{self, sentence_at};
use crate::report::{Evidence, Span};
use crate::tokenizer::Token;

/// Everything known about one draft; the rules read it.
pub(crate) struct Analysis<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub hits: Vec<Hit>,
    /// Hits of the config's custom rules (read by `custom.rs` only).
    pub custom_hits: Vec<Hit>,
    /// Spans the user's allow list covers.
    pub allowed: SpanSet,
    pub stats: Stats,
    pub sentences: Vec<Span>,
    /// The features the scores were computed from.
    pub features: Vec<Feature>,
    /// The draft is a reply (the caller said so).
    pub reply: bool,
    /// The draft is mostly in a language other than English.
    pub foreign: bool,
    /// The draft is ASCII (nearly every one is).
    pub ascii: bool,
    /// The trigger bits of the draft's words (`crate::words::TRIGGER_WORDS`).
    pub triggers: u8,
    pub scores: [f64; 4],
    pub evidence: Vec<Evidence>,
    /// The draft's length on the configured platform (set by the linter).
    pub length: Option<crate::length::Length>,
    /// The lexicon's scratch items, kept only to hand on (see `Drop`).
    items: Vec<crate::normalize::Item>,
}

/// The draft's vectors go to the thread's next draft (`scratch::Spare`).
impl Drop for Analysis<'_> {
    fn drop(&mut self) {
        use std::mem::take;
        crate::scratch::Spare {
            tokens: take(&mut self.tokens),
            sentences: take(&mut self.sentences),
            hits: take(&mut self.hits),
            features: take(&mut self.features),
            items: take(&mut self.items),
        }
        .give_back();
    }
}

impl<'a> Analysis<'a> {
    pub fn run(
        text: &'a str,
        user: Option<&Lexicon>,
        brands: Option<&Lexicon>,
        custom: Option<&Lexicon>,
        ctx: Context,
        model: &Model,
        words: Option<WordIds>,
    ) -> Self {
        let mut spare = crate::scratch::Spare::take();
        let mut tokens = std::mem::take(&mut spare.tokens);
        tokens.clear();
        tokens.reserve(text.len() / 4 + 1);
        // Whether the draft is ASCII, tested once (by the tokenizer) for the
        // tokenizer, the walk and the rules.
        let ascii = crate::tokenizer::tokenize_into_ascii(text, &mut tokens);
        // The walk's word keys, which the lexicon matches by: on the stack
        // for a tweet.
        let (mut keys_on_stack, mut keys_on_heap) = ([0u128; 96], Vec::new());
        let keys = crate::scratch::slots(&mut keys_on_stack, &mut keys_on_heap, tokens.len(), 0);
        let mut learned = crate::words::Learned::new(0);
        let (foreign, triggers) =
            crate::words::walk(text, ascii, &tokens, model, keys, &mut learned);
        let mut sentences = std::mem::take(&mut spare.sentences);
        sentences.clear();
        normalize::sentences_into(text, &tokens, &mut sentences);
        let mut matches =
            lexicon::match_draft(text, &tokens, keys, user, brands, custom, &mut spare);
        let doc = Doc {
            text,
            tokens: &tokens,
            sentences: &sentences,
            keys,
            triggers,
        };
        let settled = features::settle(doc, &mut matches);
        let (feats, mut stats) = features::extract(
            doc,
            &settled,
            &matches.brands,
            ctx,
            foreign,
            words.map_or(Learned::Found(learned.as_slice()), Learned::Lookup),
            std::mem::take(&mut spare.features),
        );
        let (scores, evidence) = model.score(&feats);
        features::count_hits(&settled.hits, &mut stats);
        stats.self_refs += matches.brands.len();
        Analysis {
            text,
            tokens,
            hits: settled.hits,
            custom_hits: std::mem::take(&mut matches.custom),
            allowed: settled.allowed,
            stats,
            sentences,
            features: feats,
            reply: ctx.reply,
            foreign,
            ascii,
            triggers,
            scores,
            evidence,
            length: None,
            items: spare.items,
        }
    }

    /// The text of a hit or token span.
    pub fn slice(&self, span: Span) -> &'a str {
        span.text(self.text)
    }

    /// Hits of one signal that count (not negated).
    pub fn hits_of(&self, signal: Signal) -> impl Iterator<Item = &Hit> {
        self.hits
            .iter()
            .filter(move |h| h.signal == signal && !h.negated)
    }

    /// Whether a hit of any of `signals` counts (not negated): `hits_of` for
    /// several signals at once, one copy of the loop for every caller.
    #[inline(never)]
    pub fn has_hit_of(&self, signals: &[Signal]) -> bool {
        self.hits
            .iter()
            .any(|h| !h.negated && signals.contains(&h.signal))
    }

    /// True when a span overlaps a phrase of the user's allow list.
    pub fn is_allowed(&self, span: &Span) -> bool {
        self.allowed.overlaps(span)
    }

    /// The sentence containing byte `at`.
    pub fn sentence_at(&self, at: usize) -> Span {
        sentence_at(&self.sentences, at)
    }

    /// The tokens that start inside `s` (a sentence, a run of tokens).
    pub fn tokens_in(&self, s: Span) -> &[Token] {
        &self.tokens[normalize::tokens_in(&self.tokens, s)]
    }

    /// The draft's span without leading and trailing whitespace.
    pub fn trimmed(&self) -> Span {
        match (self.tokens.first(), self.tokens.last()) {
            (Some(f), Some(l)) => Span::new(f.span.start, l.span.end),
            _ => Span::new(0, 0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{round6, sigmoid};
    use crate::report::Dimension;

    /// The built-in analysis, without user lexicons.
    fn run(text: &str, ctx: Context) -> Analysis<'_> {
        Analysis::run(text, None, None, None, ctx, Model::builtin(), None)
    }

    fn scores(text: &str) -> [f64; 4] {
        run(text, Context::default()).scores
    }

    #[test]
    fn empty_draft_scores_low() {
        // Only the learned biases: no dimension is more likely than not.
        let s = scores("");
        assert!(s.iter().all(|&x| x < 0.5), "{s:?}");
    }

    #[test]
    fn a_reply_reads_as_conversation() {
        let text = "Totally agree, the second half of that talk was the best part.";
        let plain = run(text, Context::default());
        let reply = run(text, Context::reply());
        assert!(reply.scores[2] >= 0.5, "{:?}", reply.scores);
        assert!(reply.scores[2] > plain.scores[2]);
        assert!(reply
            .evidence
            .iter()
            .any(|e| e.signal == "reply-context" && e.span == Span::new(0, text.len())));
    }

    #[test]
    fn drafts_in_another_language_keep_only_what_is_not_english() {
        let text = "Hoy fue un gran día con mi familia en la playa, I love it 😂 #verano";
        let a = run(text, Context::default());
        assert!(a.foreign);
        // No single English word and no learned word counts; the emoji and
        // the hashtag still do.
        assert!(a
            .features
            .iter()
            .all(|f| f.name() != "first-person" && f.name() != "word"));
        assert!(a.features.iter().any(|f| f.name() == "feeling-emoji"));
        assert!(a.features.iter().any(|f| f.name() == "hashtag"));
    }

    #[test]
    fn evidence_explains_scores_exactly() {
        let a = run(
            "I love my dog! Buy now, 20% off. What do you think?",
            Context::default(),
        );
        for d in Dimension::ALL {
            let sum: f64 = a
                .evidence
                .iter()
                .filter(|e| e.dimension == d)
                .map(|e| e.weight)
                .sum();
            let expect = round6(sigmoid(Model::builtin().bias[d.index()] + sum));
            assert!((a.scores[d.index()] - expect).abs() < 1e-9);
        }
    }

    #[test]
    fn pitch_questions_are_not_conversation() {
        let pitch = scores(
            "Sick of dropped calls? Switch to FastNet today. Free installation, 20% off your first bill. Order now!",
        );
        assert!(pitch[0] > 0.8 && pitch[2] < 0.5, "{pitch:?}");
        let real = scores(
            "Can anyone recommend an electrician nearby? Half our outlets just stopped working.",
        );
        assert!(real[2] > 0.5, "{real:?}");
    }

    #[test]
    fn negated_pitch_does_not_count() {
        let s =
            scores("Not sponsored, no discount codes here, I just really love this little pan.");
        assert!(s[0] < 0.5, "{s:?}");
    }
}
