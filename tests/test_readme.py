"""Every command line of README.md, as written, so that a README line can never break unnoticed.

Each line of every fenced ``bash`` block is checked by bash's own parser (``bash -n``: an
unquoted ``range(...)`` fails here) and then run in one temporary folder, in README order (later
lines use what earlier ones made), with the output folders the lines themselves produce. Each
``wargame`` runs in a process of its own, with its own input, output and exit code, forked from
a server that imported the package once (``tests/preloaded.py``: 2-3 CPU-seconds saved a line):

- simulation lines get ``replicates=2 steps=3 plots=false`` appended (later overrides win in
  Hydra), so they take seconds; named experiments keep their end-of-sweep figures; the
  Analysing lines already name their small sizes (``replicates=4 steps=8``) and run as written;
- placeholders are filled with real values and folders made by earlier lines (see
  ``PLACEHOLDERS``): ``RUN_A`` and ``RUN_DIR`` -> the newest run folder, ``wargame plot
  RUN_OR_SWEEP_DIR`` -> a run, ``wargame score RUN_OR_SWEEP_DIR`` -> a real small sweep (the
  ``nk_deployment`` experiment the Sweeps section ran: 5 points x 2 replicates, so the score
  of each job is computed), ``outputs/play/<date>/<time>_kursk_2024`` -> the game just played,
  ``-m ...`` -> a two-point sweep;
- ``wargame play`` gets ``q`` on its input (save and quit after the first question);
- not run, and said so by the test: ``make run``/``make test`` (they create a virtualenv; the
  command behind ``make run`` is the plain ``wargame`` line), ``wargame app`` and ``wargame
  classroom`` (servers that run until stopped: their options are parsed with ``--help``;
  tests/teaching/ serves them), ``wargame report outputs/classroom/...`` (needs a finished
  classroom game), and the cluster launchers (Ray cluster, SLURM: checked by parsing the
  overrides with Hydra's grammar and composing the launcher config). The local launcher lines
  (joblib, Ray, submitit_local) are checked the same way here, because
  tests/experiment/test_launchers.py runs exactly that tiny sweep through each of them (and
  compares the tables); running them twice would only cost time.
"""

from __future__ import annotations

import glob
import json
import os
import re
import shlex
import shutil
import subprocess
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests import preloaded
from tests.preloaded import base_env
from tests.teaching.classroom_helpers import (
    Browser,
    free_port,
    play_to_the_end,
    start_server,
    stop,
    wargame_command,
)

ROOT = Path(__file__).resolve().parents[1]
SHRINK = ["replicates=2", "steps=3", "plots=false"]
CLUSTER = ("hydra/launcher=ray_cluster", "hydra/launcher=slurm")
SWEEP = "outputs/sweeps/nk_deployment"  # the small sweep the Sweeps section's lines made
SERVERS = ("app", "classroom")  # they run until Ctrl-C: started as processes of their own
LOCAL_LAUNCHERS = ("hydra/launcher=joblib", "hydra/launcher=ray", "hydra/launcher=submitit_local")
PLACEHOLDERS = {
    "[--replicate N] [--turn T] [--milestone M]": "--replicate 1 --turn 2 --milestone prk_combat",
    "RUN_A RUN_B [...] [--out DIR]": "{run_b} {run_a} --out compare_out",
    "score RUN_OR_SWEEP_DIR": "score {sweep}",
    "RUN_OR_SWEEP_DIR": "{run_a}",
    "RUN_DIR": "{run_a}",
    "outputs/play/<date>/<time>_kursk_2024": "{game}",
    "outputs/classroom/<date>/<time>_kursk_2024": "{room}",
    "wargame -m ... ": "wargame -m rules.noise=0.2,0.4 ",
}


def readme_lines() -> list[str]:
    """The command lines of README.md's ``bash`` blocks, as written (comments dropped)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S):
        lines += [line for line in map(strip_comment, block.splitlines()) if line]
    return lines


def strip_comment(raw: str) -> str:
    """``raw`` without its trailing ``# comment`` (a ``#`` outside quotes, after a space)."""
    quote = None
    for i, ch in enumerate(raw):
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (i == 0 or raw[i - 1].isspace()):
            return raw[:i].strip()
    return raw.strip()


LINES = readme_lines()


def test_the_readme_has_command_lines():
    assert len(LINES) > 30
    assert any("glob(*)" in line for line in LINES)


@pytest.mark.parametrize("line", LINES)
def test_every_readme_line_is_valid_bash(line):
    done = subprocess.run(["bash", "-n", "-c", line], capture_output=True, text=True)
    assert done.returncode == 0, f"{line}\n{done.stderr}"


def newest(pattern: str, cwd: Path, n: int = 1) -> list[str]:
    found = sorted(glob.glob(pattern, root_dir=cwd), key=lambda p: os.path.getmtime(cwd / p))
    assert len(found) >= n, f"no {pattern} in {cwd}"
    return found[-n:]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """A folder laid out like a clone: scenarios/ and seeds/ copied, and the files the README's
    example paths name (path/to/my_scenario.yaml, later_report.txt)."""
    ws = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "scenarios", ws / "scenarios")
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    (ws / "path" / "to").mkdir(parents=True)
    shutil.copy(ROOT / "scenarios" / "kursk_2024.yaml", ws / "path" / "to" / "my_scenario.yaml")
    shutil.copy(next((ROOT / "seeds").glob("*.txt")), ws / "later_report.txt")
    return ws


def command(line: str, ws: Path) -> tuple[list[str] | None, str, str]:
    """The arguments of ``wargame`` for a README line (None: checked another way), its stdin,
    and a note."""
    for placeholder, value in PLACEHOLDERS.items():
        if placeholder in line:
            runs = newest("outputs/runs/*/*", ws, 2) if "{run" in value else ["", ""]
            game = newest("outputs/play/*/*", ws)[0] if "{game}" in value else ""
            sweep = newest(SWEEP, ws)[0] if "{sweep}" in value else ""
            room = newest("outputs/classroom/*/*", ws)[0] if "{room}" in value else ""
            filled = value.format(run_a=runs[-1], run_b=runs[0], game=game, sweep=sweep, room=room)
            line = line.replace(placeholder, filled)
    words = shlex.split(line)
    while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):  # VAR=value before the command
        words = words[1:]
    if words[0] == "make":
        return None, "", "not run: make sets up a virtualenv (the plain `wargame` line is run)"
    if any(c in words for c in CLUSTER):
        return None, "", "not run: needs a cluster; overrides parsed and launcher composed"
    if any(c in words for c in LOCAL_LAUNCHERS):
        return None, "", "launcher run by tests/experiment/test_launchers.py; parsed here"
    assert words[0] == "wargame", line
    args, stdin = words[1:], ""
    sub = args[0] if args and not args[0].startswith("-") and "=" not in args[0] else None
    if sub in SERVERS:
        return args, "", "server"
    if sub == "play":
        stdin = "q\n"
    elif sub is None and "--cfg" not in args:
        args += SHRINK[:2] if any(a.startswith("experiment=") for a in args) else SHRINK
    return args, stdin, ""


def run_server_line(line: str, args: list[str], ws: Path, log: Path) -> None:
    """A server's line as a real process (see the module's docstring for what is added)."""
    port = free_port()
    added = ["--port", str(port)]
    if args[0] == "classroom":
        added = ["--host", "127.0.0.1", *added]
        if "--resume" not in args:
            added += ["--steps", "2", "--review-replicates", "2"]
    proc, url = start_server([*wargame_command(), *args, *added], ws, port, log, base_env())
    try:
        if args[0] == "app":
            check_app_page(url)
        elif "--resume" in args:
            check_resumed_class(url, ws / args[args.index("--resume") + 1])
        else:
            play_to_the_end(url, ws / newest("outputs/classroom/*/*", ws)[0])
    finally:
        code = stop(proc, timeout=30)
    out = log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in out, f"{line}\n{out[-3000:]}"
    if args[0] == "classroom":
        assert code == 0, f"{line}: exit code {code}\n{out[-3000:]}"
        hint = re.escape("wargame classroom --resume outputs/classroom/")
        assert re.search(hint + r"\d{4}-\d\d-\d\d/\d\d-\d\d-\d\d_kursk_2024\n", out), out
    else:  # solara's runner ends on Ctrl-C with "Aborted." and exit code 1 (not killed: -9)
        assert code in (0, 1), f"{line}: exit code {code}\n{out[-3000:]}"


def check_app_page(url: str) -> None:
    """The web page answers, and everything it loads (scripts, style sheets, images) comes from
    the page's own server and is there (links to elsewhere, like "Made with Solara", load
    nothing)."""
    with urllib.request.urlopen(url + "/", timeout=30) as r:  # noqa: S310 - local server
        assert r.status == 200
        page = r.read().decode()
    loads = re.findall(r"<(?:script|img)\b[^>]*\bsrc=[\"']([^\"']+)", page)
    loads += re.findall(r"<link\b[^>]*\bhref=[\"']([^\"']+)", page)
    assert loads and not [u for u in loads if re.match(r"(https?:)?//", u)], loads
    for ref in loads:
        with urllib.request.urlopen(urllib.parse.urljoin(url + "/", ref), timeout=30) as r:  # noqa: S310
            assert r.status == 200, ref


def check_resumed_class(url: str, folder: Path) -> None:
    """The resumed, finished class: a team's code still joins and its page shows the end and the
    after-action review."""
    team = json.loads((folder / "classroom.json").read_text(encoding="utf-8"))["teams"][0]
    browser = Browser(url)
    status, body = browser.post("/join", code=team["code"])
    assert status == 200 and "Game over after 2 turns" in body, body[-2000:]
    assert 'href="/report"' in body and browser.get("/report")[0] == 200


def check_cluster_line(line: str) -> None:
    """A launcher line: Hydra's grammar reads it and the launcher config composes."""
    from hydra import compose, initialize_config_dir
    from hydra.core.override_parser.overrides_parser import OverridesParser

    from sim.config import register_configs
    from sim.experiment.catalog import CONF_DIR

    words = shlex.split(line.replace("-m ... ", "-m rules.noise=0.2,0.4 "))
    words = words[next(i for i, w in enumerate(words) if w == "wargame") + 1 :]
    overrides = [w for w in words if not w.startswith("-")]
    OverridesParser.create().parse_overrides(overrides)
    register_configs()
    launcher = [o for o in overrides if o.startswith("hydra/launcher=")]
    with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3"):
        cfg = compose("config", overrides=launcher, return_hydra_config=True)
    assert cfg.hydra.launcher._target_


@pytest.fixture(scope="module")
def wargame():
    """Runs each line's ``wargame`` in a process of its own, forked from one that imported the
    package once (tests/preloaded.py: the same as a shell's fresh process, minus 2-3 s of
    imports per line)."""
    with preloaded.server() as srv:
        yield srv


@pytest.mark.slow
@pytest.mark.parametrize("line", LINES)
def test_every_readme_line_runs(line, workspace, wargame, tmp_path):
    args, stdin, note = command(line, workspace)
    if args is None:
        if "parsed" in note:
            check_cluster_line(line)
        print(f"{line}: {note}")
        return
    if note == "server":
        run_server_line(line, args, workspace, tmp_path / "server.log")
        return
    classroom_report = args[0] == "report" and args[1].startswith("outputs/classroom/")
    review = workspace / args[1] / "report.md" if classroom_report else None
    before = review.stat().st_mtime_ns if review else 0  # the review the class itself wrote
    done = wargame.run(args, workspace, stdin=stdin, timeout=600)
    assert done.returncode == 0, f"{line}\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    if review:
        assert "After-action review written" in done.stdout
        assert review.stat().st_mtime_ns > before and review.with_suffix(".html").is_file()
