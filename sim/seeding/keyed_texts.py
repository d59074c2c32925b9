"""Where an answer key's document is, and whether it is the very text that was keyed.

Real news articles are third-party text: the repository keeps only their answer keys
(``benchmarks/realnews/<set>/<doc>.gold.yaml``), each naming the page it was taken from
(``source``) and the SHA-256 of the exact text that was keyed (``text_sha256``). The texts live
in a folder outside the repository, with the same ``<set>/<doc>.txt`` layout, rebuilt from the
sources when a machine lacks them. A key is scored only against its own text: a missing text or
one whose hash differs (another excerpt of the page, an edit) is refused with the key named,
since its figures would describe another document.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from sim.seeding.errors import SeedingError

_HEX = re.compile(r"[0-9a-f]{64}")


def text_hash(path: Path) -> str:
    """The SHA-256 of a text file's bytes, as 64 lowercase hex digits."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def keyed_text(gold_path: Path, gold: dict, texts: Path | None = None) -> Path:
    """The document a key annotates, checked against the key's ``text_sha256`` when it has one.

    Without ``texts`` the document sits beside the key (``<doc>.txt``, or the key's
    ``document:`` entry); with it, at ``texts/<set>/<doc>.txt``, ``<set>`` being the key's
    folder name."""
    stem = gold_path.name.removesuffix(".gold.yaml")
    if texts is not None:
        path = texts / gold_path.parent.name / f"{stem}.txt"
    elif "document" in gold:
        path = (gold_path.parent / str(gold["document"])).resolve()
    else:
        path = gold_path.with_name(f"{stem}.txt")
    want = gold.get("text_sha256")
    if want is None:
        return path
    if not isinstance(want, str) or not _HEX.fullmatch(want):
        raise SeedingError(f"{gold_path}: text_sha256 must be 64 lowercase hex digits (the "
                           f"SHA-256 of the keyed text); got {str(want)[:70]!r}")  # fmt: skip
    if not path.is_file():
        raise SeedingError(f"{gold_path}: its text {path} is missing; rebuild it from the key's "
                           f"source (benchmarks/realnews/README.md)")  # fmt: skip
    if text_hash(path) != want:
        raise SeedingError(f"{gold_path}: {path} is not the text that was keyed (its SHA-256 "
                           f"differs from text_sha256); rebuild it from the key's source "
                           f"(benchmarks/realnews/README.md)")  # fmt: skip
    return path
