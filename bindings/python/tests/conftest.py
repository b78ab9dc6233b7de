"""Shared fixtures: where the repository, the shared corpus and the CLI are."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import List

import pytest

# tests/ -> python/ -> bindings/ -> repository root
REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"
DEV_CORPUS = SHARED / "corpus" / "dev.jsonl"

# Drafts whose offsets differ in every unit: emoji with skin tones, ZWJ
# families, flags, CJK, combining marks, and text after each of them.
UNICODE_DRAFTS: List[str] = [
    "👨‍👩‍👧‍👦 HUGE SALE!!! Buy now, 50% off everything, today only!",
    "🇫🇷🇯🇵 Like and share if you agree!!! Follow us for more",
    "新年快乐！We are proud to announce our 10,000 followers milestone. Link in bio https://x.co/a",
    "Cafe\u0301 e\u0301te\u0301 — Buy now 🎉🎉🎉!!! Shop now",
    "BUY NOW 👨‍👩‍👧 AND SAVE 🇫🇷",
    "Big news 🎉 #cafe\u0301 #新年快乐 #ok #go #win #deal #shop #now",
    "👍🏽 https://x.co/a",
    "Ünïcödé 🧑🏾‍💻 drafts: DM us to order today, only 3 left!!! 😍😍",
    "Z\u0351\u0315a\u0308\u0301l\u0300go 텍스트 안녕하세요 — what do you think? Tell me in the comments 👇 Buy now!!!",
]


def import_error_without(hidden: List[str], statement: str) -> str:
    """The ImportError message `statement` raises in a fresh interpreter in
    which the modules `hidden` cannot be imported ("" if none is raised)."""
    code = "import sys\n"
    code += "".join(f"sys.modules[{m!r}] = None\n" for m in hidden)
    code += f"try:\n    {statement}\nexcept ImportError as e:\n    print(e)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout


def dev_texts() -> List[str]:
    if not DEV_CORPUS.is_file():
        pytest.fail(f"shared dev corpus not found at {DEV_CORPUS}")
    with DEV_CORPUS.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


@pytest.fixture(scope="session")
def corpus() -> List[str]:
    return dev_texts()


@pytest.fixture(scope="session")
def postlint_bin() -> Path:
    """The CLI: $POSTLINT_BIN, or a release build made from this checkout."""
    env = os.environ.get("POSTLINT_BIN")
    if env:
        path = Path(env)
        assert path.is_file(), f"POSTLINT_BIN={env} does not exist"
        return path
    subprocess.run(
        ["cargo", "build", "--release", "--quiet", "-p", "postlint-cli"],
        cwd=REPO,
        check=True,
    )
    meta = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    target = Path(json.loads(meta.stdout)["target_directory"])
    path = target / "release" / "postlint"
    assert path.is_file(), f"cargo build did not produce {path}"
    return path
