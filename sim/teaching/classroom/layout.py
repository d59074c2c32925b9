"""The frame every classroom page shares, and the one way text reaches a page: escaped.

Pages are rendered on the server as plain HTML; the only script is ``static/classroom.js``
(served by the classroom itself: no CDN, no request leaves the room's network). Every text that
comes from a scenario, a deck, an exercise or a player goes through ``e`` (html.escape), so a
name like ``<img src=x onerror=...>`` shows as text and never runs.
"""

from __future__ import annotations

import html
from collections.abc import Iterable


def e(text: object) -> str:
    """``text`` escaped for HTML (quotes too: safe inside attributes)."""
    return html.escape(str(text), quote=True)


def page(title: str, body: str, view: str = "", key: str = "", clock: str = "",
         turn: int = 0) -> str:  # fmt: skip
    """A whole page; ``view`` and ``key`` let the script refresh it when its view changes;
    ``turn`` tells the script whether a refreshed page is still the same turn."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)}</title>"
        '<link rel="stylesheet" href="/static/classroom.css">'
        '<script src="/static/classroom.js" defer></script></head>\n'
        f'<body data-view="{e(view)}" data-key="{e(key)}" data-turn="{turn}">{clock}\n'
        f"<main>{body}</main>"
        "</body></html>\n"
    )


def clock_html(left: float, running: bool) -> str:
    """The turn clock; the script counts it down between server updates."""
    minutes, seconds = divmod(int(left), 60)
    state = "running" if running else "paused"
    return (
        f'<div id="clock" class="clock {state}" data-left="{left:.1f}" data-running='
        f'"{int(running)}">Turn clock: <b>{minutes:02d}:{seconds:02d}</b> ({state})</div>'
    )


def section(title: str, inner: str, css: str = "") -> str:
    return f'<section class="{e(css)}"><h2>{e(title)}</h2>{inner}</section>'


def lines(items: Iterable[str], empty: str = "nothing") -> str:
    """A bulleted list of texts (escaped)."""
    items = list(items)
    if not items:
        return f'<p class="muted">{e(empty)}</p>'
    return "<ul>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>"


def table(headers: list[str], rows: Iterable[Iterable[object]]) -> str:
    """A table of texts (escaped)."""
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def select(name: str, options: Iterable[tuple[str, str]], chosen: str | None = None) -> str:
    """A drop-down of (value, label) pairs."""
    opts = "".join(
        f'<option value="{e(v)}"{" selected" if v == chosen else ""}>{e(label)}</option>'
        for v, label in options
    )
    return f'<select name="{e(name)}" id="{e(name)}">{opts}</select>'


def form(action: str, inner: str, button: str, css: str = "") -> str:
    """A POST form with one submit button."""
    return (
        f'<form method="post" action="{e(action)}" class="{e(css)}">{inner}'
        f'<button type="submit">{e(button)}</button></form>'
    )
