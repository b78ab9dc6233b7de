"""HTML rendering of a Report for Jupyter (``Report._repr_html_``).

Presentation only: the spans, severities and messages come from the report.
Everything taken from the draft or from a message is HTML-escaped.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, List, Optional, Tuple

if TYPE_CHECKING:  # pragma: no cover
    from ._postlint import Diagnostic, Report

_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
_SEVERITY_COLOUR = {
    "error": "rgba(220, 38, 38, 0.28)",
    "warning": "rgba(234, 179, 8, 0.35)",
    "info": "rgba(59, 130, 246, 0.22)",
}
_SEVERITY_BORDER = {"error": "#dc2626", "warning": "#ca8a04", "info": "#3b82f6"}
_BAR_COLOUR = {
    "salesy": "#e11d48",
    "personal": "#16a34a",
    "conversational": "#2563eb",
    "identity_reflecting": "#9333ea",
}
_SURROGATE = re.compile("[\ud800-\udfff]")


def _esc(s: str) -> str:
    # Lone surrogates cannot be encoded for display; show U+FFFD instead.
    return html.escape(_SURROGATE.sub("\ufffd", s), quote=True)


def _describe(d: "Diagnostic") -> str:
    line = f"{d.rule} ({d.severity}): {d.message}"
    if d.suggestion:
        line += f" Suggestion: {d.suggestion}"
    return line


def _highlighted(text: str, diagnostics: List["Diagnostic"]) -> str:
    cuts = {0, len(text)}
    for d in diagnostics:
        cuts.add(max(0, min(d.start, len(text))))
        cuts.add(max(0, min(d.end, len(text))))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:]):
        piece = text[a:b]
        covering = [d for d in diagnostics if d.start <= a and b <= d.end]
        if not covering:
            out.append(_esc(piece))
            continue
        worst = max(covering, key=lambda d: _SEVERITY_RANK.get(d.severity, 0)).severity
        title = "\n".join(_describe(d) for d in covering)
        rules = " ".join(d.rule for d in covering)
        out.append(
            f'<mark class="postlint-{_esc(worst)}" data-rules="{_esc(rules)}" '
            f'title="{_esc(title)}" style="background:{_SEVERITY_COLOUR.get(worst, "")};'
            f'border-bottom:2px solid {_SEVERITY_BORDER.get(worst, "")};'
            f'padding:0 1px;border-radius:2px">{_esc(piece)}</mark>'
        )
    return "".join(out)


def _bars(report: "Report") -> str:
    rows = []
    labels = report.labels
    for name, score in report.scores.items():
        pct = max(0.0, min(1.0, score)) * 100
        tick = "&#10003;" if labels[name] else ""
        rows.append(
            "<tr>"
            f'<td style="padding:1px 6px;text-align:left">{_esc(name)}</td>'
            '<td style="padding:1px 6px"><div style="width:120px;height:8px;'
            'background:#e5e7eb;border-radius:4px">'
            f'<div style="width:{pct:.1f}%;height:8px;border-radius:4px;'
            f'background:{_BAR_COLOUR.get(name, "#6b7280")}"></div></div></td>'
            f'<td style="padding:1px 6px;font-variant-numeric:tabular-nums">{score:.2f}</td>'
            f'<td style="padding:1px 6px">{tick}</td>'
            "</tr>"
        )
    return '<table class="postlint-scores" style="border-collapse:collapse;font-size:12px">' + "".join(rows) + "</table>"


def _list(diagnostics: List["Diagnostic"]) -> str:
    if not diagnostics:
        return '<div style="font-size:12px;color:#6b7280">No diagnostics.</div>'
    items = []
    for d in diagnostics:
        suggestion = f" <i>{_esc(d.suggestion)}</i>" if d.suggestion else ""
        items.append(
            f'<li><span style="color:{_SEVERITY_BORDER.get(d.severity, "")}">'
            f"{_esc(d.severity)}</span> <code>{_esc(d.rule)}</code> "
            f"[{d.start}:{d.end}] {_esc(d.message)}{suggestion}</li>"
        )
    return '<ul style="font-size:12px;margin:4px 0;padding-left:18px">' + "".join(items) + "</ul>"


def render_report(report: "Report") -> str:
    """The report as an HTML fragment."""
    diagnostics = report.diagnostics
    return (
        '<div class="postlint-report" style="font-family:system-ui,sans-serif;max-width:720px">'
        '<div class="postlint-text" style="white-space:pre-wrap;line-height:1.5;'
        'padding:6px 8px;border:1px solid #e5e7eb;border-radius:4px;margin-bottom:6px">'
        f"{_highlighted(report.text, diagnostics)}</div>"
        f"{_bars(report)}{_list(diagnostics)}</div>"
    )


def _score_cells(report: "Report") -> str:
    labels = report.labels
    cells = []
    for name, score in report.scores.items():
        weight = "700" if labels[name] else "400"
        cells.append(
            f'<td style="padding:2px 6px;text-align:right;font-weight:{weight};'
            f'color:{_BAR_COLOUR.get(name, "#6b7280")};font-variant-numeric:tabular-nums">'
            f"{score:.2f}</td>"
        )
    return "".join(cells)


def render_page(
    rows: "List[Tuple[str, Optional[Report], str]]", first: int, total: int, page: int, pages: int
) -> str:
    """A page of drafts as an HTML table: (index label, report or None, raw
    repr for a value that is not a str) per row, with a header saying which
    rows of how many are shown."""
    head_cells = "".join(
        f'<th style="padding:2px 6px;color:{_BAR_COLOUR[n]}">{_esc(n)}</th>' for n in _BAR_COLOUR
    )
    body = []
    for label, report, raw in rows:
        if report is None:
            text = f'<span style="color:#6b7280">(not a str: {_esc(raw)})</span>'
            rest = '<td colspan="5"></td>'
        else:
            text = _highlighted(report.text, report.diagnostics)
            titles = _esc("\n".join(_describe(d) for d in report.diagnostics))
            rest = _score_cells(report) + (
                f'<td style="padding:2px 6px;text-align:right" title="{titles}">'
                f"{len(report.diagnostics)}</td>"
            )
        body.append(
            f'<tr style="vertical-align:top"><td style="padding:2px 6px;color:#6b7280">{_esc(label)}</td>'
            f'<td style="padding:2px 6px;white-space:pre-wrap;text-align:left;max-width:560px">{text}</td>'
            f"{rest}</tr>"
        )
    last = first + len(rows)
    caption = (
        f"postlint: rows {first + 1:,}&ndash;{last:,} of {total:,} (page {page:,} of {pages:,})"
        if total
        else "postlint: no rows"
    )
    return (
        '<div class="postlint-page" style="font-family:system-ui,sans-serif;font-size:13px">'
        f'<div style="color:#6b7280;margin-bottom:4px">{caption}</div>'
        '<table style="border-collapse:collapse"><thead><tr>'
        f'<th style="padding:2px 6px"></th><th style="padding:2px 6px;text-align:left">draft</th>{head_cells}'
        '<th style="padding:2px 6px">diagnostics</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )
