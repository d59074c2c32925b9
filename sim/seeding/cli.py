"""``wargame seed FILE``: a document in, a draft scenario, its report and provenance out.

    wargame seed seeds/DOC.txt [--name NAME] [--out scenarios/NAME.yaml] [--force]
    wargame seed seeds/LATER.txt --into scenarios/NAME.yaml [--dry-run]

A new draft never replaces an existing file without --force. With --into, what the later
document adds (new actors, relations, units, doctrine entries, injects dated by the document) is
merged into the scenario without changing any curated value; the file is rewritten in place,
the previous version kept as NAME.yaml.bak, and the difference printed (--dry-run prints it and
writes nothing). Every file is written atomically; on any error nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from sim.domain.errors import WargameError
from sim.domain.scenario_io import parse_scenario, read_yaml
from sim.seeding.checks import draft_checks
from sim.seeding.draft import Draft, draft_scenario, validate
from sim.seeding.extract import extract_file
from sim.seeding.gazetteer import slug
from sim.seeding.merge import merge
from sim.seeding.output import (
    backup,
    companions,
    provenance_json,
    refuse_overwrite,
    scenario_yaml,
    write_all,
)
from sim.seeding.report import render_report


def parser() -> argparse.ArgumentParser:
    """The command line of ``wargame seed``."""
    p = argparse.ArgumentParser(
        prog="wargame seed",
        description="Draft a scenario from a plain-text document (news report, briefing).",
    )
    p.add_argument("document", type=Path, help="the seed document, UTF-8 text or Markdown")
    p.add_argument("--name", help="scenario name, [a-z0-9_] (default: from the file name)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--out", type=Path, help="output file (default: scenarios/NAME.yaml)")
    where.add_argument("--into", type=Path, help="add this document to an existing scenario")
    p.add_argument("--force", action="store_true", help="replace an existing --out file")
    p.add_argument("--dry-run", action="store_true", help="print what would change; write nothing")
    p.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                   help="the document's publication date, for a text that dates itself nowhere "
                        "(its 'on Tuesday' is counted from it)")  # fmt: skip
    return p


def _iso_date(text: str) -> dt.date:
    """A --date value: a calendar date written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--date must be a date written YYYY-MM-DD, e.g. 2024-10-31; got {text!r}"
        ) from None


def main(argv: list[str] | None = None) -> int:
    """Run ``wargame seed``; 0 on success, 1 on a problem the user can fix (message on stderr)."""
    args = parser().parse_args(argv)
    try:
        if args.into is not None:
            return _update(args)
        return _seed(args)
    except WargameError as exc:
        print(f"wargame seed: {exc}", file=sys.stderr)
        return 1


def scenario_name(document: Path, name: str | None) -> str:
    """The given name, or the document's file stem as [a-z0-9_]."""
    chosen = name if name is not None else slug(document.stem)
    if not re.fullmatch(r"[a-z0-9_]+", chosen or ""):
        raise WargameError(f"scenario name {chosen!r} must be lowercase letters, digits and _")
    return chosen


def _seed(args: argparse.Namespace) -> int:
    name = scenario_name(args.document, args.name)
    out = args.out or Path("scenarios") / f"{name}.yaml"
    report, sidecar = companions(out)
    draft = draft_scenario(extract_file(args.document, args.date), name)
    if args.dry_run:
        print(_summary(draft, out, written=False))
        return 0
    refuse_overwrite([out, report, sidecar], args.force)
    header = (
        f"Draft scenario seeded from {args.document} by `wargame seed`.\n"
        "Every value names its source: a quote of the document, or `assumption: <reason>`.\n"
        f"Check the assumptions in {report.name} before teaching with it."
    )
    write_all({out: scenario_yaml(draft.data, header),
               report: render_report(draft, out.name),
               sidecar: provenance_json(_provenance(draft))})  # fmt: skip
    print(_summary(draft, out, written=True))
    return 0


def _update(args: argparse.Namespace) -> int:
    target: Path = args.into
    curated = read_yaml(target)
    parse_scenario(curated, source=str(target))
    draft = draft_scenario(extract_file(args.document, args.date), str(curated["name"]))
    merged, diff = merge(curated, draft)
    validate(merged, str(curated["name"]))
    print(f"{target}: {sum(d.startswith('+') for d in diff)} additions from {args.document}")
    print("\n".join(diff) if diff else "(nothing new)")
    if args.dry_run or not any(d.startswith("+") for d in diff):
        return 0
    report, sidecar = companions(target.with_name(f"{target.stem}.{slug(args.document.stem)}.yaml"))
    backup(target)
    write_all({target: _keep_header(target) + scenario_yaml(merged, ""),
               report: render_report(draft, target.name),
               sidecar: provenance_json(_provenance(draft))})  # fmt: skip
    print(f"Updated {target} (previous version: {target.name}.bak); report: {report}")
    return 0


def _keep_header(path: Path) -> str:
    """The comment lines a curated file starts with, kept on rewrite."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    head = []
    for line in lines:
        if not line.startswith("#"):
            break
        head.append(line)
    return "".join(head)


def _provenance(draft: Draft) -> dict:
    ex = draft.extraction
    return {
        "document": ex.doc.path,
        "sentences": [{"number": s.number, "span": [s.start, s.end]} for s in ex.doc.sentences],
        "mentions": [m.__dict__ for m in ex.mentions],
        "findings": [f.as_record() for f in ex.findings],
        "quantities": [q.__dict__ for q in ex.quantities],
        "passing_mentions": list(ex.passing),
        "sentences_with_unread_event_verbs": list(ex.unread),
        "warnings": draft_checks(draft),
        "values": draft.ledger.records(),
    }


def _summary(draft: Draft, out: Path, written: bool) -> str:
    d = draft.data
    counts = ", ".join(f"{len(d[k])} {k}" for k in ("actors", "relations", "theatres", "forces",
                                                   "injects", "milestones"))  # fmt: skip
    quoted = sum(u.span is not None for u in draft.ledger.uses)
    verb = "Wrote" if written else "Would write"
    warnings = "".join(f"warning: {w}\n" for w in draft_checks(draft))
    return (
        f"{verb} {out}: {counts}.\n{warnings}"
        f"{quoted} values quoted from the document, {len(draft.ledger.assumptions())} "
        f"assumptions (see {companions(out)[0]}).\n"
        f"Run it: wargame scenario={out.stem}"
        + ("" if out.parent.name == "scenarios" else f" (or scenario={out})")
    )
