"""Wrong types, bad configs, huge, empty and ill-formed texts."""

from __future__ import annotations

import time

import pytest

import postlint
import postlint._postlint as ext


@pytest.mark.parametrize(
    "value, type_name",
    [(3, "int"), (b"Buy now", "bytes"), (None, "NoneType"), (["a"], "list"), (2.5, "float")],
)
def test_non_str_text_is_a_type_error_naming_the_type(value, type_name):
    with pytest.raises(TypeError, match=rf"text must be str, not {type_name}"):
        postlint.analyze(value)
    with pytest.raises(TypeError, match=type_name):
        postlint.Linter().analyze(value)


def test_non_str_item_names_its_position_and_type():
    with pytest.raises(TypeError, match=r"texts\[2\] must be str, not int"):
        postlint.analyze_many(["a", "b", 7])
    with pytest.raises(TypeError, match=r"texts\[0\] must be str, not bytes"):
        postlint.analyze_many(x for x in [b"a"])


def test_texts_must_be_an_iterable_but_not_a_str():
    with pytest.raises(TypeError, match="not int"):
        postlint.analyze_many(5)
    with pytest.raises(TypeError, match="analyze"):
        postlint.analyze_many("one draft")


def test_errors_from_the_iterable_propagate():
    def gen():
        yield "fine"
        raise KeyError("from the generator")

    with pytest.raises(KeyError, match="from the generator"):
        postlint.analyze_many(gen())


def test_threads_must_be_positive_int():
    with pytest.raises(ValueError, match="threads"):
        postlint.analyze_many(["a"], threads=0)
    with pytest.raises(ValueError, match="threads"):
        postlint.analyze_many(["a"], threads=-2)
    with pytest.raises(TypeError, match="threads"):
        postlint.analyze_many(["a"], threads="2")
    with pytest.raises(TypeError, match="threads"):
        postlint.analyze_many(["a"], threads=True)


def test_config_error_is_a_value_error():
    assert issubclass(postlint.ConfigError, ValueError)
    assert postlint.ConfigError.key is None


@pytest.mark.parametrize(
    "config, key",
    [
        ({"thresholds": {"salesy": 2.0}}, "thresholds.salesy"),
        ({"thresholds": {"salesy": "high"}}, "thresholds.salesy"),
        ({"thresholds": {"salesy": float("nan")}}, "thresholds.salesy"),
        ({"rules": {"no-such-rule": "off"}}, "rules.no-such-rule"),
        ({"rules": {"hard-sell": "loud"}}, "rules.hard-sell"),
        ({"brands": "Acme"}, "brands"),
        ({"brands": ["Acme", "  "]}, "brands[1]"),
        ({"brands": [1]}, "brands[0]"),
        ({"allow": {"a", "b"}}, "allow"),
        ({"extra_sales_phrases": [None]}, "extra_sales_phrases[0]"),
    ],
)
def test_bad_config_names_the_key(config, key):
    for make in (
        lambda: postlint.Linter(config),
        lambda: postlint.analyze("x", config=config),
        lambda: postlint.analyze_many(["x"], config=config),
    ):
        with pytest.raises(postlint.ConfigError) as info:
            make()
        assert info.value.key == key
        assert key in str(info.value)


@pytest.mark.parametrize("config, name", [({"colour": True}, "colour"), ({"thresholds": {"spicy": 0.2}}, "spicy")])
def test_unknown_key_is_named_in_the_message(config, name):
    with pytest.raises(postlint.ConfigError) as info:
        postlint.Linter(config)
    assert name in str(info.value)
    assert info.value.key is not None and name in info.value.key


@pytest.mark.parametrize("config, key", [({"colour": True}, "colour"), ({"thresholds": {"spicy": 0.2}}, "thresholds.spicy")])
def test_unknown_key_exact_path(config, key):
    with pytest.raises(postlint.ConfigError) as info:
        postlint.Linter(config)
    assert info.value.key == key


JSON_ONLY = "is not a JSON value (use strings, numbers, booleans, lists and objects)"


@pytest.mark.parametrize(
    "config, key, message",
    [
        # The core converts the dict, so the messages are the JavaScript
        # binding's and the CLI's, word for word.
        ({"allow": {"a", "b"}}, "allow", f"a set {JSON_ONLY}"),
        ({"brands": ["Acme", b"Acme"]}, "brands[1]", f"a bytes {JSON_ONLY}"),
        ({"thresholds": {1: 0.5}}, "thresholds.1", f"a key of type int {JSON_ONLY}"),
        # NaN is null, as JSON.parse and JavaScript's NaN read.
        ({"thresholds": {"salesy": float("nan")}}, "thresholds.salesy", "invalid type: null, expected f64"),
        # A float is not a length, as in TOML, even a whole one.
        ({"max_length": 3.0}, "max_length", "invalid type: floating point `3.0`, expected usize"),
        ({"max_length": 2**70}, "max_length", "invalid type: floating point, expected usize"),
        ({"max_length": -1}, "max_length", "invalid value: integer `-1`, expected usize"),
    ],
)
def test_config_errors_are_the_cores(config, key, message):
    with pytest.raises(postlint.ConfigError) as info:
        postlint.Linter(config)
    assert info.value.key == key
    assert message in str(info.value)


def test_config_numbers_keep_their_kind():
    linter = postlint.Linter({"platform": "x", "max_length": 2**40, "thresholds": {"salesy": 1}})
    assert linter.config["max_length"] == 2**40
    assert linter.config["thresholds"]["salesy"] == 1.0
    assert postlint.Linter({"brands": ("Acme", "Acme Coffee")}).config["brands"] == ["Acme", "Acme Coffee"]


def test_python_errors_inside_a_config_are_raised_as_they_are():
    import collections.abc

    class Broken(collections.abc.Mapping):
        def __getitem__(self, key):
            raise KeyError(key)

        def __iter__(self):
            return iter(["brands"])

        def __len__(self):
            return 1

        def items(self):
            raise RuntimeError("cannot list the members")

    with pytest.raises(RuntimeError, match="cannot list the members"):
        postlint.Linter({"thresholds": Broken()})


def test_non_str_config_key():
    with pytest.raises(postlint.ConfigError) as info:
        postlint.Linter({"thresholds": {1: 0.5}})
    assert info.value.key == "thresholds.1"


def test_self_containing_or_deep_config_is_an_error_not_a_crash():
    # Used to recurse without end in Rust and kill the interpreter (SIGSEGV).
    loop = []
    loop.append(loop)
    with pytest.raises(postlint.ConfigError, match="nested more than"):
        postlint.Linter({"brands": loop})
    d = {}
    d["x"] = d
    with pytest.raises(postlint.ConfigError) as info:
        postlint.Linter(d)
    assert info.value.key is not None and info.value.key.startswith("x.x.x")
    deep = "Acme"
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(postlint.ConfigError, match="nested more than"):
        postlint.analyze("x", config={"brands": deep})
    # Ordinary nesting is unaffected.
    assert postlint.Linter({"thresholds": {"salesy": 0.7}, "brands": ["Acme"]})


def test_config_must_be_a_mapping():
    with pytest.raises(TypeError, match="config must be a dict or None, not list"):
        postlint.Linter([("brands", ["Acme"])])
    with pytest.raises(TypeError, match="config"):
        postlint.analyze("x", config="brands = ['Acme']")


def test_good_configs():
    assert postlint.Linter(None).config == postlint.Linter({}).config
    linter = postlint.Linter({"extraSalesPhrases": ["grab a bag"], "thresholds": {"identityReflecting": 0.4}})
    assert linter.config["extra_sales_phrases"] == ["grab a bag"]
    assert linter.config["thresholds"]["identity_reflecting"] == 0.4
    assert any(d.rule == "hard-sell" for d in linter.analyze("Come grab a bag today").diagnostics)


def test_empty_text():
    r = postlint.analyze("")
    assert r.text == ""
    assert r.diagnostics == []
    assert all(0.0 <= v <= 1.0 for v in r.scores.values())
    assert postlint.analyze_many([""]) == [r]


def test_ten_megabyte_text():
    unit = "Walked the dog by the river this morning, the fog was unreal. 🌫️ "
    text = unit * (10_000_000 // len(unit.encode("utf-8")))
    text += "HUGE SALE!!! Buy now"
    assert len(text.encode("utf-8")) >= 10_000_000
    started = time.perf_counter()
    r = postlint.analyze(text)
    elapsed = time.perf_counter() - started
    assert r.text is text
    hard_sell = [d for d in r.diagnostics if d.rule == "hard-sell"]
    assert hard_sell and text[hard_sell[-1].start : hard_sell[-1].end] == "Buy now"
    assert all(0 <= d.start < d.end <= len(text) for d in r.diagnostics)
    assert elapsed < 60, f"10 MB took {elapsed:.1f}s"


def test_lone_surrogates_are_one_replacement_each():
    text = "\ud800 Buy now \udfff, 50% off \ud83d\ude00 today only"
    r = postlint.analyze(text)
    assert r.text is text  # the original string, surrogates included
    got = [(d.rule, text[d.start : d.end]) for d in r.diagnostics]
    assert ("hard-sell", "Buy now") in got
    # Exactly as if each surrogate were U+FFFD.
    replaced = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    same = postlint.analyze(replaced)
    assert r.scores == same.scores and r.labels == same.labels
    assert r.diagnostics == same.diagnostics and r.evidence == same.evidence
    assert postlint.analyze_many([text, replaced])[0] == r
    assert "\ufffd" in r._repr_html_()
    r.to_dict()
    repr(r)


def test_rust_panic_becomes_a_clean_exception():
    assert issubclass(postlint.InternalError, RuntimeError)
    with pytest.raises(postlint.InternalError, match="deliberate panic"):
        ext._panic_for_tests()
    # The interpreter and the module still work afterwards.
    assert postlint.analyze("Buy now").diagnostics
