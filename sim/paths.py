"""Where a file named inside another file may be.

A scenario's ``seed_document``, an exercise pack's ``scenario:`` and ``deck:`` are written by
whoever wrote the file, not by the person running the command, so they may only point inside
the project's own folders (``scenarios/``, ``seeds/``, of the project and of the working
folder, and ``$WARGAME_SCENARIOS``) or inside the naming file's own folder. The check is made
on the resolved path, so ``..`` and symbolic links that lead out of those folders are refused
too: a scenario cannot copy ``/etc/passwd`` into a student handout. Such a name must be a relative
path without ``..``. Paths typed on the command line are the user's own choice and are not
restricted.
"""

from __future__ import annotations

from pathlib import Path

from sim.domain.errors import ConfigError
from sim.experiment.catalog import PROJECT_ROOT, scenarios_dir


def allowed_folders(owner_folder: Path) -> list[Path]:
    """The folders a file named inside a file of ``owner_folder`` may be in, resolved."""
    candidates = [
        Path(owner_folder),
        scenarios_dir(),
        scenarios_dir().parent / "seeds",
        PROJECT_ROOT / "scenarios",
        PROJECT_ROOT / "seeds",
        Path.cwd() / "scenarios",
        Path.cwd() / "seeds",
    ]
    return list(dict.fromkeys(p.resolve() for p in candidates))


def inside_allowed(path: Path, owner_folder: Path) -> bool:
    """Whether ``path`` (after following links and ``..``) lies in an allowed folder."""
    real = Path(path).resolve()
    return any(real.is_relative_to(folder) for folder in allowed_folders(owner_folder))


def referenced_file(name: str, owner: Path, field: str, bases: list[Path]) -> Path | None:
    """The file ``name`` (a value of ``field`` in the file ``owner``), looked up in ``bases``.

    Returns None when no base holds it; raises ConfigError, naming the owner file, the field
    and the allowed folders, when it exists but lies outside them.
    """
    owner = Path(owner)
    if Path(name).is_absolute() or ".." in Path(name).parts:
        raise ConfigError(
            f"{owner}: {field}: {name!r} leads outside the allowed folders; allowed: a relative "
            "path without '..', to a file in the project's scenarios/ or seeds/ folder or in "
            f"the folder of {owner.name}"
        )
    for base in bases:
        path = Path(base) / name
        if not path.exists():
            continue
        if not inside_allowed(path, owner.parent):
            folders = ", ".join(str(f) for f in allowed_folders(owner.parent))
            raise ConfigError(
                f"{owner}: {field}: {name!r} leads outside the allowed folders (symbolic links "
                f"and '..' included); allowed: files in {folders}"
            )
        return path
    return None
