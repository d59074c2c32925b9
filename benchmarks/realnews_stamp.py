"""Stamp real-news answer keys with the SHA-256 of the text each was keyed on.

    .venv/bin/python benchmarks/realnews_stamp.py KEYS_DIR TEXTS_DIR

For every ``KEYS_DIR/<set>/<doc>.gold.yaml`` whose text ``TEXTS_DIR/<set>/<doc>.txt`` exists,
writes (or rewrites) the key's ``text_sha256:`` line, so that the benchmark scores the key only
against that very text (``sim.seeding.keyed_texts``). The key must name its page in a
``source:`` line; the rest of the key, comments included, is left as it is. A key without a
text or without a ``source`` is named and nothing is written (exit 2): stamp a set once its
texts are final, before anything is scored on it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from sim.seeding.errors import SeedingError
from sim.seeding.evaluate import load_key
from sim.seeding.keyed_texts import text_hash

_STAMP = re.compile(r"^text_sha256:.*\n", re.M)


def stamped(key_text: str, sha: str) -> str:
    """The key's text with one ``text_sha256`` line, right after its ``source`` line."""
    key_text = _STAMP.sub("", key_text)
    return re.sub(r"^(source:.*\n)", rf"\1text_sha256: {sha}\n", key_text, count=1, flags=re.M)


def main(argv: list[str]) -> int:
    """Stamp every key under KEYS_DIR from TEXTS_DIR; 2 (and nothing written) on any gap."""
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    keys, texts = Path(argv[0]), Path(argv[1])
    plan, gaps = [], []
    for key in sorted(keys.glob("*/*.gold.yaml")):
        text = texts / key.parent.name / (key.name.removesuffix(".gold.yaml") + ".txt")
        try:
            gold = load_key(key)
        except SeedingError as err:
            gaps.append(str(err))
            continue
        if not text.is_file():
            gaps.append(f"{key}: no text at {text}")
        elif "source" not in gold:
            gaps.append(f"{key}: no source: line naming the page the text was taken from")
        else:
            plan.append((key, text_hash(text)))
    if gaps or not plan:
        print("\n".join(gaps) or f"no <set>/*.gold.yaml keys in {keys}", file=sys.stderr)
        return 2
    for key, sha in plan:
        key.write_text(stamped(key.read_text(encoding="utf-8"), sha), encoding="utf-8")
    print(f"stamped {len(plan)} keys")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
