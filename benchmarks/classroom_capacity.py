"""Classroom capacity: eight teams and the instructor in real browser contexts, one server.

Starts ``wargame classroom`` (8 teams: one actor each) on a free local port, opens nine headless
Chromium contexts (own cookies each, every non-local request blocked and counted), joins every
team, then plays ``--turns`` turns. In each turn seven teams submit; the clock is taken just
before the eighth team's submission, and each of the nine pages reports when it had loaded the
next turn (the browser's own navigation timing, on the same clock). Latency = that moment minus
the last submission. The server's memory (RSS) is read at the start, with all pages open, after
the turns, and after the pages have been closed and re-opened ``--cycles`` times.

    python benchmarks/classroom_capacity.py [--turns 6] [--cycles 3]

Target (issue 12): p90 latency from the last submission to every page showing the next turn
under 2 s; server memory bounded and freed when pages close. Prints a table, then as the last
line a JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import tempfile
import time
from pathlib import Path

import psutil
from playwright.sync_api import sync_playwright

from tests.teaching.classroom_helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LocalOnly,
    start_classroom,
    stop,
)  # fmt: skip

ACTORS = ["united_states", "russia", "ukraine", "north_korea", "nato", "south_korea", "japan",
          "china"]  # fmt: skip
# When the page showed the next turn: the script's stamp after it swapped the new page in, or,
# for the page that submitted last (it navigates), when its new document had loaded.
SHOWN_AT = (
    "window.wargameShownAt || (performance.timeOrigin + "
    "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd)"
)
# When the server's answer to the page's long poll arrived (the server's share of the latency).
ANSWERED_AT = ("(() => { const w = performance.getEntriesByType('resource')"
               ".filter(e => e.name.includes('/api/wait')); return w.length ? "
               "performance.timeOrigin + w[w.length - 1].responseEnd : null; })()")  # fmt: skip


def rss_mb(proc) -> float:
    return psutil.Process(proc.pid).memory_info().rss / 2**20


def open_pages(browser, url: str, saved: dict, local: LocalOnly):
    """One context per team (joined) and one for the instructor (logged in)."""
    pages = []
    for team in saved["teams"]:
        ctx = browser.new_context()
        ctx.route("**/*", local)
        page = ctx.new_page()
        page.goto(url)
        page.fill("#code", team["code"])
        page.get_by_role("button", name="Join").click()
        page.get_by_text("you play").wait_for(timeout=30_000)
        pages.append((team["seats"][0], page))
    ctx = browser.new_context()
    ctx.route("**/*", local)
    white = ctx.new_page()
    white.goto(url + "/instructor")
    white.fill("#code", saved["instructor_code"])
    white.get_by_role("button", name="Open").click()
    white.get_by_text("teams have submitted").wait_for(timeout=30_000)
    return pages, white


def play_turn(pages, white, turn: int) -> tuple[list[float], list[float]]:
    """Seven teams submit, then the eighth; seconds from its submission to each page showing
    the next turn, and to the server's answer of each waiting page's long poll."""
    for seat, page in pages[:-1]:
        page.select_option(f"#action_{seat}", "hold")
        page.get_by_role("button", name="Submit moves").click()
        page.get_by_text("Submitted.").wait_for(timeout=30_000)
    seat, last = pages[-1]
    last.select_option(f"#action_{seat}", "hold")
    t0 = time.time() * 1000
    last.get_by_role("button", name="Submit moves").click()
    shown, answered = [], []
    for page in [p for _, p in pages] + [white]:
        page.get_by_text(f"Turn {turn + 1} of").first.wait_for(timeout=30_000)
        shown.append((page.evaluate(SHOWN_AT) - t0) / 1000)
        if page is not last:
            answered.append((page.evaluate(ANSWERED_AT) - t0) / 1000)
    for page in [p for _, p in pages] + [white]:
        page.evaluate("performance.clearResourceTimings(); window.wargameShownAt = 0")
    return shown, answered


def _p90(values: list[float]) -> float:
    """The 90th percentile (nearest rank)."""
    ranked = sorted(values)
    return ranked[max(0, math.ceil(0.9 * len(ranked)) - 1)]


def close_all(pages, white) -> None:
    for page in [p for _, p in pages] + [white]:
        page.context.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--turns", type=int, default=6)
    ap.add_argument("--cycles", type=int, default=3)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="classroom-capacity-"))
    teams = [f"--team=T{i + 1}={a}" for i, a in enumerate(ACTORS)]
    proc, url = start_classroom(work, work / "class", "--exercise", "kursk_2024", "--steps",
                                str(args.turns + 2), *teams)  # fmt: skip
    saved = json.loads((work / "class" / "classroom.json").read_text())
    local, memory, latencies, every_page, answers = LocalOnly(), {}, [], [], []
    load = [round(os.getloadavg()[0], 2)]  # the machine is shared: say how busy it was
    try:
        memory["start"] = rss_mb(proc)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            pages, white = open_pages(browser, url, saved, local)
            memory["9 pages open"] = rss_mb(proc)
            for turn in range(1, args.turns + 1):
                lat, ans = play_turn(pages, white, turn)
                latencies += lat
                answers += ans
                every_page.append(max(lat))
            memory[f"after {args.turns} turns"] = rss_mb(proc)
            close_all(pages, white)
            for cycle in range(1, args.cycles + 1):
                pages, white = open_pages(browser, url, saved, local)
                memory[f"cycle {cycle}: open"] = rss_mb(proc)
                close_all(pages, white)
                time.sleep(1)
                memory[f"cycle {cycle}: closed"] = rss_mb(proc)
            browser.close()
    finally:
        stop(proc)
    result = {
        "pages": 9, "turns": args.turns, "page_latency_s": {
            "p50": round(statistics.median(latencies), 3), "p90": round(_p90(latencies), 3),
            "max": round(max(latencies), 3)},
        "server_answer_s": {"p50": round(statistics.median(answers), 3),
                            "p90": round(_p90(answers), 3)},
        "every_page_latency_s": {"p90": round(_p90(every_page), 3),
                                 "max": round(max(every_page), 3)},
        "server_rss_mb": {k: round(v, 1) for k, v in memory.items()},
        "refused_requests": len(local.refused), "cpus": psutil.cpu_count(),
        "load_average_1min": {"start": load[0], "end": round(os.getloadavg()[0], 2)},
    }  # fmt: skip
    print(f"{'pages':<28}9 (8 teams + instructor), {args.turns} turns")
    for k, v in result["page_latency_s"].items():
        print(f"page latency {k:<15}{v:.3f} s")
    for k, v in result["server_answer_s"].items():
        print(f"long poll answered, {k:<9}{v:.3f} s")
    for k, v in result["every_page_latency_s"].items():
        print(f"all pages shown, {k:<11}{v:.3f} s")
    for k, v in result["server_rss_mb"].items():
        print(f"server RSS {k:<17}{v:.1f} MB")
    print(f"{'refused requests':<28}{len(local.refused)}")
    print(
        f"{'load average (1 min)':<28}{load[0]} at the start, "
        f"{result['load_average_1min']['end']} at the end, on {psutil.cpu_count()} CPUs"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
