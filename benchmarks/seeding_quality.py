"""Precision and recall of seeding (actors and relations) over the gold-annotated documents.

    .venv/bin/python benchmarks/seeding_quality.py [GOLD_DIR]

Reads every ``*.gold.yaml`` in GOLD_DIR (default: tests/seeding/docs; the patterns were
developed on these) and in its ``heldout/`` folder (written and annotated after the last change
to the patterns, never tuned on), drafts each document and compares the draft's actors and
relations with the gold ones. Prints one line per document and a micro-averaged total per set;
the last line is a JSON object with the totals.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sim.seeding.evaluate import Score, evaluate

DEFAULT_GOLD = Path(__file__).resolve().parents[1] / "tests" / "seeding" / "docs"
HEADER = f"{'document':18s} {'actors P':>9s} {'R':>6s} {'relations P':>12s} {'R':>6s}  misses"


def score_set(golds: list[Path]) -> dict[str, Score]:
    """Print one line per document; return the summed actor and relation scores."""
    totals = {"actors": Score(0, 0, 0), "relations": Score(0, 0, 0)}
    for gold in golds:
        result, _ = evaluate(gold)
        totals["actors"] += result["actors"]
        totals["relations"] += result["relations"]
        notes = result["missed_relations"] + [f"extra {x}" for x in result["extra_relations"]]
        notes += [f"missed actor {a}" for a in result["missed_actors"]]
        notes += [f"extra actor {a}" for a in result["extra_actors"]]
        print(
            _line(result["document"], result["actors"], result["relations"]), " ", "; ".join(notes)
        )
    print(_line("all (micro)", totals["actors"], totals["relations"]))
    return totals


def _line(name: str, a: Score, r: Score) -> str:
    cells = [(a.precision, 9), (a.recall, 6), (r.precision, 12), (r.recall, 6)]
    return f"{name:18s} " + " ".join(
        "n/a".rjust(w) if v is None else f"{v:{w}.2f}" for v, w in cells
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _as_json(totals: dict[str, Score], documents: int) -> dict:
    out: dict = {"documents": documents}
    for name, s in totals.items():
        out[name] = {"precision": _round(s.precision), "recall": _round(s.recall),
                     "tp": s.tp, "fp": s.fp, "fn": s.fn}  # fmt: skip
    return out


def main(argv: list[str]) -> int:
    """Print both tables and the JSON line; 1 when there are no gold files."""
    gold_dir = Path(argv[0]) if argv else DEFAULT_GOLD
    sets = {"development": sorted(gold_dir.glob("*.gold.yaml")),
            "held_out": sorted((gold_dir / "heldout").glob("*.gold.yaml"))}  # fmt: skip
    if not any(sets.values()):
        print(f"no *.gold.yaml files in {gold_dir}", file=sys.stderr)
        return 1
    summary = {}
    for name, golds in sets.items():
        if golds:
            print(f"\n{name.replace('_', '-')} documents\n{HEADER}")
            summary[name] = _as_json(score_set(golds), len(golds))
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
