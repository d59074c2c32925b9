"""Seeding quality on the answer-keyed corpus: precision and recall per item kind, per set.

    .venv/bin/python benchmarks/seeding_quality.py [CORPUS_DIR] [--replicates N] [--sets dev,...]
                                                   [--summary] [--texts TEXTS_DIR]

CORPUS_DIR (default tests/seeding/corpus) holds ``dev/`` (the documents the extractor was
developed on), ``heldout/`` (written with their answer keys before the extractor existed, never
tuned on), ``fresh/`` and ``fresh2/`` (further held-out sets, each written after the one before
had been scored) and ``fresh3/`` (12 documents written blind, keys first, by a writer who had
not read the extractor's code). ``--sets dev`` scores only the development set, as while
developing: the per-document lines of the other sets name their misses, so read only their
summary tables there; ``--summary`` prints no per-document lines at all (for scoring a blind set
without seeing its misses). With more than one set, a last table pools them (counts summed). For
each set: one line per document (its misses and extras), then the micro-averaged precision and
recall of actors, relations, forces and conditionals, the relations missed because the draft
lacks one of their parties, the share of right start dates among the keys that give one (a
key gives none when neither the text nor the page's date fixes the day; seeded with
the page's publication date where the key gives it as ``published``, as a user passes ``--date``;
and from the text alone), passing-mention actors per document, and the share of drafts from texts
that report hostilities whose simulation moves (some actor leaves its start rung in at least half of
N replicates, default 20). Then the time to seed 20 documents after start-up.
The last line is a JSON object with every figure.

``--texts TEXTS_DIR`` reads each key's document from ``TEXTS_DIR/<set>/<doc>.txt`` instead of
beside the key: the real-news keys kept in ``benchmarks/realnews/`` are scored against texts
kept outside the repository (``benchmarks/realnews/README.md``). A key whose text is missing or
is not the text that was keyed (``text_sha256``), or a key YAML cannot read, is named and no
figure is printed (exit 2).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from sim.seeding.errors import SeedingError
from sim.seeding.evaluate import Score, evaluate, load_key, moves
from sim.seeding.keyed_texts import keyed_text
from sim.seeding.nlp import pipeline

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "seeding" / "corpus"
KINDS = ("actors", "relations", "forces", "conditionals")
SETS = ("dev", "heldout", "fresh", "fresh2", "fresh3")


def score_set(golds: list[Path], replicates: int, quiet: bool = False,
              texts: Path | None = None) -> dict:  # fmt: skip
    """Print one line per document (none when ``quiet``); return the set's figures."""
    totals = {k: Score(0, 0, 0) for k in KINDS}
    dates, text_dates, passing, hostile, moving, failed = [], [], [], 0, 0, 0
    lost_to_actors = 0
    for gold in golds:
        r, draft = evaluate(gold, texts)
        for k in KINDS:
            totals[k] += r[k]
        dates.append(r["date_right"])
        text_dates.append(r["date_right_text"])
        failed += bool(r["failed"])
        passing.append(len(r["passing_actors"]))
        lost_to_actors += r["relations_missed_for_a_party"]
        notes = [f"FAILED: {r['failed']}"] if r["failed"] else []
        notes += [f"missed {k} {x}" for k in KINDS for x in r[f"missed_{k}"]]
        notes += [f"extra {k} {x}" for k in KINDS for x in r[f"extra_{k}"]]
        if r["hostilities"]:
            hostile += 1
            share = moves(draft, replicates) if draft else 0.0
            moving += share >= 0.5
            notes.append(f"moves in {share:.0%} of replicates")
        if draft and not r["date_right"]:
            notes.append(f"start date {draft.data['start_date']} wrong")
        if not quiet:
            print(f"  {r['document']:22s} " + "; ".join(notes))
    out: dict = {"documents": len(golds)}
    for k, s in totals.items():
        out[k] = {"precision": _r(s.precision), "recall": _r(s.recall),
                  "tp": s.tp, "fp": s.fp, "fn": s.fn}  # fmt: skip
    out["relations_missed_for_a_party"] = lost_to_actors
    dated = [d for d in dates if d is not None]  # a key with no start date: nothing dates it
    out["dated_documents"] = len(dated)
    out["start_dates_right"] = _r(sum(dated) / len(dated)) if dated else None
    out["start_dates_right_from_text"] = (
        _r(sum(bool(d) for d in text_dates if d is not None) / len(dated)) if dated else None
    )
    out["passing_actors_max_per_document"] = max(passing)
    out["passing_actors_mean"] = _r(sum(passing) / len(passing))
    out["hostile_drafts_with_dynamics"] = _r(moving / hostile) if hostile else None
    out["hostile_documents"] = hostile
    out["failed_documents"] = failed
    return out


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _table(name: str, s: dict) -> str:
    rows = [f"{name}: {s['documents']} documents"]
    rows += [f"  {k:13s} precision {s[k]['precision']}  recall {s[k]['recall']}  "
             f"(tp {s[k]['tp']}, fp {s[k]['fp']}, fn {s[k]['fn']})" for k in KINDS]  # fmt: skip
    rows.append(f"  relations missed because the draft lacks a party: "
                f"{s['relations_missed_for_a_party']} of {s['relations']['fn']}")  # fmt: skip
    rows.append(f"  start dates right {s['start_dates_right']} of {s['dated_documents']} dated "
                f"(from the text alone, without "
                f"the page's date: {s['start_dates_right_from_text']}); passing-mention actors per "
                f"document: max {s['passing_actors_max_per_document']}, "
                f"mean {s['passing_actors_mean']}")  # fmt: skip
    rows.append(
        f"  drafts of hostile texts that move: {s['hostile_drafts_with_dynamics']} "
        f"(of {s['hostile_documents']})"
    )
    if s["failed_documents"]:
        rows.append(f"  documents the seeding stage refused (scored as finding nothing): "
                    f"{s['failed_documents']}")  # fmt: skip
    return "\n".join(rows)


def pooled(summary: dict) -> dict:
    """The sets' figures pooled as one set: counts summed (micro-averages), shares weighted by
    each set's documents (passing actors), dated documents (dates) or hostile documents
    (moving drafts), the worst passing max."""
    sets = list(summary.values())
    out: dict = {"documents": sum(s["documents"] for s in sets)}
    for k in KINDS:
        total = sum((Score(s[k]["tp"], s[k]["fp"], s[k]["fn"]) for s in sets), Score(0, 0, 0))
        out[k] = {"precision": _r(total.precision), "recall": _r(total.recall),
                  "tp": total.tp, "fp": total.fp, "fn": total.fn}  # fmt: skip
    out["relations_missed_for_a_party"] = sum(s["relations_missed_for_a_party"] for s in sets)
    out["dated_documents"] = sum(s["dated_documents"] for s in sets)
    for key in ("start_dates_right", "start_dates_right_from_text"):
        out[key] = (_r(sum((s[key] or 0) * s["dated_documents"] for s in sets)
                       / out["dated_documents"]) if out["dated_documents"] else None)  # fmt: skip
    out["passing_actors_mean"] = _r(
        sum(s["passing_actors_mean"] * s["documents"] for s in sets) / out["documents"]
    )
    out["passing_actors_max_per_document"] = max(s["passing_actors_max_per_document"] for s in sets)
    out["hostile_documents"] = sum(s["hostile_documents"] for s in sets)
    moving = sum(round((s["hostile_drafts_with_dynamics"] or 0) * s["hostile_documents"])
                 for s in sets)  # fmt: skip
    out["hostile_drafts_with_dynamics"] = (
        _r(moving / out["hostile_documents"]) if out["hostile_documents"] else None
    )
    out["failed_documents"] = sum(s["failed_documents"] for s in sets)
    return out


def seeding_time(docs: list[Path], n: int = 20) -> float:
    """Seconds to extract and draft ``n`` documents once the pipeline is loaded."""
    from sim.seeding.draft import draft_scenario
    from sim.seeding.extract import extract_file

    pipeline()
    chosen = (docs * n)[:n]
    t0 = time.perf_counter()
    for d in chosen:
        draft_scenario(extract_file(d), "timing")
    return time.perf_counter() - t0


def main(argv: list[str]) -> int:
    """Print the sets' tables, the timing and the JSON line; 1 when there is no corpus, 2 when
    an answer key is malformed."""
    replicates = 20
    if "--replicates" in argv:
        i = argv.index("--replicates")
        replicates = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2 :]
    quiet = "--summary" in argv
    argv = [a for a in argv if a != "--summary"]
    names = SETS
    if "--sets" in argv:
        i = argv.index("--sets")
        names = tuple(argv[i + 1].split(","))
        argv = argv[:i] + argv[i + 2 :]
    texts = None
    if "--texts" in argv:
        i = argv.index("--texts")
        texts = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2 :]
    corpus = Path(argv[0]) if argv else DEFAULT
    sets = {name: sorted((corpus / name).glob("*.gold.yaml")) for name in names}
    if not any(sets.values()):
        print(f"no */*.gold.yaml files in {corpus}", file=sys.stderr)
        return 1
    docs, refused = {}, []
    for gold in (g for golds in sets.values() for g in golds):
        try:
            docs[gold] = keyed_text(gold, load_key(gold), texts)
        except SeedingError as err:  # a malformed key, a missing or altered text
            refused.append(str(err))
    if refused:  # every refusal named, before any figure is printed
        print("\n".join(f"seeding_quality: {e}" for e in refused), file=sys.stderr)
        return 2
    summary: dict = {}
    for name, golds in sets.items():
        if golds:
            if not quiet:
                print(f"\n{name} documents")
            try:
                summary[name] = score_set(golds, replicates, quiet, texts)
            except SeedingError as err:  # a malformed answer key: named, no table printed
                print(f"seeding_quality: {err}", file=sys.stderr)
                return 2
    for name, s in summary.items():
        print(_table(name, s))
    if len(summary) > 1:
        summary["pooled"] = pooled(summary)
        print(_table(f"pooled ({' + '.join(n for n in summary if n != 'pooled')})",
                     summary["pooled"]))  # fmt: skip
    timed = sets.get("dev") or next(iter(sets.values()))
    summary["seconds_for_20_documents"] = round(seeding_time([docs[g] for g in timed]), 2)
    print(f"seeding 20 documents after start-up: {summary['seconds_for_20_documents']} s")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
