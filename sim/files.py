"""The one way the project writes an output file and reads a results file back.

Writing: every output goes to a hidden temporary name in its own folder, is flushed to disk
(``fsync``) and only then renamed to its final name, so a reader never sees a half-written
file under a final name: after a crash or a full disk there is either the old file, the whole
new file, or nothing. A failed write removes its temporary file and raises ``OutputError``
with one line naming the file and the cause ("no space left on device").

Reading: a results table or manifest that is truncated, empty or not what it claims to be is
an ``OutputError`` naming the file, never a traceback from pyarrow or json.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sim.domain.errors import WargameError


class OutputError(WargameError):
    """An output that cannot be written, or a results file that cannot be read back."""


def describe_os_error(exc: OSError) -> str:
    """An OSError in a few plain words ("no space left on device")."""
    if exc.errno == errno.ENOSPC:
        return "no space left on device"
    if exc.errno == errno.EDQUOT:
        return "disk quota exceeded"
    if exc.errno in (errno.EEXIST, errno.ENOTDIR):
        return "a file is in the way (a folder is needed there)"
    return (exc.strerror or str(exc)).lower()


def folder_in_the_way(path: Path) -> Path | None:
    """The file that stops ``path`` from being (or becoming) a folder: ``path`` itself or one
    of its parents; None when there is none."""
    for p in (Path(path), *Path(path).parents):
        if p.exists():
            return None if p.is_dir() else p
    return None


def check_output_folder(path: Path, what: str = "folder") -> Path:
    """``path``, after checking that no file stands where it or a parent folder must be (an
    OutputError naming it and ``what`` it is, e.g. ``--out``); nothing is made."""
    path = Path(path)
    blocker = folder_in_the_way(path)
    if blocker is not None:
        raise OutputError(f"{what} {path}: {blocker} is a file, not a folder; give a folder")
    return path


def output_folder(path: Path, what: str = "folder") -> Path:
    """Make the folder ``path`` (and its parents) for outputs, or find it made; an OutputError
    naming it (and ``what`` it is, e.g. ``--out``) when a file is in the way or it cannot be
    made. Every command makes its output folders here, before it writes into them."""
    path = check_output_folder(path, what)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"{what} {path}: cannot make the folder: {describe_os_error(exc)}"
        ) from None
    return path


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path in ``path``'s folder to write to; renamed to ``path`` on success.

    For writers that want a file name (matplotlib, pyarrow). The temporary file is removed
    if the body fails; an OSError becomes an OutputError naming ``path``.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {describe_os_error(exc)}") from None
    tmp = Path(tmp_name)
    try:
        yield tmp
        _fsync(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {describe_os_error(exc)}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: str | bytes) -> Path:
    """Write text (UTF-8) or bytes to ``path`` through a temporary file and a rename."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(path) as tmp:
        tmp.write_bytes(payload)
    return Path(path)


def write_json(path: Path, data: Any) -> Path:
    """Write ``data`` as indented JSON, atomically."""
    return write_atomic(path, json.dumps(data, indent=2, default=str))


def write_with(path: Path, writer: Callable[[Path], Any]) -> Path:
    """Let ``writer(tmp_path)`` write the file (e.g. ``fig.savefig``), then rename it."""
    with atomic_path(path) as tmp:
        writer(tmp)
    return Path(path)


def read_json(path: Path, what: str = "manifest") -> dict[str, Any]:
    """A JSON object from a results folder; missing, truncated or non-object files are errors."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise OutputError(f"{path}: missing ({what})") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise OutputError(
            f"{path} is not a valid {what} (truncated or edited?): {_one_line(exc)}"
        ) from None
    if not isinstance(data, dict):
        raise OutputError(f"{path} is not a valid {what}: expected a JSON object")
    return data


def read_parquet(path: Path, columns: list[str] | None = None, filters: list | None = None):
    """A results table as a DataFrame (``columns``, and the rows ``filters`` keep, if given);
    a truncated or foreign file is an OutputError."""
    import pandas as pd

    path = Path(path)
    with _parquet_errors(path):
        return pd.read_parquet(path, columns=columns, filters=filters)


def check_parquet(path: Path) -> None:
    """Raise OutputError unless ``path`` ends with a readable Parquet footer: a truncated,
    empty or foreign file is caught here, before anything is drawn from its folder (reading the
    footer costs a millisecond; the table itself is read later)."""
    import pyarrow.parquet as pq

    with _parquet_errors(path):
        pq.read_metadata(path)


@contextlib.contextmanager
def _parquet_errors(path: Path) -> Iterator[None]:
    """Turn a missing, truncated or foreign Parquet file into one OutputError naming it."""
    import pyarrow as pa

    try:
        yield
    except FileNotFoundError:
        raise OutputError(f"{path}: missing results table") from None
    except (OSError, pa.ArrowException, ValueError) as exc:
        raise OutputError(
            f"{path} is not a readable Parquet table (truncated, or written by a run that "
            f"crashed?): {_one_line(exc)}"
        ) from None


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200]


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _umask() -> int:
    """The process's file-creation mask (mkstemp files are private; outputs are not)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
