#!/usr/bin/env python3
"""Fails when a lexicon or rule phrase appears in exactly one writer's drafts.

The project's rule: no phrase seen in only one writer's drafts goes into a
lexicon or a rule, so no single writer's wording is memorised (and the
held-out numbers for that writer are not inflated by it). A phrase also
found in one of the public data sets is not that writer's own wording and
passes; so does a phrase seen in no draft at all.

What is audited:
- every entry of the lexicon files (crates/postlint/src/lexicon/*.txt);
- every word or phrase list a rule or the feature stage owns
  (crates/postlint/src/rules/*.rs, features.rs, features/signals.rs and
  features/stock.rs, outside test modules): the `Phrases::new` shapes, expanded slot by slot
  (a number slot matches any number, a free slot any word), and every array
  of string literals (`const STOCK: &[&str]`, `pack_all([...])`, an inline
  `lower_is_one_of(w, &[...])`). The rule sources are read with a small
  Rust lexer (comments, escapes, raw strings, nesting), and the script
  fails when a `Phrases::new` or a string-list constant cannot be read, so
  a change of shape in a rule file cannot silently shrink the audit.

Matching is deliberately generous (case, curly quotes, punctuation,
elongation and numbers ignored, whole words), so it flags at least what the
linter's own normalisation would match.

    python3 scripts/lexicon-audit.py [SHARED_DIR]   (default: ../shared)

Its own tests: python3 -m unittest discover -s scripts -p 'test_*.py'

"""
import glob
import itertools
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LEXICONS = sorted((REPO / "crates/postlint/src/lexicon").glob("*.txt"))
# The rules' files, and the word lists of the feature stage (the stock lines
# the `robotic` rule reads through the `stock-line` feature, the words that
# make offers, takers and past-tense disclosures): they weigh words as a
# lexicon does.
RULES = sorted((REPO / "crates/postlint/src/rules").glob("*.rs")) + [
    REPO / "crates/postlint/src/features.rs",
    REPO / "crates/postlint/src/features/signals.rs",
    REPO / "crates/postlint/src/features/stock.rs",
]

# The placeholders of `rules/phrases.rs`: a slot of "#" is any number, a
# slot of "*" any one word.
NUMBER_SLOT, WORD_SLOT = "#", "*"


def norm(s: str) -> str:
    s = s.lower().translate({0x2019: "'", 0x2018: "'", 0x201C: '"', 0x201D: '"'})
    s = re.sub(r"\d+([.,]\d+)*", "0", s)
    s = re.sub(r"[^\w'\s]", " ", s)
    s = re.sub(r"(\w)\1{2,}", r"\1\1", s)
    return " " + " ".join(s.split()) + " "


# --- a small Rust lexer -----------------------------------------------------


class RustError(Exception):
    pass


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'"}


def _unescape(body: str, where: str) -> str:
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        e = body[i + 1 : i + 2]
        if e in _ESCAPES:
            out.append(_ESCAPES[e])
            i += 2
        elif e == "x":
            out.append(chr(int(body[i + 2 : i + 4], 16)))
            i += 4
        elif e == "u":
            close = body.index("}", i)
            out.append(chr(int(body[i + 3 : close], 16)))
            i = close + 1
        elif e == "\n":  # a line continuation skips the newline and indentation
            i += 2
            while i < len(body) and body[i] in " \t\r\n":
                i += 1
        else:
            raise RustError(f"{where}: unknown escape \\{e}")
    return "".join(out)


def lex(src: str, name: str = "<rust>"):
    """Tokens of a Rust source as (kind, value, line): kind is "str" (value
    unescaped), "ident", "punct" (one character, or "::") or "lit" (numbers
    and char literals). Comments and whitespace are dropped."""
    toks, i, line, n = [], 0, 1, len(src)
    while i < n:
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif src.startswith("//", i):
            i = src.find("\n", i)
            i = n if i < 0 else i
        elif src.startswith("/*", i):
            depth, i = 1, i + 2
            while depth:
                if i >= n:
                    raise RustError(f"{name}:{line}: unterminated block comment")
                if src.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif src.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    line += src[i] == "\n"
                    i += 1
        elif (m := re.compile(r'b?r(#*)"').match(src, i)) :
            end = src.find('"' + m.group(1), m.end())
            if end < 0:
                raise RustError(f"{name}:{line}: unterminated raw string")
            toks.append(("str", src[m.end() : end], line))
            line += src.count("\n", i, end)
            i = end + 1 + len(m.group(1))
        elif c == '"' or src.startswith('b"', i):
            j = i + (2 if c == "b" else 1)
            start = j
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            if j >= n:
                raise RustError(f"{name}:{line}: unterminated string")
            toks.append(("str", _unescape(src[start:j], f"{name}:{line}"), line))
            line += src.count("\n", i, j)
            i = j + 1
        elif c == "'" or src.startswith("b'", i):
            # A char literal ('a', '\'', '\u{2019}') or a lifetime ('a).
            m = re.compile(r"b?'(\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'").match(src, i)
            if m:
                toks.append(("lit", m.group(0), line))
                i = m.end()
            else:
                m = re.compile(r"'\w+").match(src, i)
                i = m.end() if m else i + 1
        elif c.isalpha() or c == "_":
            m = re.compile(r"\w+").match(src, i)
            toks.append(("ident", m.group(0), line))
            i = m.end()
        elif c.isdigit():
            m = re.compile(r"\d[\w.]*").match(src, i)
            toks.append(("lit", m.group(0), line))
            i = m.end()
        elif src.startswith("::", i):
            toks.append(("punct", "::", line))
            i += 2
        else:
            toks.append(("punct", c, line))
            i += 1
    return toks


_OPEN = {"(": ")", "[": "]", "{": "}"}


def _close(toks, i):
    """Index of the bracket closing the one at `i`."""
    stack = [_OPEN[toks[i][1]]]
    for j in range(i + 1, len(toks)):
        v = toks[j][1] if toks[j][0] == "punct" else None
        if v in _OPEN:
            stack.append(_OPEN[v])
        elif v in (")", "]", "}"):
            if v != stack.pop():
                raise RustError(f"line {toks[j][2]}: unbalanced {v}")
            if not stack:
                return j
    raise RustError(f"line {toks[i][2]}: unclosed {toks[i][1]}")


def without_tests(toks):
    """The tokens without `#[cfg(test)]` items (test modules, test helpers)."""
    out, i = [], 0
    attr = [("punct", "#"), ("punct", "["), ("ident", "cfg"), ("punct", "("),
            ("ident", "test"), ("punct", ")"), ("punct", "]")]
    while i < len(toks):
        if [t[:2] for t in toks[i : i + 7]] == attr:
            j = i + 7
            while j < len(toks):  # the item ends at `;` or at its body's `}`
                if toks[j][:2] == ("punct", ";"):
                    break
                if toks[j][0] == "punct" and toks[j][1] in _OPEN:
                    j = _close(toks, j)
                    if toks[j][1] == "}":
                        break
                j += 1
            i = j + 1
        else:
            out.append(toks[i])
            i += 1
    return out


# --- reading the rules' lists ---------------------------------------------


class Opaque(Exception):
    """An expression the reader does not understand."""


def _is(toks, i, *values):
    return [t[1] for t in toks[i : i + len(values)]] == list(values)


def _value(toks, i, consts):
    """(value, next index) of the expression at `i`: a str, a list of
    (value, line) pairs, or ("phrases", list) for `Phrases::new(list)`.
    Constants are looked up in `consts` (name -> tokens of the value)."""
    while toks[i][:2] == ("punct", "&"):
        i += 1
    kind, v, line = toks[i]
    if kind == "str":
        return v, i + 1
    if (kind, v) == ("punct", "["):
        end, items, j = _close(toks, i), [], i + 1
        while j < end:
            item, next_j = _value(toks, j, consts)
            items.append((item, toks[j][2]))
            j = next_j
            if j < end and toks[j][:2] != ("punct", ","):
                raise Opaque(f"line {toks[j][2]}: expected , in a list")
            j += 1
        return items, end + 1
    if kind == "ident":
        if _is(toks, i, "Phrases", "::", "new", "("):
            inner, _ = _value(toks, i + 4, consts)
            return ("phrases", inner), _close(toks, i + 3) + 1
        if _is(toks, i, "pack_all", "("):
            inner, _ = _value(toks, i + 2, consts)
            return inner, _close(toks, i + 1) + 1
        if v in consts:
            return _value(consts[v], 0, consts)[0], i + 1
    raise Opaque(f"line {line}: cannot read {v!r}")


def _consts(toks):
    """name -> (type tokens, value tokens) of each `const`/`static` item."""
    out = {}
    for i, (kind, v, _) in enumerate(toks):
        if kind == "ident" and v in ("const", "static") and i + 2 < len(toks):
            name, colon = toks[i + 1], toks[i + 2]
            if name[0] != "ident" or colon[:2] != ("punct", ":"):
                continue  # `const fn`, `static mut` and the like
            j = i + 3
            while toks[j][:2] != ("punct", "="):
                j += 1
            k = j + 1
            while toks[k][:2] != ("punct", ";"):
                opens = toks[k][0] == "punct" and toks[k][1] in _OPEN
                k = _close(toks, k) + 1 if opens else k + 1
            out[name[1]] = (toks[i + 3 : j], toks[j + 1 : k])
    return out


def _strings(value):
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item, _ in value for s in _strings(item)]
    raise Opaque("a list of strings holds something else")


def _expand(shape):
    """Every wording of a shape (a list of slots, each a list of words)."""
    return [" ".join(words) for words in itertools.product(*(_strings(s) for s, _ in shape))]


def rule_phrases(sources):
    """(file, line, phrase, slots) for each phrase and word the rules list
    (`slots`: a shape of `Phrases::new`, whose "#" and "*" are slots), from
    {file name: Rust source}. Raises RustError on what it cannot read."""
    per_file = {name: without_tests(lex(src, name)) for name, src in sources.items()}
    shared = {}
    for toks in per_file.values():
        shared.update({k: v for k, (_, v) in _consts(toks).items()})
    found = []
    for name, toks in per_file.items():
        own = _consts(toks)
        consts = {**shared, **{k: v for k, (_, v) in own.items()}}
        i = 0
        while i < len(toks):
            phrases = _is(toks, i, "Phrases", "::", "new", "(")
            string_list = toks[i][:2] == ("punct", "[") and toks[i + 1][0] == "str"
            if not (phrases or string_list):
                i += 1
                continue
            try:
                value, i = _value(toks, i, consts)
            except Opaque as e:
                raise RustError(f"{name}: {e}") from None
            if phrases:
                for shape, line in value[1]:
                    found += [(name, line, p, True) for p in _expand(shape)]
            else:
                found += [(name, line, s, False) for item, line in value for s in _strings(item)]
        # A constant typed as strings must be readable (a list written some
        # new way would otherwise drop out of the audit unnoticed).
        for cname, (ty, val) in own.items():
            if any(t[1] in ("str", "Phrases", "Slot") for t in ty):
                try:
                    _value(val, 0, consts)
                except Opaque as e:
                    raise RustError(f"{name}: const {cname}: {e}") from None
    return found


def matcher(phrase: str, slots: bool = False):
    """A function telling whether a normalised draft holds `phrase`, or None
    when the phrase normalises to nothing (punctuation alone). With `slots`,
    a word "#" of the phrase matches any number and "*" any one word."""
    words = phrase.split(" ") if slots else [phrase]
    parts = [
        None if slots and w == WORD_SLOT else "0" if slots and w == NUMBER_SLOT else norm(w).strip()
        for w in words
    ]
    parts = [p for p in parts if p != ""]
    if not parts:
        return None
    if None in parts:
        any_word = r"[^ ]+"
        rx = " ".join(any_word if p is None else re.escape(p) for p in parts)
        return re.compile(f" {rx} ").search
    text = " " + " ".join(parts) + " "
    return lambda d: text in d


# --- the audit ---------------------------------------------------------------


def lexicon_phrases():
    for lexicon in LEXICONS:
        for n, line in enumerate(lexicon.open(encoding="utf-8"), 1):
            line = line.strip()
            if not line or line.startswith(("#", "[")):
                continue
            yield lexicon.name, n, re.sub(r"\s\*[\d.]+$", "", line), False


def audit(entries, drafts, public):
    """(checked, [(file, line, phrase, writer)]) for entries seen in exactly
    one writer's drafts and in no public set."""
    bad, checked, seen = [], 0, set()
    for file, n, phrase, slots in entries:
        match = matcher(phrase, slots)
        # Spellings that normalise alike ("they're", "they’re") count once.
        key = (file, " ".join(norm(w).strip() or w for w in phrase.split(" ")))
        if match is None or key in seen:
            continue
        seen.add(key)
        checked += 1
        writers = [w for w, ds in drafts.items() if any(match(d) for d in ds)]
        if len(writers) == 1 and not match(public):
            bad.append((file, n, phrase, writers[0]))
    return checked, bad


def main() -> int:
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else REPO.parent / "shared")
    corpus = shared / "corpus"
    drafts = defaultdict(list)
    for f in [corpus / "dev.jsonl", *sorted(corpus.glob("train/*.jsonl"))]:
        for line in f.open(encoding="utf-8"):
            row = json.loads(line)
            drafts[row["id"].split("-")[0]].append(norm(row["text"]))
    public = "\n".join(
        norm(json.loads(line)["text"])
        for f in sorted(glob.glob(str(shared / "data/*.jsonl")))
        for line in open(f, encoding="utf-8")
    )
    try:
        rules = rule_phrases({p.name: p.read_text(encoding="utf-8") for p in RULES})
    except RustError as e:
        print(f"lexicon audit: cannot read the rules' phrase lists: {e}")
        return 1
    status = 0
    for what, entries in [("lexicon", lexicon_phrases()), ("rule", rules)]:
        checked, bad = audit(entries, drafts, public)
        print(f"{what} audit: {checked} phrases, {len(bad)} in exactly one writer's drafts")
        for file, n, phrase, writer in bad:
            print(f"  {file}:{n}: {phrase!r} appears only in writer {writer}'s drafts")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
