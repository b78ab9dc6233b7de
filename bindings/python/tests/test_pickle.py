"""Linter pickles with its configuration, so it can be shipped to workers
(multiprocessing, Dask, Spark)."""

from __future__ import annotations

import copy
import multiprocessing
import pickle
from typing import List

import pytest

import postlint
from conftest import UNICODE_DRAFTS

CONFIG = {
    "brands": ["Maple Street"],
    "thresholds": {"salesy": 0.6, "personal": 0.4},
    "rules": {"shouting": "off", "hashtag-stuffing": "error"},
    "extra_sales_phrases": ["grab yours"],
    "allow": ["buy now"],
}


@pytest.fixture(scope="module")
def texts(corpus) -> List[str]:
    return corpus[:200] + UNICODE_DRAFTS


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_configured_linter_round_trips(texts, protocol):
    linter = postlint.Linter(CONFIG)
    back = pickle.loads(pickle.dumps(linter, protocol=protocol))
    assert type(back) is postlint.Linter
    assert back.config == linter.config
    assert repr(back) == repr(linter)
    assert back.analyze_many(texts) == linter.analyze_many(texts)
    # The configuration really travelled: it changes the results.
    assert back.analyze_many(texts) != postlint.Linter().analyze_many(texts)


def test_default_linter_round_trips(texts):
    linter = postlint.Linter()
    back = pickle.loads(pickle.dumps(linter))
    assert repr(back) == "Linter(<default config>)"
    assert back.config == linter.config
    assert back.analyze_many(texts) == postlint.analyze_many(texts)


def test_unpickling_is_one_constructor_call_with_the_config():
    cls, args = postlint.Linter(CONFIG).__reduce__()
    assert cls is postlint.Linter and len(args) == 1
    assert args[0] == postlint.Linter(CONFIG).config
    # Plain data only: the pickle does not depend on postlint internals.
    assert pickle.loads(pickle.dumps(args)) == args
    assert postlint.Linter().__reduce__() == (postlint.Linter, ())


def test_copy_and_deepcopy(texts):
    linter = postlint.Linter(CONFIG)
    for dup in (copy.copy(linter), copy.deepcopy(linter)):
        assert dup.config == linter.config
        assert dup.analyze_many(texts[:20]) == linter.analyze_many(texts[:20])


def test_pickled_linter_works_in_a_spawned_process(texts):
    """spawn starts a fresh interpreter: the linter reaches it only by pickle."""
    linter = postlint.Linter(CONFIG)
    expected = [r.to_dict() for r in linter.analyze_many(texts)]
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        got = pool.apply_async(_analyze_in_child, (linter, texts)).get(timeout=120)
    assert got == expected


def _analyze_in_child(linter: postlint.Linter, texts: List[str]) -> List[dict]:
    return [r.to_dict() for r in linter.analyze_many(texts)]
