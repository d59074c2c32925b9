"""Writing a draft and its companions atomically: all or nothing, never a partial file.

Beside ``NAME.yaml`` go ``NAME.report.html`` (the document with its spans highlighted) and
``NAME.provenance.json`` (every value's sentence number and character span). Every file is
first written to a temporary file in the same directory, then renamed into place; if anything
fails before the renames, no output file exists.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import yaml

from sim.files import OutputError, atomic_path, describe_os_error, write_atomic
from sim.seeding.errors import SeedingError


def companions(out: Path) -> tuple[Path, Path]:
    """The report and the provenance sidecar that go beside a scenario file."""
    stem = out.name.removesuffix(".yaml").removesuffix(".yml")
    return out.with_name(f"{stem}.report.html"), out.with_name(f"{stem}.provenance.json")


def scenario_yaml(data: dict[str, Any], header: str) -> str:
    """The scenario as YAML text (safe_dump, keys in the file's order) under a comment header."""
    lines = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return lines + body


def provenance_json(records: dict[str, Any]) -> str:
    """The provenance sidecar as JSON text."""
    return json.dumps(records, ensure_ascii=False, indent=1, default=str)


def write_all(files: dict[Path, str]) -> None:
    """Write every file or none: each to a temporary name first (``sim.files``), then renames.

    A failure before the renames (a full disk) removes every temporary file and raises
    SeedingError naming the file; no output file is created or replaced.
    """
    path = None
    try:
        with contextlib.ExitStack() as stack:
            for path, text in files.items():
                tmp = stack.enter_context(atomic_path(path))
                tmp.write_text(text, encoding="utf-8")
    except OutputError as exc:
        raise SeedingError(f"C{str(exc)[1:]}; nothing was written.") from None
    except OSError as exc:
        raise SeedingError(
            f"Cannot write {path}: {describe_os_error(exc)}; nothing was written."
        ) from None


def backup(path: Path) -> Path:
    """Copy ``path`` to ``path.bak`` through a temporary file: an earlier good backup is
    replaced only by a complete copy, never by a truncated one."""
    bak = path.with_name(path.name + ".bak")
    try:
        write_atomic(bak, path.read_bytes())
    except (OutputError, OSError) as exc:
        raise SeedingError(f"Cannot back up {path}: {exc}; nothing was written.") from None
    return bak


def refuse_overwrite(paths: list[Path], force: bool) -> None:
    """Refuse to replace existing files unless ``force``."""
    existing = [str(p) for p in paths if p.exists()]
    if existing and not force:
        raise SeedingError(
            f"{', '.join(existing)} already exist(s); nothing was written. Use --force to "
            "replace it, --out to write elsewhere, or --into to add this document to an "
            "existing scenario."
        )
