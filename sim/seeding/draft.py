"""From an extraction to a draft scenario that validates with the project's own schema.

The draft is a plain mapping in the scenario file's layout; every value carries its source (an
exact quote of the document, or ``assumption: <reason>`` from ``data/defaults.yaml``). It is
validated with ``sim.domain.scenario_io.parse_scenario`` before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sim.domain.errors import ScenarioError
from sim.domain.ladder import standard_ladder
from sim.domain.scenario import Scenario
from sim.domain.scenario_io import parse_scenario
from sim.seeding.draft_actors import draft_actors
from sim.seeding.draft_doctrine import draft_doctrine
from sim.seeding.draft_events import draft_injects, draft_milestones
from sim.seeding.draft_forces import draft_forces, draft_theatres
from sim.seeding.draft_fronts import draft_fronts
from sim.seeding.draft_relations import draft_relations
from sim.seeding.errors import SeedingError
from sim.seeding.extract import Extraction
from sim.seeding.facts import Facts, sort_findings
from sim.seeding.findings import load_data
from sim.seeding.provenance import Ledger


@dataclass(frozen=True)
class Draft:
    """A drafted scenario: the mapping to write, the validated Scenario, and its provenance."""

    data: dict[str, Any]
    scenario: Scenario
    ledger: Ledger
    extraction: Extraction
    facts: Facts


def draft_scenario(ex: Extraction, name: str) -> Draft:
    """Build and validate the draft scenario called ``name`` from one extraction."""
    ledger = Ledger(ex.doc)
    facts = sort_findings(ex)
    relations = draft_relations(facts, ledger)
    theatres = draft_theatres(ex, ledger)
    actors = draft_actors(ex, facts, theatres, ledger)
    forces = draft_forces(ex, facts, theatres, ledger)
    fronts = draft_fronts(ex, facts, actors, theatres, forces, ledger, relations)
    doctrine = draft_doctrine(facts, relations, actors, forces, theatres, ledger)
    for aid, entries in fronts.items():
        for eid, entry in entries.items():
            doctrine.setdefault(aid, {}).setdefault(eid, entry)
    for aid, entries in doctrine.items():
        actors[aid]["doctrine"] = entries
        fit_ceiling(aid, actors[aid], ledger)
    milestones = draft_milestones(ex, facts, actors, forces, theatres, ledger)
    data = {**_header(ex, name, ledger), "actors": actors, "relations": relations,
            "theatres": theatres, "forces": forces,
            "injects": draft_injects(ex, facts, ex.date.date, ledger),
            "milestones": milestones}  # fmt: skip
    return Draft(data, validate(data, name), ledger, ex, facts)


def fit_ceiling(aid: str, actor: dict[str, Any], ledger: Ledger) -> None:
    """Raise an actor's max rung to its doctrine's highest action, sourced by that entry; an
    entry that would need nuclear weapons the actor lacks is dropped (and noted)."""
    ladder = standard_ladder()
    signalling = ladder.index("nuclear_signalling")
    for eid, entry in list(actor["doctrine"].items()):
        rung = ladder.rung_of(entry["then"])
        path = f"actors.{aid}.doctrine.{eid}"
        if rung >= signalling and not actor["nuclear"]:
            del actor["doctrine"][eid]
            ledger.assume(
                f"{path} (dropped)",
                entry["then"],
                "the document's threat needs nuclear weapons the actor does not have",
            )
        elif rung > ladder.index(actor["max_rung"]):
            actor["max_rung"] = ladder.rung_ids[rung]
            actor["sources"]["max_rung"] = ledger.same_as(f"actors.{aid}.max_rung",
                                                          actor["max_rung"], path)  # fmt: skip
    if not actor["doctrine"]:
        del actor["doctrine"]


def validate(data: dict[str, Any], name: str) -> Scenario:
    """The draft as a Scenario; a draft that does not validate is a seeding bug, said so."""
    try:
        return parse_scenario(data, source=f"draft {name}")
    except ScenarioError as exc:
        raise SeedingError(
            f"The draft for {name} does not validate, which is a bug in the seeding stage; "
            f"please report it with the document.\n{exc}"
        ) from None


def _header(ex: Extraction, name: str, ledger: Ledger) -> dict[str, Any]:
    d = load_data("defaults.yaml")["scenario"]
    first = ex.doc.sentences[0]
    title = first.text if len(first.text) <= 90 else first.text[:90].rsplit(" ", 1)[0] + " ..."
    start = ex.date.date.isoformat()
    quoted = ex.date.span and not ex.date.source.startswith("assumption:")  # a guessed year
    date_source = (ledger.quote("start_date", start, ex.date.span) if quoted
                   else ledger.assume("start_date", start, ex.date.source))  # fmt: skip
    return {
        "name": name,
        "title": title,
        "seed_document": ex.doc.path,
        "start_date": start,
        "step_days": d["step_days"],
        "sources": {
            "name": ledger.assume("name", name, "the name given to the draft"),
            "title": ledger.quote("title", title, (first.start, first.end)),
            "seed_document": ledger.assume(
                "seed_document", ex.doc.path, "the document this draft was seeded from"
            ),
            "start_date": date_source,
            "step_days": ledger.assume("step_days", d["step_days"], d["step_days_reason"]),
        },
    }
