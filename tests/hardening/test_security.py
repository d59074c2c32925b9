"""The security suite: what a scenario, deck or exercise pack must not be able to do.

- Script: payloads (``<img onerror=...>``, ``<script>``, Vue's ``{{ ... }}``) in every text field
  (title, actor name, doctrine reason, inject text, force and milestone descriptions, a deck's
  injects, an exercise pack's objectives, notes and questions) are shown as text by every page
  and report, checked in headless Chromium: the briefing, the after-action review, the run's
  SVG figures and the live ``wargame app`` page.
- Files: a scenario cannot copy a file from outside the project into a handout (``/etc/passwd``).
- Interpolation: ``${...}`` in scenario text is data, never resolved (no secret in outputs).
- Names: ``$\\foo$`` in an actor name is drawn as typed, not as mathtext.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import EXERCISE, KURSK, PROJECT, run_wargame

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
VUE = "{{ 7*191 }}"  # would show 1337 if a template engine evaluated it
PAYLOAD = f"""<img src=x onerror="window.__pwned=(window.__pwned||[]).concat('FIELD')"><script>window.__pwned=['script FIELD']</script> {VUE}"""


def payload(field: str) -> str:
    """A YAML single-quoted scalar holding the payload for ``field``."""
    return "'" + PAYLOAD.replace("FIELD", field).replace("'", "''") + "'"


def hostile_scenario(folder: Path) -> Path:
    """The shipped scenario with a payload in every text field a page shows."""
    text = KURSK.read_text(encoding="utf-8")
    edits = [
        ("title: North Korean troops on the Kursk front (late October 2024)", f"title: {payload('title')}"),
        ("    name: Russia\n", f"    name: {payload('actor name')}\n"),
        ("    name: United States\n", "    name: 'United $\\foo$ States'\n"),
        ("reason: Kursk is occupied and Russian forces are struggling, so the North Korean "
         "contingent is sent into combat", f"reason: {payload('doctrine reason')}"),
        ("    text: NATO consults its Indo-Pacific partners on responses to North Korea's involvement.",
         f"    text: {payload('inject text')}"),
        ("    description: North Korean troops sent to Russia, arriving near Kursk",
         f"    description: {payload('force description')}"),
        ("    description: North Korean troops in combat", f"    description: {payload('milestone')}"),
    ]  # fmt: skip
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def hostile_pack(folder: Path) -> Path:
    """An exercise pack playing the hostile scenario, with payloads in its deck and texts."""
    scenario = hostile_scenario(folder)
    pack = folder / "pack"
    pack.mkdir()
    deck = (EXERCISE / "deck.yaml").read_text(encoding="utf-8")
    deck = re.sub(r"(first_clashes_with_kpa:\n    step: 2\n    text: )>-\n(      .*\n)+?(?=    effects)",
                  lambda m: m.group(1) + payload("deck inject") + "\n", deck, count=1)  # fmt: skip
    assert "deck inject" in deck
    (pack / "deck.yaml").write_text(deck, encoding="utf-8")
    (pack / "hostile.yaml").write_text(scenario.read_text(encoding="utf-8"), encoding="utf-8")
    (pack / "exercise.yaml").write_text(
        f"title: {payload('pack title')}\nscenario: hostile.yaml\ndeck: deck.yaml\n"
        f"seats: [united_states]\nsteps: 4\nobjectives: [{payload('objective')}]\n"
        f"briefing_notes: [{payload('note')}]\ndebrief_questions: [{payload('question')}]\n",
        encoding="utf-8",
    )
    return pack


def check_in_chromium(urls: list[str]) -> list[str]:
    """Open each URL in headless Chromium; what ran (payload markers, dialogs, 1337)."""
    from playwright.sync_api import sync_playwright

    ran: list[str] = []

    def on_dialog(dialog) -> None:
        ran.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        for url in urls:
            page = browser.new_page()
            page.on("dialog", on_dialog)
            page.route(re.compile(r"^https?://(?!127\.0\.0\.1|localhost).*"), lambda r: r.abort())
            page.goto(url)
            page.wait_for_timeout(500)
            pwned = page.evaluate("window.__pwned || []")
            ran += [f"{url}: {p}" for p in pwned]
            body = page.inner_text("body") if page.locator("body").count() else ""
            if "1337" in body:
                ran.append(f"{url}: a {{{{ }}}} template was evaluated")
            page.close()
        browser.close()
    return ran


def needs_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.skip("needs Debian chromium at /usr/bin/chromium")
    pytest.importorskip("playwright.sync_api")


@pytest.mark.slow
def test_payloads_stay_text_in_briefing_report_and_figures(tmp_path, capsys):
    needs_chromium()
    pack = hostile_pack(tmp_path)
    res = run_wargame(["brief", "--exercise", str(pack), "--out", str(tmp_path / "brief")], capsys)
    assert res.code == 0, res.err
    run = tmp_path / "run"
    res = run_wargame([f"scenario={pack / 'hostile.yaml'}", f"deck={pack / 'deck.yaml'}",
                       "replicates=2", "steps=4", "plot_formats=[png,svg]", f"hydra.run.dir={run}"],
                      capsys)  # fmt: skip
    assert res.code == 0, res.err[-2000:]
    assert (run / "run.json").is_file() and len(list((run / "plots").glob("*.svg"))) >= 5
    res = run_wargame(["report", str(run), "--out", str(tmp_path / "aar"),
                       "--exercise", str(pack)], capsys)  # fmt: skip
    assert res.code == 0, res.err[-2000:]
    pages = [tmp_path / "brief" / "briefing.html", tmp_path / "aar" / "report.html",
             *sorted((run / "plots").glob("*.svg"))]  # fmt: skip
    for page in pages[:2]:
        text = page.read_text(encoding="utf-8")
        assert "&lt;img src=x onerror" in text and "<img src=x" not in text
        assert VUE in text or "{{ 7*191 }}" in text.replace("&#x27;", "'")
    for md in (tmp_path / "brief" / "briefing.md", tmp_path / "aar" / "report.md"):
        assert "<img" not in md.read_text(encoding="utf-8") and "&lt;img" in md.read_text()
    assert check_in_chromium([p.as_uri() for p in pages]) == []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_payloads_stay_text_in_the_live_page(tmp_path):
    needs_chromium()
    pytest.importorskip("solara")
    from playwright.sync_api import sync_playwright

    pack = hostile_pack(tmp_path)
    port = _free_port()
    log = tmp_path / "server.log"
    cmd = [sys.executable, "-m", "sim.cli", "app", "--exercise", str(pack), "--as", "united_states",
           "--port", str(port)]  # fmt: skip
    env = {**os.environ, "WARGAME_SCENARIOS": str(PROJECT / "scenarios")}
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT)
    ran: list[str] = []
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, log.read_text()
            try:
                with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - local server
                    break
            except OSError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.5)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_page(viewport={"width": 1600, "height": 1400})
            page.on("dialog", lambda d: (ran.append(f"dialog: {d.message}"), d.dismiss()))
            page.route(re.compile(r"^https?://(?!127\.0\.0\.1|localhost).*"), lambda r: r.abort())
            page.goto(url)
            page.get_by_text(re.compile(r"^Turn 0 —")).wait_for(timeout=60_000)
            for n in range(1, 4):
                page.get_by_role("button", name="Step").click()
                page.get_by_text(re.compile(rf"^Turn {n} —")).wait_for(timeout=30_000)
            body = page.inner_text("body")
            ran += [f"live page: {m}" for m in page.evaluate("window.__pwned || []")]
            page.screenshot(path=str(tmp_path / "page.png"), full_page=True)
            browser.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    assert ran == []
    assert "1337" not in body
    assert "{{ 7*191 }}" in body and "onerror" in body  # shown, as text
    assert "deck inject" in body or "inject text" in body


def test_a_scenario_cannot_copy_system_files_into_a_handout(tmp_path, capsys):
    text = KURSK.read_text(encoding="utf-8")
    for i, doc in enumerate(["/etc/passwd", "../../../../../../../../../etc/passwd"]):
        path = tmp_path / f"leak{i}.yaml"
        path.write_text(text.replace("seeds/2024-10_north_korean_troops_kursk.txt", doc), "utf-8")
        res = run_wargame(["brief", f"scenario={path}", "--out", str(tmp_path / f"b{i}")], capsys)
        assert res.code == 2 and "outside the allowed folders" in res.err
        assert not (tmp_path / f"b{i}").exists()


def test_a_seed_document_beside_the_scenario_is_allowed(tmp_path, capsys):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "doc.txt").write_text("North Korea sent troops. " * 5, encoding="utf-8")
    text = KURSK.read_text(encoding="utf-8").replace(
        "seeds/2024-10_north_korean_troops_kursk.txt", "seeds/doc.txt"
    )
    (tmp_path / "mine.yaml").write_text(text, encoding="utf-8")
    res = run_wargame(["brief", f"scenario={tmp_path / 'mine.yaml'}", "--out", str(tmp_path / "b")],
                      capsys)  # fmt: skip
    assert res.code == 0, res.err
    assert "North Korea sent troops." in (tmp_path / "b" / "briefing.md").read_text()


def test_html_seed_documents_are_reduced_to_their_text(tmp_path, capsys):
    (tmp_path / "page.html").write_text(
        "<html><body><p>North Korea <b>sent</b> troops.</p><script>alert(1)</script></body></html>"
    )
    text = KURSK.read_text(encoding="utf-8").replace(
        "seeds/2024-10_north_korean_troops_kursk.txt", "page.html"
    )
    (tmp_path / "mine.yaml").write_text(text, encoding="utf-8")
    res = run_wargame(["brief", f"scenario={tmp_path / 'mine.yaml'}", "--out", str(tmp_path / "b")],
                      capsys)  # fmt: skip
    assert res.code == 0, res.err
    md = (tmp_path / "b" / "briefing.md").read_text()
    assert "North Korea sent troops." in md and "<b>" not in md and "alert(1)" not in md


def test_interpolation_in_scenario_text_is_never_resolved(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("WARGAME_TEST_SECRET", "hunter2-secret-token")
    text = KURSK.read_text(encoding="utf-8").replace(
        "title: North Korean troops", "title: Kursk ${oc.env:WARGAME_TEST_SECRET} ${unknown}", 1
    )
    (tmp_path / "interp.yaml").write_text(text, encoding="utf-8")
    run = tmp_path / "run"
    res = run_wargame([f"scenario={tmp_path / 'interp.yaml'}", "replicates=1", "steps=2",
                       "plot_formats=[png,svg]", f"hydra.run.dir={run}"], capsys)  # fmt: skip
    assert res.code == 0, res.err[-1500:]
    manifest = (run / "run.json").read_text(encoding="utf-8")
    assert "hunter2" not in manifest and "${oc.env:WARGAME_TEST_SECRET}" in manifest
    for svg in (run / "plots").glob("*.svg"):
        assert "hunter2" not in svg.read_text(encoding="utf-8")


@pytest.mark.slow
def test_dollar_signs_in_names_are_drawn_as_text(tmp_path, capsys):
    text = KURSK.read_text(encoding="utf-8").replace(
        "    name: Russia\n", "    name: '$\\foo$ Russia'\n", 1
    )
    (tmp_path / "dollar.yaml").write_text(text, encoding="utf-8")
    run = tmp_path / "run"
    res = run_wargame([f"scenario={tmp_path / 'dollar.yaml'}", "replicates=2", "steps=3",
                       "plot_formats=[png,svg]", f"hydra.run.dir={run}"], capsys)  # fmt: skip
    assert res.code == 0, res.err[-1500:]
    assert '"status": "complete"' in (run / "run.json").read_text()
    svgs = list((run / "plots").glob("*.svg"))
    assert svgs and any("$\\foo$ Russia" in s.read_text(encoding="utf-8") for s in svgs)
