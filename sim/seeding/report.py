"""The extraction report: one self-contained HTML page (no external assets).

It shows the document with every finding and actor mention highlighted (hover for what it
became), a table of findings with their modality and the draft values they became, a table of
every drafted value with its source, and the list of assumptions the draft makes.
"""

from __future__ import annotations

from html import escape
from typing import Any

from sim.domain.ladder import standard_ladder
from sim.seeding.checks import draft_checks
from sim.seeding.draft import Draft
from sim.seeding.draft_doctrine import UNAIMED
from sim.seeding.findings import Finding

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem} h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
.doc p{margin:.3rem 0} .num{color:#888;font-size:.8em;margin-right:.4em}
mark{border-radius:3px;padding:0 1px} mark.actor{background:#dbeafe}
mark.fact{background:#bbf7d0} mark.hedged{background:#fef08a}
mark.negated{background:#fecaca;text-decoration:line-through}
mark.conditional{background:#e9d5ff} mark.place{background:#fed7aa}
mark.quantity{background:#99f6e4}
table{border-collapse:collapse;width:100%;font-size:.9em}
td,th{border:1px solid #ddd;padding:3px 6px;vertical-align:top;text-align:left}
th{background:#f3f4f6} code{font-size:.9em}
.legend mark{margin-right:.6em}
"""


def render_report(draft: Draft, out_name: str) -> str:
    """The whole report page as HTML text."""
    ex = draft.extraction
    parts = [
        f"<h1>Extraction report: {escape(ex.doc.path)} &rarr; {escape(out_name)}</h1>",
        f"<p>{len(ex.doc.sentences)} sentences, {len(ex.actors)} actors, "
        f"{len(ex.findings)} findings; {len(draft.ledger.uses)} values drafted, "
        f"{len(draft.ledger.assumptions())} of them assumptions.</p>",
        '<p class="legend">'
        + "".join(
            f'<mark class="{c}">{c}</mark>'
            for c in ("actor", "fact", "hedged", "negated", "conditional", "place", "quantity")
        )
        + "</p>",
        "<h2>Warnings</h2>",
        '<ul class="warnings">'
        + "".join(f"<li>{escape(w)}</li>" for w in draft_checks(draft))
        + "</ul>",
        "<h2>Document</h2>",
        _document(draft),
        "<h2>Findings</h2>",
        _findings_table(draft),
        "<h2>Drafted values and their sources</h2>",
        _values_table(draft),
        "<h2>Assumptions (values the document does not give)</h2>",
        "<ul>"
        + "".join(
            f"<li><code>{escape(u.path)}</code> = {escape(_short(u.value))}: "
            f"{escape(u.source.removeprefix('assumption: '))}</li>"
            for u in draft.ledger.assumptions()
        )
        + "</ul>",
    ]
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Extraction report {escape(out_name)}</title><style>{_CSS}</style></head>"
        f"<body>{''.join(parts)}</body></html>\n"
    )


def _annotations(draft: Draft) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, hover text) for mentions, findings, places and quantities."""
    ex = draft.extraction
    used = _uses_by_span(draft)
    out = [(m.start, m.end, "actor", f"actor {m.actor}") for m in ex.mentions]
    for f in ex.findings:
        text = f"{f.kind} {f.parties} ({f.modality}) -> {_became(draft, f, used)}"
        out.append((f.start, f.end, f.modality, text))
    for p in ex.places:
        out.append((*p.span, "place", f"theatre {p.id}"))
    for q in ex.quantities:
        out.append((q.start, q.end, "quantity", f"{q.unit}: {q.value:g} ({q.approx or 'exact'})"))
    return out


def _document(draft: Draft) -> str:
    """The document, sentence by sentence, with the innermost annotation of each stretch."""
    notes = _annotations(draft)
    html = ['<div class="doc">']
    for s in draft.extraction.doc.sentences:
        cuts = sorted({s.start, s.end, *(x for a in notes for x in a[:2] if s.start < x < s.end)})
        pieces = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            covering = [n for n in notes if n[0] <= a and b <= n[1]]
            text = escape(draft.extraction.doc.text[a:b])
            if covering:
                inner = min(covering, key=lambda n: n[1] - n[0])
                title = escape(" | ".join(n[3] for n in covering), quote=True)
                text = f'<mark class="{inner[2]}" title="{title}">{text}</mark>'
            pieces.append(text)
        html.append(f'<p><span class="num">{s.number}</span>{"".join(pieces)}</p>')
    return "".join(html) + "</div>"


def _uses_by_span(draft: Draft) -> dict[tuple[int, int], list[str]]:
    out: dict[tuple[int, int], list[str]] = {}
    for u in draft.ledger.uses:
        if u.span:
            out.setdefault(u.span, []).append(u.path)
    return out


def _became(draft: Draft, f: Finding, used: dict[tuple[int, int], list[str]]) -> str:
    """The draft paths a finding became, or why it became none."""
    paths = used.get((f.start, f.end))
    if paths:
        return ", ".join(dict.fromkeys(paths))
    if f.modality == "negated":
        return "not used: denied or negated in the document"
    earlier = next((g for g in draft.extraction.findings if g is not f and g.kind == f.kind
                    and set(g.parties) == set(f.parties) and g.start < f.start), None)  # fmt: skip
    if earlier is not None:
        return f"not used: the same as sentence {earlier.sentence}"
    if f.modality == "hedged":
        return "not used: only possible or expected, and no doctrine rule applies"
    if f.kind == "doctrine" and f.parties[1] is None:
        return f"not used: {UNAIMED}"
    return "not used by any drafting rule"


def _findings_table(draft: Draft) -> str:
    used = _uses_by_span(draft)
    rows = [
        f"<tr><td>{f.sentence}</td><td>{f.start}&ndash;{f.end}</td><td>{escape(f.kind)}</td>"
        f"<td>{' &rarr; '.join(escape(str(p)) for p in f.parties)}</td>"
        f"<td>{escape(f.action)} ({escape(_rung_of(f.action))})</td><td>{f.modality}</td>"
        f"<td>{escape(f.quote)}</td><td>{escape(_became(draft, f, used))}</td></tr>"
        for f in draft.extraction.findings
    ]
    head = "<tr><th>#</th><th>span</th><th>kind</th><th>parties</th><th>ladder action (rung)</th>"
    head += "<th>modality</th>"
    return f"<table>{head}<th>quote</th><th>became</th></tr>{''.join(rows)}</table>"


def _rung_of(action: str) -> str:
    ladder = standard_ladder()
    return ladder.rung_ids[ladder.rung_of(action)]


def _values_table(draft: Draft) -> str:
    rows = [
        f"<tr><td><code>{escape(u.path)}</code></td><td>{escape(_short(u.value))}</td>"
        f"<td>{u.sentence or ''}</td><td>{f'{u.span[0]}&ndash;{u.span[1]}' if u.span else ''}</td>"
        f"<td>{escape(u.source)}</td></tr>"
        for u in draft.ledger.uses
    ]
    head = "<tr><th>value</th><th>is</th><th>sentence</th><th>span</th><th>source</th></tr>"
    return f"<table>{head}{''.join(rows)}</table>"


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "..."
