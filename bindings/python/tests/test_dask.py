"""postlint.dask on a real cluster: 2 worker processes, 100,000 drafts."""

from __future__ import annotations

import json
from typing import List

import pytest

import postlint
from conftest import SHARED, import_error_without

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")
import postlint.dask  # noqa: E402

N = 100_000


def shared_texts() -> List[str]:
    texts = []
    for path in sorted((SHARED / "data").glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f if line.strip()]
    assert len(texts) > 10_000, "shared data missing"
    return texts


@pytest.fixture(scope="module")
def drafts() -> "pd.DataFrame":
    base = shared_texts()
    texts = [base[i % len(base)] for i in range(N)]
    # A non-default index, so keeping it is checked too.
    return pd.DataFrame({"text": texts, "n": range(N)}, index=pd.RangeIndex(N) * 3 + 7)


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        yield client


@pytest.mark.filterwarnings("ignore:Sending large graph")
def test_two_worker_processes_give_exactly_to_pandas(client, drafts):
    config = {"brands": ["Maple Street"], "rules": {"shouting": "off"}}
    ddf = dd.from_pandas(drafts, npartitions=16)
    result = postlint.dask.analyze(ddf, column="text", config=config)
    expected = postlint.to_pandas(drafts["text"], config=config)
    # meta: the columns and dtypes of to_pandas, known before computing.
    assert list(result.columns) == list(expected.columns)
    assert dict(result.dtypes) == dict(expected.dtypes)
    assert result.npartitions == 16
    persisted = result.persist()
    distributed.wait(persisted)
    # Both workers hold a share of the result: the work left this process.
    held = client.has_what()
    assert len(held) == 2 and all(len(keys) > 0 for keys in held.values()), held
    got = persisted.compute()
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    # The config travelled with the pickled linter: it changed the results.
    assert not got.equals(postlint.to_pandas(drafts["text"]).astype(got.dtypes))
    assert (got["shouting"] == 0).all()


def test_series_input_and_join_back(client, drafts):
    small = drafts.iloc[:5000]
    ddf = dd.from_pandas(small, npartitions=4)
    result = postlint.dask.analyze(ddf["text"])
    joined = ddf.join(result).compute()
    assert list(joined.columns[:2]) == ["text", "n"]
    pd.testing.assert_frame_equal(joined[result.columns], postlint.to_pandas(small["text"]))


def test_graph_building_computes_nothing():
    import dask

    @dask.delayed
    def boom() -> "pd.DataFrame":
        raise AssertionError("computed while building the graph")

    meta = pd.DataFrame({"text": pd.Series([], dtype=object)})
    ddf = dd.from_delayed([boom()], meta=meta)
    result = postlint.dask.analyze(ddf)  # must not raise
    assert list(result.columns) == list(postlint.to_pandas([]).columns)


def test_errors_are_raised_on_the_client(drafts):
    ddf = dd.from_pandas(drafts.iloc[:10], npartitions=1)
    with pytest.raises(postlint.ConfigError):
        postlint.dask.analyze(ddf, config={"rules": {"nope": "off"}})
    with pytest.raises(KeyError, match="'body' not in the frame"):
        postlint.dask.analyze(ddf, column="body")
    with pytest.raises(TypeError, match="postlint.to_pandas"):
        postlint.dask.analyze(drafts)  # type: ignore[arg-type]


def test_missing_dask_names_the_extra():
    assert "postlint[dask]" in import_error_without(["dask", "dask.dataframe"], "import postlint.dask")
