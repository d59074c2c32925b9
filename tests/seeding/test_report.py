"""The extraction report: one self-contained page showing spans and what they became."""

from __future__ import annotations

import re

from sim.seeding.report import render_report


def test_report_is_self_contained_and_shows_spans(kursk_draft):
    html = render_report(kursk_draft, "kursk_draft.yaml")
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"(src|href)=\"?(https?:)?//", html)
    assert '<mark class="conditional"' in html
    assert '<mark class="quantity"' in html
    assert "actors.united_states.doctrine.declare_co_belligerent_north_korea" in html
    assert "Assumptions" in html and "gazetteer, not the document" in html
