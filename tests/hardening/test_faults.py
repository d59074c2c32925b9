"""Faults: a full disk and a killed parent.

Full disk: each command writes into a small tmpfs mounted in a private mount namespace
(``unshare -m``; skipped where the machine cannot). Whatever the size, the command ends with
one clear line ("no space left on device") and no traceback, or succeeds; a ``run.json`` that
says "complete" comes with every table and figure; no temporary file is left behind; a
truncated file never sits under a final name; ``seed --into`` never replaces a good backup.

Killed parent: ``kill -9`` of ``wargame`` (what the out-of-memory killer does) while its pool
works must not leave the workers running.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import EXERCISE, KURSK, PROJECT, SEED_DOC

pytestmark = pytest.mark.slow

REPORT_SH = """
mount -t tmpfs -o size={size} tmpfs {mnt} || exit 97
cd {mnt}
{setup}
{cmd} > {log}/stdout 2> {log}/stderr < /dev/null
echo $? > {log}/rc
find {mnt} -printf '%y %s %P\\n' > {log}/files
cp {mnt}/run/run.json {log}/run.json 2>/dev/null
cp {mnt}/d/k.yaml.bak {log}/k.yaml.bak 2>/dev/null
exit 0
"""


def on_small_disk(tmp_path: Path, size: str, argv: list[str], setup: str = "") -> dict:
    """Run ``wargame ARGV`` with its working folder on a tmpfs of ``size``; what it left."""
    if subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode != 0:
        pytest.skip("needs unshare -m (mount namespaces) to mount a small tmpfs")
    mnt, log = tmp_path / "disk", tmp_path / "log"
    mnt.mkdir()
    log.mkdir()
    cmd = " ".join(f"'{a}'" for a in [sys.executable, "-m", "sim.cli", *argv])
    script = REPORT_SH.format(size=size, mnt=mnt, cmd=cmd, log=log, setup=setup)
    env = {**os.environ, "CI": "1", "MPLBACKEND": "Agg", "PYTHONPATH": str(PROJECT),
           "WARGAME_SCENARIOS": str(PROJECT / "scenarios")}  # fmt: skip
    res = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True,
                         timeout=900, env=env)  # fmt: skip
    if res.returncode == 97:
        pytest.skip("cannot mount a tmpfs here")
    files = {}
    for line in (log / "files").read_text().splitlines():
        kind, size_, name = line.split(" ", 2)
        if kind == "f":
            files[name] = int(size_)
    out = {"rc": int((log / "rc").read_text()), "stderr": (log / "stderr").read_text(),
           "stdout": (log / "stdout").read_text(), "files": files}  # fmt: skip
    if (log / "run.json").exists():
        out["run"] = json.loads((log / "run.json").read_text())
    if (log / "k.yaml.bak").exists():
        out["bak"] = (log / "k.yaml.bak").read_bytes()
    return out


def assert_clean_failure_or_success(result: dict) -> None:
    err = result["stderr"]
    assert "Traceback" not in err + result["stdout"], err[-3000:]
    leftovers = [n for n in result["files"] if n.endswith((".partial", ".tmp"))]
    assert leftovers == [], leftovers
    if result["rc"] != 0:
        assert "no space left on device" in err.lower(), err[-2000:]


@pytest.mark.parametrize("size", ["150k", "420k", "700k"])
def test_a_run_on_a_full_disk_fails_cleanly_and_truthfully(tmp_path, size):
    result = on_small_disk(tmp_path, size, ["replicates=20", "steps=10", "hydra.run.dir=run"])
    assert_clean_failure_or_success(result)
    run = result.get("run")
    if run is not None and run.get("status") == "complete":
        assert result["rc"] == 0
        figures = [n for n in result["files"] if n.startswith("run/plots/") and n.endswith(".png")]
        assert len(figures) >= 5, figures
    if result["rc"] != 0:
        assert run is None or run.get("status") != "complete", run and run.get("status")


@pytest.mark.parametrize("size", ["40k", "120k"])
def test_brief_on_a_full_disk_leaves_no_truncated_handout(tmp_path, size):
    result = on_small_disk(tmp_path, size, ["brief", "--exercise", str(EXERCISE), "--out", "b"])
    assert_clean_failure_or_success(result)
    if result["rc"] != 0:
        html = result["files"].get("b/briefing.html")
        assert html is None, "a briefing.html exists although the write failed"


def test_seed_on_a_full_disk_writes_nothing(tmp_path):
    result = on_small_disk(tmp_path, "24k", ["seed", str(SEED_DOC), "--out", "d/draft.yaml"])
    assert result["rc"] == 1
    assert_clean_failure_or_success(result)
    assert not [n for n in result["files"] if n.startswith("d/") and not n.endswith("/")]


def test_seed_into_on_a_full_disk_keeps_the_good_backup(tmp_path):
    """An earlier good ``.bak`` survives a ``seed --into`` that runs out of space."""
    good = KURSK.read_bytes()
    setup = (f"mkdir d && cp {KURSK} d/k.yaml && cp {KURSK} d/k.yaml.bak && "
             "dd if=/dev/zero of=filler bs=1k count=100000 2>/dev/null; true")  # fmt: skip
    later = PROJECT / "tests" / "seeding" / "corpus" / "kursk_update.txt"
    result = on_small_disk(tmp_path, "96k", ["seed", str(later), "--into", "d/k.yaml"], setup)
    assert_clean_failure_or_success(result)
    assert result["rc"] == 1 and "no space left on device" in result["stderr"].lower()
    assert result.get("bak") == good, "the earlier good backup was replaced"


def _children(pid: int) -> set[int]:
    """Every descendant process of ``pid`` (from /proc)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, pp in parents.items() if pp in frontier} - found
        found |= frontier
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


def test_pool_workers_exit_when_the_parent_is_killed(tmp_path):
    env = {**os.environ, "CI": "1", "MPLBACKEND": "Agg", "PYTHONPATH": str(PROJECT)}
    proc = subprocess.Popen([sys.executable, "-m", "sim.cli", "replicates=4000", "steps=26",
                             "workers=2", "chunk_size=20", "plots=false",
                             f"hydra.run.dir={tmp_path / 'run'}"], cwd=tmp_path, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 240
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(1)
            workers = _children(proc.pid)
        assert len(workers) >= 2, "the pool never started"
        time.sleep(2)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 30
        while _alive(workers) and time.monotonic() < deadline:
            time.sleep(1)
        left = _alive(workers)
    finally:
        for pid in _alive(workers):  # clean up what this test started
            os.kill(pid, signal.SIGKILL)
    assert left == set(), f"workers still running 30 s after the parent was killed: {left}"
