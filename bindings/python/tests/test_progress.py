"""progress=True: a tqdm bar over analyze_many and to_pandas."""

from __future__ import annotations

import sys
from typing import Any, List

import pytest

import postlint
from conftest import UNICODE_DRAFTS

tqdm_auto = pytest.importorskip("tqdm.auto")


class Recorder:
    """Stands in for tqdm.auto.tqdm and records what postlint tells it."""

    made: List["Recorder"] = []

    def __init__(self, **kwargs: Any) -> None:
        self.kwargs = kwargs
        self.updates: List[int] = []
        self.closed = False
        Recorder.made.append(self)

    def update(self, n: int) -> None:
        self.updates.append(n)

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def recorder(monkeypatch):
    Recorder.made = []
    monkeypatch.setattr(tqdm_auto, "tqdm", Recorder)
    return Recorder


@pytest.fixture(scope="module")
def texts(corpus) -> List[str]:
    base = corpus + UNICODE_DRAFTS
    return [base[i % len(base)] for i in range(20_000)]


@pytest.mark.parametrize("threads", [1, 2, None])
def test_same_results_and_the_bar_counts_every_draft(texts, recorder, threads):
    expected = postlint.analyze_many(texts, threads=threads)
    assert recorder.made == []  # no bar unless asked
    assert postlint.analyze_many(texts, threads=threads, progress=True) == expected
    (bar,) = recorder.made
    assert bar.kwargs["total"] == len(texts) and bar.kwargs["unit"] == "draft"
    assert sum(bar.updates) == len(texts) and len(bar.updates) > 10
    assert bar.closed


def test_linter_method_and_to_pandas(texts, recorder):
    linter = postlint.Linter({"rules": {"shouting": "off"}})
    assert linter.analyze_many(texts[:3000], progress=True) == linter.analyze_many(texts[:3000])
    pytest.importorskip("pandas")
    df = postlint.to_pandas(texts[:3000], progress=True)
    assert df.equals(postlint.to_pandas(texts[:3000]))
    assert [sum(b.updates) for b in recorder.made] == [3000, 3000]
    assert all(b.closed for b in recorder.made)


def test_real_bar_on_stderr(capsys):
    postlint.analyze_many(UNICODE_DRAFTS * 500, progress=True)
    err = capsys.readouterr().err
    assert "postlint" in err and "100%" in err and "draft" in err


def test_empty_input_and_progress_false(recorder):
    assert postlint.analyze_many([], progress=True) == []
    assert recorder.made[0].updates == [] and recorder.made[0].closed
    postlint.analyze_many(["a"], progress=False)
    postlint.analyze_many(["a"], progress=None)
    assert len(recorder.made) == 1


def test_progress_must_be_a_bool():
    with pytest.raises(TypeError, match="progress must be a bool, not str"):
        postlint.analyze_many(["a"], progress="yes")


def test_missing_tqdm_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with pytest.raises(ImportError, match=r"postlint\[progress\]"):
        postlint.analyze_many(["Buy now"], progress=True)
    # Without progress, tqdm is not needed.
    assert len(postlint.analyze_many(["Buy now"])) == 1
