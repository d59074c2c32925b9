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


def test_report_says_why_a_threat_aimed_at_no_one_was_not_drafted():
    from sim.seeding.draft import draft_scenario
    from sim.seeding.extract import extract
    from sim.seeding.text import parse_document

    text = ("MANILA, Nov 20 (Wire) - Storms kept Philippine supply boats in port near the shoal. "
            "Manila warned that any attack on its vessels would be met with force.")  # fmt: skip
    draft = draft_scenario(extract(parse_document(text.encode(), "t.txt")), "t")
    html = render_report(draft, "t.yaml")
    assert "not used: the threat names no target and the document gives its speaker no" in html
