"""No network at run time: every command, with its whole process tree, connects nowhere but the
loopback.

Each command runs in a new network namespace that has only a loopback interface (``unshare -n``,
so nothing can leak even if something tried), under ``strace -f`` recording every ``connect``
and ``sendto`` of every process and thread it starts (pool workers, the web page's server, Ray's
daemons). The test fails on any address that is not 127.0.0.0/8, ::1 or a local socket, which
includes DNS lookups. The browser's own requests are not the point here: the server's are.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXERCISE, KURSK, PROJECT, SEED_DOC

pytestmark = pytest.mark.slow

ADDRESS = re.compile(r'(?:sin_addr=inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)")')


def isolation() -> list[str]:
    """``unshare -n`` with the loopback up, plus strace; skip when the machine cannot."""
    if shutil.which("strace") is None:
        pytest.skip("needs strace")
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    return ["unshare", "-n", "sh", "-c", 'ip link set lo up 2>/dev/null; exec "$@"', "sh"] if (
        probe.returncode == 0) else []  # fmt: skip


def remote_connections(trace: Path) -> list[str]:
    """Every connect/sendto of the trace to an address that is not local."""
    found = []
    for path in trace.parent.glob(trace.name + "*"):
        for line in path.read_text(errors="replace").splitlines():
            if "connect(" not in line and "sendto(" not in line:
                continue
            if "htons(53)" in line:  # a DNS query, whatever the resolver's address
                found.append(line.strip()[:200])
                continue
            for v4, v6 in ADDRESS.findall(line):
                addr = v4 or v6
                if not (addr.startswith("127.") or addr in ("::1", "::ffff:127.0.0.1")):
                    found.append(line.strip()[:200])
    return found


def traced(argv: list[str], cwd: Path, stdin: str | None = None, timeout: float = 600,
           env: dict | None = None) -> tuple[subprocess.CompletedProcess, list[str]]:  # fmt: skip
    """Run ``wargame ARGV`` isolated and traced; its result and its non-local connections."""
    trace = cwd / "net.trace"
    cmd = [*isolation(), "strace", "-f", "-qq", "--seccomp-bpf", "-e", "trace=connect,sendto", "-o", str(trace),
           sys.executable, "-m", "sim.cli", *argv]  # fmt: skip
    full_env = {**os.environ, "CI": "1", "MPLBACKEND": "Agg",
                "WARGAME_SCENARIOS": str(PROJECT / "scenarios"),
                "PYTHONPATH": str(PROJECT), **(env or {})}  # fmt: skip
    res = subprocess.run(cmd, cwd=cwd, input=stdin, capture_output=True, text=True,
                         timeout=timeout, env=full_env)  # fmt: skip
    return res, remote_connections(trace)


def test_run_sweep_plot_compare_connect_nowhere(tmp_path):
    runs = []
    for name, extra in (  # two chunks on two pool workers; b's figures are not needed
        ("a", []),
        ("b", ["scenario.forces.kpa_expeditionary_corps.strength=30000", "plots=false"]),
    ):
        out = tmp_path / name
        res, remote = traced(["replicates=20", "steps=4", "workers=2", "chunk_size=10",
                              f"hydra.run.dir={out}", *extra], tmp_path)  # fmt: skip
        assert res.returncode == 0, res.stderr[-2000:]
        assert remote == [], remote
        runs.append(out)
    res, remote = traced(["-m", "rules=tit_for_tat,cautious", "replicates=2", "steps=3",
                          "plots=false", f"hydra.sweep.dir={tmp_path / 'sweep'}"], tmp_path)  # fmt: skip
    assert res.returncode == 0, res.stderr[-2000:]
    assert remote == [], remote
    for argv in (["plot", str(runs[0])], ["plot", str(tmp_path / "sweep")],
                 ["compare", str(runs[0]), str(runs[1]), "--out", str(tmp_path / "cmp")]):  # fmt: skip
        res, remote = traced(argv, tmp_path)
        assert res.returncode == 0, (argv, res.stderr[-2000:])
        assert remote == [], (argv, remote)


def test_seed_brief_play_report_connect_nowhere(tmp_path):
    steps = [
        (["seed", str(SEED_DOC), "--out", str(tmp_path / "d" / "draft.yaml")], None),
        (["brief", "--exercise", str(EXERCISE), "--out", str(tmp_path / "brief")], None),
        (["play", "--exercise", str(EXERCISE), "--as", "united_states", "--steps", "2",
          "--out", str(tmp_path / "game")], "1\n1\n"),
        (["report", str(tmp_path / "game"), "--replicates", "4"], None),
    ]  # fmt: skip
    for argv, stdin in steps:
        res, remote = traced(argv, tmp_path, stdin=stdin)
        assert res.returncode == 0, (argv, res.stdout[-1000:], res.stderr[-2000:])
        assert remote == [], (argv, remote)


def test_score_sensitivity_discover_calibrate_fork_connect_nowhere(tmp_path):
    """The analysing commands, as the README runs them (smaller)."""
    history = str(PROJECT / "scenarios" / "kursk_2024.history.yaml")
    sens, run = tmp_path / "sens", tmp_path / "run"
    steps = [
        ["replicates=3", "steps=6", "plots=false", f"hydra.run.dir={run}"],
        ["score", str(run), "--history", history, "--out", str(tmp_path / "score")],
        ["fork", str(run), "--replicate", "1", "--turn", "2", "--move", "russia=nuclear_signal",
         "--k", "1", "--out", str(tmp_path / "fork")],
        ["sensitivity", "--n", "2", "--param", "rules.noise", "--param", "combat.noise", "--out",
         str(sens), "replicates=2", "steps=4"],
        ["discover", str(sens), "--outcome", "prk_combat", "--out", str(tmp_path / "disc")],
        ["calibrate", "--history", history, "--param", "rules.noise", "--samples", "2", "--out",
         str(tmp_path / "cal"), "--experiment-dir", str(tmp_path / "cal"), "replicates=2",
         "steps=6"],
    ]  # fmt: skip
    for argv in steps:
        res, remote = traced(argv, tmp_path)
        assert res.returncode == 0, (argv, res.stdout[-1000:], res.stderr[-2000:])
        assert remote == [], (argv, remote)


def wait_for_server(port: int) -> str:
    """The start of a client script: wait (up to two minutes) until the server on ``port``
    answers, or exit saying it did not start."""
    return (
        "import sys, time, urllib.request as u\n"
        f'base = "http://127.0.0.1:{port}"\n'
        "for _ in range(240):\n"
        "    try:\n"
        '        u.urlopen(base + "/", timeout=2).read()\n'
        "        break\n"
        "    except OSError:\n"
        "        time.sleep(0.5)\n"
        "else:\n"
        '    sys.exit("server did not start")\n'
    )


CLIENT = (
    wait_for_server(8799)
    + """
for path in ("/_solara/cdn/katex@0.16.9/dist/katex.min.js", "/_solara/cdn/left-pad@1.3.0/index.js",
             "/_solara/cdn/..%2F..%2F..%2Fetc%2Fpasswd"):
    try:
        u.urlopen(base + path, timeout=10).read()
        print("served", path)
    except OSError as e:
        print("refused", path, e)
"""
)


def serve_and_visit(tmp_path: Path, argv: list[str], client: str) -> tuple[str, list[str]]:
    """Start ``wargame ARGV`` (a server) isolated and traced, run ``client`` against it, stop
    the server's whole process group; the client's output and the tree's remote connections."""
    trace = tmp_path / "net.trace"
    (tmp_path / "client.py").write_text(client, encoding="utf-8")
    server = ["strace", "-f", "-qq", "--seccomp-bpf", "-e", "trace=connect,sendto", "-o",
              str(trace), sys.executable, "-m", "sim.cli", *argv]  # fmt: skip
    (tmp_path / "run.sh").write_text(
        "setsid " + " ".join(f"'{a}'" for a in server) + " > server.log 2>&1 < /dev/null &\n"
        f"SERVER=$!\n'{sys.executable}' client.py; STATUS=$?\n"
        "kill -TERM -- -$SERVER; sleep 2; kill -KILL -- -$SERVER 2>/dev/null\nexit $STATUS\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "WARGAME_SCENARIOS": str(PROJECT / "scenarios"),
        "PYTHONPATH": str(PROJECT),
    }
    res = subprocess.run([*isolation(), "bash", "run.sh"], cwd=tmp_path, capture_output=True,
                         text=True, timeout=300, env=env)  # fmt: skip
    log = (tmp_path / "server.log").read_text(errors="replace")
    assert res.returncode == 0, res.stdout + res.stderr[-2000:] + log[-2000:]
    return res.stdout, remote_connections(trace)


def test_the_web_page_server_connects_nowhere(tmp_path):
    """The page's server, asked for assets it does not have (KaTeX, any npm path), answers 404
    and downloads nothing."""
    pytest.importorskip("solara")
    out, remote = serve_and_visit(tmp_path, ["app", "--exercise", str(EXERCISE), "--as",
                                             "united_states", "--port", "8799"], CLIENT)  # fmt: skip
    assert "refused /_solara/cdn/katex" in out, out
    assert "served" not in out, out
    assert remote == [], remote


CLASS_CLIENT = (
    wait_for_server(8798)
    + """
for path in ("/", "/brief", "/static/../../../../etc/passwd", "/report"):
    try:
        print(path, len(u.urlopen(base + path, timeout=10).read()))
    except OSError as e:
        print(path, "refused", e)
"""
)


def test_the_classroom_server_connects_nowhere(tmp_path):
    """A whole class's server (pages, briefing, static files, review) asks nothing of the
    network."""
    pytest.importorskip("starlette")
    out, remote = serve_and_visit(tmp_path, ["classroom", "--exercise", str(EXERCISE), "--team",
                                             "blue=united_states", "--host", "127.0.0.1",
                                             "--port", "8798", "--out", str(tmp_path / "class")],
                                  CLASS_CLIENT)  # fmt: skip
    assert "/ " in out and "root:" not in out, out
    assert remote == [], remote


def test_a_ray_sweep_connects_nowhere(tmp_path):
    """The local Ray launcher as the README gives it (dashboard and all): Ray's cloud-metadata
    probe (``usage_lib.get_cloud_from_metadata_requests``, run by its API server even with
    usage statistics off) goes to a closed loopback port (``sim/offline.py``), so nothing but
    the loopback is ever asked."""
    pytest.importorskip("ray")
    pytest.importorskip("hydra_plugins.hydra_ray_launcher")
    res, remote = traced(["-m", "hydra/launcher=ray", "hydra.launcher.ray.init.address=local",
                          "+hydra.launcher.ray.init.num_cpus=2", "rules=tit_for_tat,cautious",
                          "replicates=2", "steps=2", "plots=false",
                          f"hydra.sweep.dir={tmp_path / 'sweep'}"], tmp_path, timeout=900)  # fmt: skip
    assert res.returncode == 0, res.stderr[-3000:]
    assert remote == [], remote


def test_the_trace_sees_a_connection_when_there_is_one(tmp_path):
    """The check itself: a process that tries a public address is caught."""
    trace = tmp_path / "net.trace"
    code = "import socket; s=socket.socket(); s.settimeout(1); s.connect_ex(('8.8.8.8', 53))"
    subprocess.run([*isolation(), "strace", "-f", "-qq", "--seccomp-bpf", "-e", "trace=connect", "-o", str(trace),
                    sys.executable, "-c", code], check=True, timeout=60)  # fmt: skip
    assert any("8.8.8.8" in line for line in remote_connections(trace))
    assert KURSK.is_file()
