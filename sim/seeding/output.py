"""Writing a draft and its companions atomically: all or nothing, never a partial file.

Beside ``NAME.yaml`` go ``NAME.report.html`` (the document with its spans highlighted) and
``NAME.provenance.json`` (every value's sentence number and character span). Every file is
first written to a temporary file in the same directory, then renamed into place; if anything
fails before the renames, no output file exists.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

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
    """Write every file or none: temporary files first, then renames."""
    temps: list[tuple[Path, Path]] = []
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.chmod(tmp, 0o666 & ~_umask())
            temps.append((Path(tmp), path))
    except OSError as exc:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
        raise SeedingError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    for tmp, path in temps:
        os.replace(tmp, path)


def _umask() -> int:
    """The process's file-creation mask (temporary files are private; outputs are not)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def refuse_overwrite(paths: list[Path], force: bool) -> None:
    """Refuse to replace existing files unless ``force``."""
    existing = [str(p) for p in paths if p.exists()]
    if existing and not force:
        raise SeedingError(
            f"{', '.join(existing)} already exist(s); nothing was written. Use --force to "
            "replace it, --out to write elsewhere, or --into to add this document to an "
            "existing scenario."
        )
