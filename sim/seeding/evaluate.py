"""Extraction quality against hand-written gold annotations (precision and recall).

A gold file ``<doc>.gold.yaml`` lists the actors and the relations (kind and parties) a careful
reader finds in ``<doc>.txt``. A relation counts as found when the draft has one of the same
kind between the same parties (in order for supply: supplier, recipient).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sim.seeding.draft import Draft, draft_scenario
from sim.seeding.extract import extract_file
from sim.seeding.facts import SYMMETRIC

RelationKey = tuple[str, tuple[str, ...]]


@dataclass(frozen=True)
class Score:
    """True positives, false positives and false negatives of one comparison."""

    tp: int
    fp: int
    fn: int

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        """Share of found items that are right; None when nothing was found."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """Share of gold items found; None when the gold has none."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def relation_key(kind: str, parties: list[str]) -> RelationKey:
    """A relation's identity: its kind and parties (sorted unless the order means something)."""
    return kind, tuple(sorted(parties)) if kind in SYMMETRIC else tuple(parties)


def compare(found: set, gold: set) -> Score:
    """Score a set of found items against the gold set."""
    return Score(len(found & gold), len(found - gold), len(gold - found))


def document_of(gold_path: Path) -> Path:
    """The document a gold file annotates: its ``document:`` entry, else ``<stem>.txt``."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    if "document" in gold:
        return (gold_path.parent / gold["document"]).resolve()
    return gold_path.with_name(gold_path.name.removesuffix(".gold.yaml") + ".txt")


def evaluate(gold_path: Path) -> tuple[dict[str, Any], Draft]:
    """Actor and relation scores of the draft of one gold-annotated document."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    draft = draft_scenario(extract_file(document_of(gold_path)), "evaluation")
    actors = set(draft.data["actors"])
    relations = {relation_key(r["kind"], r["parties"]) for r in draft.data["relations"].values()}
    gold_relations = {relation_key(r["kind"], r["parties"]) for r in gold["relations"]}
    return {
        "document": gold_path.name.removesuffix(".gold.yaml"),
        "actors": compare(actors, set(gold["actors"])),
        "relations": compare(relations, gold_relations),
        "missed_relations": sorted(map(str, gold_relations - relations)),
        "extra_relations": sorted(map(str, relations - gold_relations)),
        "extra_actors": sorted(actors - set(gold["actors"])),
        "missed_actors": sorted(set(gold["actors"]) - actors),
    }, draft
