"""Tests of scripts/lexicon-audit.py: its Rust reader and its matching.

    python3 -m unittest discover -s scripts -p 'test_*.py'
"""
import importlib.util
import unittest
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "lexicon_audit", Path(__file__).resolve().parent / "lexicon-audit.py"
)
audit = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(audit)


def phrases(**files):
    return [p for _, _, p, _ in audit.rule_phrases({f"{k}.rs": v for k, v in files.items()})]


class Lexer(unittest.TestCase):
    def test_strings_escapes_comments(self):
        src = r'''// "not a string"
        /* "nor /* nested */ this" */
        let a = "it\u{2019}s \"x\"\n"; let b = r#"raw "q""#; let c = b"bytes";
        let d = '\''; let e: &'static str = "ok";'''
        strs = [v for k, v, _ in audit.lex(src) if k == "str"]
        self.assertEqual(strs, ["it\u2019s \"x\"\n", 'raw "q"', "bytes", "ok"])

    def test_lines(self):
        toks = audit.lex('a\n/* x\n y */ "s\nt"\nb')
        self.assertEqual([(v, line) for _, v, line in toks], [("a", 1), ("s\nt", 3), ("b", 5)])

    def test_unterminated(self):
        with self.assertRaises(audit.RustError):
            audit.lex('let a = "open')


class RuleLists(unittest.TestCase):
    def test_phrase_shapes_expand_across_files(self):
        found = phrases(
            phrases='pub(super) const NUM: Slot = &["#"];',
            rule='''
            const CLOSES: Slot = &["until", "before"];
            const P: Phrases = Phrases::new(&[
                &[CLOSES, &["they're"], &["gone"]],
                &[NUM, &["spots"], &["left"]],
            ]);''',
        )
        for p in ["until they're gone", "before they're gone", "# spots left"]:
            self.assertIn(p, found)

    def test_word_lists_but_not_messages_or_tests(self):
        found = phrases(
            rule='''
            pub(crate) const INFO: RuleInfo = RuleInfo { id: "r", description: "Says \\"hi\\"." };
            const STOCK: &[&str] = &["thanks for sharing", "great post"];
            const KEYS: [u128; 2] = pack_all(["retweet", "repost"]);
            fn f(w: &str) -> bool { lower_is_one_of(w, &["someone", "anyone"]) }
            fn g() { Finding::new(span, "a message", Some("a suggestion")); }
            #[cfg(test)]
            mod tests { const T: &[&str] = &["a test draft"]; fn t() { assert!(["x"].len() == 1); } }
            const AFTER: &[&str] = &["after the tests"];'''
        )
        self.assertEqual(
            found,
            ["thanks for sharing", "great post", "retweet", "repost", "someone", "anyone",
             "after the tests"],
        )

    def test_unreadable_list_fails_loudly(self):
        with self.assertRaises(audit.RustError):
            phrases(rule='const P: Phrases = Phrases::new(&[&[make_slot()]]);')
        with self.assertRaises(audit.RustError):
            phrases(rule="const WORDS: &[&str] = &concat_lists!(A, B);")

    def test_reads_the_real_rules(self):
        found = audit.rule_phrases({p.name: p.read_text(encoding="utf-8") for p in audit.RULES})
        files = {f for f, _, _, _ in found}
        # (`robotic` reads its stock lines from features/stock.rs; the
        # feature stage's own word lists are audited too.)
        for f in ["stock.rs", "features.rs", "signals.rs", "urgency.rs", "brag.rs", "engagement_bait.rs", "vanity_metrics.rs"]:
            self.assertIn(f, files)
        # Descriptions and messages are not lists.
        self.assertFalse(any("sales tactic" in p for _, _, p, _ in found))


class Matching(unittest.TestCase):
    def test_slots(self):
        match = audit.matcher("# * left", slots=True)
        self.assertTrue(match(audit.norm("Only 3 chairs left!")))
        self.assertFalse(match(audit.norm("three chairs left")))
        self.assertFalse(match(audit.norm("3 left")))
        self.assertIsNone(audit.matcher("+", slots=False))

    def test_plain_phrases_are_whole_words_and_generous(self):
        match = audit.matcher("before they're gone")
        self.assertTrue(match(audit.norm("Get one BEFORE they\u2019re gone!!")))
        self.assertFalse(match(audit.norm("before they're gonee")))

    def test_one_writer_is_flagged_two_or_public_are_not(self):
        drafts = {"a": [audit.norm("limited seats tonight")], "b": [audit.norm("hello")]}
        entries = [("r.rs", 1, "limited seats", False), ("r.rs", 2, "hello", False),
                   ("r.rs", 3, "unseen words", False)]
        checked, bad = audit.audit(entries, drafts, audit.norm("nothing public"))
        self.assertEqual(checked, 3)
        self.assertEqual([(p, w) for _, _, p, w in bad], [("limited seats", "a"), ("hello", "b")])
        drafts["c"] = [audit.norm("Hello there")]
        _, bad = audit.audit(entries, drafts, audit.norm("limited seats in public"))
        self.assertEqual(bad, [])


if __name__ == "__main__":
    unittest.main()
