"""Extraction quality against answer keys written before the extractor ran (precision, recall).

An answer key ``<doc>.gold.yaml`` beside ``<doc>.txt`` lists what a careful reader finds:
``actors`` (the parties to a relation or event), ``passing`` (named only in passing),
``relations`` (kind and parties), ``forces`` (actor and strength the text gives),
``conditionals`` (who threatens whom: actor, target), ``start_date`` and ``hostilities``
(whether the text reports fighting). An optional ``published`` is input, not answer: the
publication date the page shows, which a user passes as ``wargame seed --date``; the document is
seeded with it, and the start date is also scored as if it were not given (``date_right_text``).
A relation counts as found when the draft has one of the same kind between the same parties (in
order for supply: supplier, recipient); a force when a unit of that actor has that strength
quoted from the text; a conditional when the actor has a doctrine entry drawn from a conditional
statement or a threat against that target. A missed relation one of whose parties the draft lacks
altogether is counted apart (``relations_missed_for_a_party``): it was lost to actor finding, not
to relation finding.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sim.seeding.dates import date_of
from sim.seeding.draft import Draft, draft_scenario
from sim.seeding.errors import SeedingError
from sim.seeding.extract import extract_file
from sim.seeding.facts import SYMMETRIC
from sim.seeding.gazetteer import Gazetteer, slug
from sim.seeding.keyed_texts import keyed_text
from sim.seeding.unnamed_groups import UNNAMED_IDS

RelationKey = tuple[str, tuple[str, ...]]
THREAT_REASON = "The document states it as a condition"


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


def load_key(gold_path: Path) -> dict[str, Any]:
    """An answer key as a mapping; a key YAML cannot read is refused with its file named."""
    try:
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, ValueError) as err:  # ValueError: a date such as 2024-13-04
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise SeedingError(f"{gold_path}: not a readable answer key: {first}") from None
    if not isinstance(gold, dict):
        raise SeedingError(f"{gold_path}: an answer key is a mapping of actors, relations, "
                           f"forces, conditionals, start_date and hostilities")  # fmt: skip
    return gold


def found_items(draft: Draft) -> dict[str, set]:
    """What the draft holds, as sets comparable with an answer key."""
    d = draft.data
    stated = {(u["actor"], u["strength"]) for u in d["forces"].values()
              if not u["sources"]["strength"].startswith("assumption:")}  # fmt: skip
    threats = {(aid, e.get("target")) for aid, a in d["actors"].items()
               for e in a.get("doctrine", {}).values()
               if e.get("reason", "").startswith(THREAT_REASON)}  # fmt: skip
    return {
        "actors": set(d["actors"]),
        "relations": {relation_key(r["kind"], r["parties"]) for r in d["relations"].values()},
        "forces": stated,
        "conditionals": threats,
    }


def evaluate(gold_path: Path, texts: Path | None = None) -> tuple[dict[str, Any], Draft | None]:
    """Scores of the draft of one answer-keyed document, per item kind.

    The document is found and checked by ``keyed_texts.keyed_text`` (beside the key, or under
    ``texts``); a missing or altered text is refused (``SeedingError``), not scored.

    A document the seeding stage refuses (``SeedingError``) scores as finding nothing: its
    draft is None, ``failed`` holds the message, and every item of its key is a miss."""
    gold = load_key(gold_path)
    failed, draft, text_date = None, None, None
    published = _published(gold, gold_path)
    document = keyed_text(gold_path, gold, texts)
    try:
        ex = extract_file(document, published)
        draft = draft_scenario(ex, "evaluation")
        text_date = date_of(ex.doc).date.isoformat() if published else ex.date.date.isoformat()
        found = _renamed(found_items(draft), _same_actor(ex.gazetteer, gold))
    except SeedingError as err:
        failed = str(err).splitlines()[0]
        found = {k: set() for k in ("actors", "relations", "forces", "conditionals")}
    want = {
        "actors": set(gold["actors"]),
        "relations": {relation_key(r["kind"], r["parties"]) for r in gold["relations"]},
        "forces": {(f["actor"], f["strength"]) for f in gold.get("forces", [])},
        "conditionals": {(c["actor"], c.get("target")) for c in gold.get("conditionals", [])},
    }
    result: dict[str, Any] = {"document": gold_path.name.removesuffix(".gold.yaml"),
                              "failed": failed}  # fmt: skip
    for k in want:
        result[k] = compare(found[k], want[k])
        result[f"missed_{k}"] = sorted(map(str, want[k] - found[k]))
        result[f"extra_{k}"] = sorted(map(str, found[k] - want[k]))
    result["passing_actors"] = sorted(found["actors"] & set(gold.get("passing", [])))
    result["relations_missed_for_a_party"] = sum(
        not set(parties) <= found["actors"] for _, parties in want["relations"] - found["relations"]
    )
    start = gold.get("start_date")
    want_date = start.isoformat() if isinstance(start, dt.date) else start
    result["date_right"] = (
        None if start is None else bool(draft and draft.data["start_date"] == want_date)
    )
    result["date_right_text"] = None if start is None else text_date == want_date
    result["hostilities"] = bool(gold.get("hostilities"))
    return result, draft


def _published(gold: dict, gold_path: Path) -> dt.date | None:
    """The key's ``published`` date (YYYY-MM-DD), or None when the key gives none."""
    value = gold.get("published")
    if value is None or isinstance(value, dt.date):
        return value
    raise SeedingError(f"{gold_path}: published must be a date written YYYY-MM-DD, "
                       f"e.g. 2024-10-31; got {str(value)[:40]!r}")  # fmt: skip


def _same_actor(gaz: Gazetteer, gold: dict) -> dict[str, str]:
    """Found actor id -> the answer key's id for it, where they differ only in the label.

    An answer key names an actor by an id its writer chose; the draft by the gazetteer's or by
    the name the document introduced. They are the same actor when the key's id is one of the
    draft actor's names (its display name, an alias, or its initials) written as an id:
    "syrian_democratic_forces" is the key's "sdf", "national_liberation_army" its "eln". An
    unnamed group (``unnamed_groups``: "rebels", "armed_group") has no name of its own: it is
    the one key actor the draft lacks whose id ends with its noun ("south_sudan_rebels").
    """
    wanted = set(gold.get("actors", [])) | set(gold.get("passing", []))
    names: dict[str, set[str]] = {}
    for alias, (aid, _) in gaz.aliases.items():
        names.setdefault(aid, {aid}).add(slug(alias))
    out = {}
    for aid, known in gaz.actors.items():
        ids = names.get(aid, {aid}) | {slug(known.name), _initials(known.name)}
        match = sorted(ids & wanted - {aid})
        if aid not in wanted and match:
            out[aid] = match[0]
        elif aid in UNNAMED_IDS and aid not in wanted:  # an unnamed group: the key's label
            match = sorted(w for w in wanted - set(gaz.actors)  # ending with its noun
                           if w.rstrip("s").endswith(aid.rstrip("s")))  # fmt: skip
            if len(match) == 1:
                out[aid] = match[0]
    return out


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper()).lower()


def _renamed(found: dict[str, set], rename: dict[str, str]) -> dict[str, set]:
    """The found items with actor ids relabelled."""

    def r(x):
        if isinstance(x, str):
            return rename.get(x, x)
        if isinstance(x, tuple):
            return tuple(r(y) for y in x)
        return x

    out = {k: {r(x) for x in v} for k, v in found.items()}
    out["relations"] = {relation_key(k, list(p)) for k, p in out["relations"]}
    return out


def moves(draft: Draft, replicates: int = 20, turns: int = 26) -> float:
    """Share of replicates in which some actor leaves its start rung (the draft has dynamics)."""
    from sim.abm.model import EscalationModel

    moved = 0
    for r in range(replicates):
        model = EscalationModel(draft.scenario, rng=r)
        start = {a.actor_id: a.rung for a in model.actor_list}
        left = False
        for _ in range(turns):
            model.step()
            left = left or any(a.rung != start[a.actor_id] for a in model.actor_list)
        moved += left
    return moved / replicates
