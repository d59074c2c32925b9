"""``wargame`` commands in processes of their own, without paying the imports each time.

A command typed at a shell starts a new Python, which spends 2-3 CPU-seconds importing Hydra,
Mesa, pandas, pyarrow and matplotlib before it does anything; a test suite that runs a hundred
commands pays that a hundred times. Here one server process imports the package once and then
forks a fresh child per command. Each child is still a process of its own, like one started
from a shell: its own working folder, environment, standard input and output, process group and
exit code, and nothing a command does reaches the next one (each starts from the same state: the
package imported, nothing run). What it does not check is the interpreter's start-up itself;
tests that are about that (``--help`` speed, a fresh ``python -m sim.cli``) start a real one.

Use :func:`server` (a context manager) or :func:`shared` (one server per test process, started
on first use) and its ``run(args, cwd, stdin=..., env=...)``, which returns a
``subprocess.CompletedProcess`` like ``subprocess.run(..., capture_output=True, text=True)``.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The server: imports every command's module, then forks one child per request (one JSON line on
# its stdin) and answers "pid N" at once and "rc N" when the child has ended.
SERVER = r"""
import atexit, importlib, json, os, sys, traceback
import sim.cli
for module, _ in sim.cli.SUBCOMMANDS.values():
    importlib.import_module(module)
for module in ("sim.experiment.run", "sim.experiment.sweep", "sim.analysis.run_plots",
               "sim.analysis.sweep_plots", "pyarrow.parquet"):
    importlib.import_module(module)
reply = os.fdopen(os.dup(1), "w", buffering=1)
os.dup2(2, 1)  # anything the imports or a child's start print goes to stderr, not the replies

def child(req):
    os.setsid()
    os.chdir(req["cwd"])
    os.environ.clear()
    os.environ.update(req["env"])
    for fd, (path, flags) in enumerate(((req["stdin"], os.O_RDONLY),
                                        (req["stdout"], os.O_WRONLY | os.O_TRUNC),
                                        (req["stderr"], os.O_WRONLY | os.O_TRUNC))):
        opened = os.open(path, flags)
        os.dup2(opened, fd)
        os.close(opened)
    sys.stdin = sys.__stdin__ = open(0, encoding="utf-8", closefd=False)
    sys.stdout = sys.__stdout__ = open(1, "w", encoding="utf-8", closefd=False)
    sys.stderr = sys.__stderr__ = open(2, "w", encoding="utf-8", closefd=False, buffering=1)
    sys.argv = ["wargame", *req["args"]]
    code = 0
    try:
        sim.cli.main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if not isinstance(exc.code, (int, type(None))):
            print(exc.code, file=sys.stderr)
    except KeyboardInterrupt:
        code = 130
    except BaseException:
        traceback.print_exc()
        code = 1
    try:
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)

for line in sys.stdin:
    req = json.loads(line)
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        child(req)
    reply.write(f"pid {pid}\n")
    _, status = os.waitpid(pid, 0)
    reply.write(f"rc {os.waitstatus_to_exitcode(status)}\n")
"""


class Server:
    """One preloaded server process; :meth:`run` runs a ``wargame`` command in a fresh fork."""

    def __init__(self, env: dict[str, str] | None = None):
        self.env = env or {}  # on top of base_env() at each command, as a subprocess inherits it
        self.tmp = Path(tempfile.mkdtemp(prefix="wargame-preloaded-"))
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=(self.tmp / "server.log").open("w"), env={**base_env(), **self.env},
            cwd=self.tmp,
        )  # fmt: skip
        self.buffer = b""

    def _reply(self, timeout: float) -> int | None:
        """The number of the server's next reply line (None: none within ``timeout`` s)."""
        fd, deadline = self.proc.stdout.fileno(), time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                return None
            chunk = os.read(fd, 4096)
            if not chunk:
                log = (self.tmp / "server.log").read_text(errors="replace")
                raise RuntimeError(f"the preloaded wargame server stopped: {log[-3000:]}")
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return int(line.split()[1])

    def run(self, args: list[str], cwd: Path, stdin: str = "", timeout: float = 600,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:  # fmt: skip
        """``wargame ARGS`` in ``cwd`` in a fresh child (``env``: extra variables)."""
        files = {name: self.tmp / name for name in ("stdin", "stdout", "stderr")}
        files["stdin"].write_text(stdin, encoding="utf-8")
        files["stdout"].write_text("")
        files["stderr"].write_text("")
        env = {**base_env(), **self.env, **(env or {})}
        request = {"args": list(args), "cwd": str(cwd), "env": env,
                   **{name: str(path) for name, path in files.items()}}  # fmt: skip
        self.proc.stdin.write(json.dumps(request).encode() + b"\n")
        self.proc.stdin.flush()
        pid = self._reply(60)
        assert pid is not None, "the preloaded wargame server did not start the command"
        code = self._reply(timeout)
        if code is None:
            os.killpg(pid, signal.SIGKILL)
            self._reply(60)  # the killed child's exit, so the next reply is the next command's
            raise subprocess.TimeoutExpired(["wargame", *args], timeout)
        out, err = (files[n].read_text(encoding="utf-8", errors="replace") for n in ("stdout", "stderr"))  # fmt: skip
        return subprocess.CompletedProcess(["wargame", *args], code, out, err)

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=60)
        shutil.rmtree(self.tmp, ignore_errors=True)


def base_env() -> dict[str, str]:
    """This environment, with the project on ``PYTHONPATH``, ``CI=1`` and the Agg backend."""
    return {**os.environ, "CI": "1", "MPLBACKEND": "Agg", "PYTHONPATH": str(ROOT)}


@contextmanager
def server(env: dict[str, str] | None = None) -> Iterator[Server]:
    """A preloaded ``wargame`` server whose commands get :func:`base_env` (taken when each
    command starts) and ``env``; closed at the end."""
    srv = Server(env)
    try:
        yield srv
    finally:
        srv.close()


_SHARED: list[Server] = []


def shared() -> Server:
    """This test process's preloaded server (started on first use, closed at exit)."""
    if not _SHARED or _SHARED[0].proc.poll() is not None:
        _SHARED[:] = [Server()]
        atexit.register(_SHARED[0].close)
    return _SHARED[0]
