"""The binding and the Rust CLI give identical results on the same drafts."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any, Dict, List

import postlint
from conftest import DEV_CORPUS, UNICODE_DRAFTS


def run_cli(bin: Path, jsonl: Path, offsets: str, cwd: Path) -> List[Dict[str, Any]]:
    # cwd is an empty temp dir so that no stray ./postlint.toml is picked up.
    out = subprocess.run(
        [str(bin), "batch", "--offsets", offsets, str(jsonl)],
        cwd=cwd,
        check=True,
        capture_output=True,
    )
    return [json.loads(line) for line in out.stdout.decode("utf-8").splitlines() if line.strip()]


def expected(report: postlint.Report) -> Dict[str, Any]:
    return {
        "scores": dict(report.scores),
        "labels": dict(report.labels),
        "diagnostics": [d.to_dict() for d in report.diagnostics],
    }


def test_dev_corpus_matches_cli_exactly(postlint_bin, tmp_path, corpus):
    lines = run_cli(postlint_bin, DEV_CORPUS, "chars", tmp_path)
    with DEV_CORPUS.open(encoding="utf-8") as f:
        ids = [json.loads(line)["id"] for line in f if line.strip()]
    assert len(lines) == len(corpus) == len(ids)
    for line, text, id_ in zip(lines, corpus, ids):
        assert line["id"] == id_
        report = postlint.analyze(text)
        # Exact float equality: both sides print/parse the same f64.
        assert line["scores"] == dict(report.scores), id_
        assert line["labels"] == dict(report.labels), id_
        assert line["language"] == report.language, id_
        assert line["diagnostics"] == [d.to_dict() for d in report.diagnostics], id_
        for d in report.diagnostics:
            assert report.text[d.start : d.end] == text[d.start : d.end]


def test_analyze_many_matches_cli(postlint_bin, tmp_path, corpus):
    lines = run_cli(postlint_bin, DEV_CORPUS, "chars", tmp_path)
    reports = postlint.analyze_many(corpus)
    assert [
        {k: line[k] for k in ("scores", "labels", "diagnostics")} for line in lines
    ] == [expected(r) for r in reports]


def test_code_point_slices_equal_cli_byte_slices(postlint_bin, tmp_path, corpus):
    """The CLI's byte spans and the binding's code-point spans cover the same text."""
    texts = corpus + UNICODE_DRAFTS
    jsonl = tmp_path / "drafts.jsonl"
    jsonl.write_text(
        "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )
    by_bytes = run_cli(postlint_bin, jsonl, "bytes", tmp_path)
    by_chars = run_cli(postlint_bin, jsonl, "chars", tmp_path)
    assert len(by_bytes) == len(by_chars) == len(texts)
    checked = 0
    for text, b_line, c_line, report in zip(texts, by_bytes, by_chars, postlint.analyze_many(texts)):
        raw = text.encode("utf-8")
        assert c_line["diagnostics"] == [d.to_dict() for d in report.diagnostics]
        for bd, d in zip(b_line["diagnostics"], report.diagnostics):
            assert raw[bd["start"] : bd["end"]].decode("utf-8") == text[d.start : d.end]
            checked += 1
    assert checked > 100
