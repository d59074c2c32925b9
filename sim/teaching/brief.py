"""The student handout: the situation in plain words, the actors and their relations, the
forces, the escalation ladder and the milestones, each fact with the sentence of the source
document it came from (or the scenario author's stated assumption).

Written from the scenario alone (plus an exercise pack's objectives and notes): an instructor's
inject deck is a surprise and stays out of the briefing.
"""

from __future__ import annotations

from pathlib import Path

from sim.domain.ladder import standard_ladder
from sim.domain.scenario import Scenario, Sourced
from sim.paths import referenced_file
from sim.teaching.doc import Doc, html_to_text
from sim.teaching.turns import actor_name, words
from sim.teaching.world import Exercise

_ACTOR_FACTS = ("kind", "nuclear", "initial_rung", "max_rung", "adversaries", "members",
                "risk_tolerance", "escalation_propensity", "grievance")  # fmt: skip


def quote(entity: Sourced, fld: str | None = None) -> str:
    """Where a value came from: the document's words in quotes, or the author's assumption."""
    text = (entity.sources.get(fld) if fld else None) or entity.source
    if not text:
        return "(no source given)"
    text = " ".join(text.split())
    if text.lower().startswith("assumption:"):
        return "Assumption: " + text.split(":", 1)[1].strip()
    return f"“{text}”"


def briefing(
    world: Scenario, exercise: Exercise | None = None, seed_text: str | None = None
) -> Doc:
    """The whole handout as a Doc (render it with ``.html()`` / ``.markdown()``)."""
    doc = Doc(f"Briefing: {world.title}")
    if exercise is not None:
        _exercise_part(doc, exercise)
    situation_section(doc, world)
    _actors(doc, world)
    _relations(doc, world)
    _forces(doc, world)
    _ladder(doc)
    _watch(doc, world)
    if seed_text:
        doc.heading("The source document")
        for para in [p for p in seed_text.split("\n\n") if p.strip()]:
            doc.para(" ".join(para.split()))
    return doc


def _exercise_part(doc: Doc, ex: Exercise) -> None:
    doc.heading(f"Exercise: {ex.title}")
    if ex.objectives:
        doc.heading("Learning objectives", 3).bullets(list(ex.objectives))
    for note in ex.briefing_notes:
        doc.note(note)


def situation_section(doc: Doc, w: Scenario) -> None:
    """The situation in plain words: start, turn length, wars and occupied ground, with sources."""
    doc.heading("The situation")
    doc.para(f"The game starts on {w.start_date:%d %B %Y}. Each turn is {w.step_days} days. "
             f"{len(w.actors)} states and alliances take part.")  # fmt: skip
    if w.seed_document:
        doc.para(
            f"Everything below comes from the document {w.seed_document}; where it is "
            "silent the scenario's author says so and gives a reason (an assumption)."
        )
    facts = []
    for r in w.relations.values():
        a, b = (actor_name(w, p) for p in r.parties)
        if r.kind == "war":
            facts.append(f"{a} and {b} are at war. Source: {quote(r, 'kind')}")
        elif r.kind == "treaty" and r.mutual_defence:
            facts.append(f"{a} and {b} are bound by a mutual-defence treaty. "
                         f"Source: {quote(r, 'mutual_defence')}")  # fmt: skip
        elif r.kind == "supply" and r.restricted_use:
            facts.append(f"{a} supplies {r.goods} to {b}, with restrictions on their use. "
                         f"Source: {quote(r, 'restricted_use')}")  # fmt: skip
    for t in w.theatres.values():
        if t.held_by:
            facts.append(f"{actor_name(w, t.held_by)} holds a salient in {t.name}, on "
                         f"{actor_name(w, t.territory_of)}'s own territory "
                         f"({t.initial_control:.0%} of it at the start). "
                         f"Source: {quote(t, 'held_by')}")  # fmt: skip
    doc.bullets(facts)


def _actors(doc: Doc, w: Scenario) -> None:
    labels = standard_ladder().labels
    doc.heading("The actors")
    idx = standard_ladder().index
    rows = [[a.name, a.kind, "yes" if a.nuclear else "no", labels[idx(a.initial_rung)],
             labels[idx(a.max_rung)],
             ", ".join(actor_name(w, x) for x in a.adversaries) or "-"]
            for a in w.actors.values()]  # fmt: skip
    doc.table(
        ["Actor", "Kind", "Nuclear", "Stands at", "Highest rung it may reach", "Adversaries"], rows
    )
    doc.heading("Each actor's facts and their sources", 3)
    for a in w.actors.values():
        facts = [
            f"{words(f)}: {_value(w, getattr(a, f))} — {quote(a, f)}"
            for f in _ACTOR_FACTS
            if f in a.sources or (a.source and f in a.model_fields_set)
        ]
        for line in a.doctrine.values():
            facts.append(f"doctrine: {line.reason} (then: {words(line.then)}) — {quote(line)}")
        doc.heading(a.name, 4).bullets(facts)


def _value(w: Scenario, v: object) -> str:
    if isinstance(v, list):
        return ", ".join(actor_name(w, x) for x in v) or "none"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, str) and v in standard_ladder().rung_ids:
        return standard_ladder().labels[standard_ladder().index(v)]
    return str(v)


def _relations(doc: Doc, w: Scenario) -> None:
    doc.heading("Relations between the actors")
    rows = []
    for r in w.relations.values():
        notes = [r.name or ""]
        if r.mutual_defence:
            notes.append("mutual defence")
        if r.kind == "supply":
            notes.append(f"{r.goods}" + (", use restricted" if r.restricted_use else ""))
        parties = " → ".join if r.kind == "supply" else " – ".join
        rows.append(
            [
                r.kind,
                parties(actor_name(w, p) for p in r.parties),
                "; ".join(n for n in notes if n) or "-",
                quote(r, "parties"),
            ]
        )
    doc.table(["Kind", "Parties", "Terms", "Source"], rows)


def _forces(doc: Doc, w: Scenario) -> None:
    doc.heading("Forces")
    rows = [[f.description or uid, actor_name(w, f.actor), w.theatres[f.theatre].name,
             f"{f.strength:,.0f}", f"{f.quality:g}", "yes" if f.in_combat else "no",
             quote(f, "strength")]
            for uid, f in w.forces.items()]  # fmt: skip
    doc.table(
        ["Unit", "Actor", "Theatre", "Strength", "Quality", "In combat", "Source of strength"], rows
    )


def _ladder(doc: Doc) -> None:
    ladder = standard_ladder()
    doc.heading("The escalation ladder")
    doc.para(
        "Every actor stands on one rung. A move up or down is one of the actions listed; "
        "hold keeps the rung, step down goes one rung lower."
    )
    rows = [
        [
            r.index,
            r.label,
            r.description,
            ", ".join(words(a) for a in r.actions),
            words(r.kahn_group),
            r.mid_level,
            f"{r.goldstein:+.1f}",
        ]
        for r in ladder.rungs
    ]
    doc.table(["Rung", "Label", "Meaning", "Actions", "Kahn group", "MID level", "Goldstein"], rows)
    doc.bullets([f"Kahn's threshold “{t.label}” lies between rung {t.below} and rung {t.below + 1}."
                 for t in ladder.thresholds])  # fmt: skip


def _watch(doc: Doc, w: Scenario) -> None:
    if w.injects:
        doc.heading("Scheduled events")
        doc.table(
            ["When", "Event", "Source"],
            [
                [
                    str(i.date or f"turn {i.step}" if i.date or i.step else "when it happens"),
                    " ".join(i.text.split()),
                    quote(i, "text"),
                ]
                for i in w.injects.values()
            ],
        )
    if w.milestones:
        doc.heading("Milestones to watch")
        doc.table(
            ["Milestone", "Source"], [[m.description, quote(m)] for m in w.milestones.values()]
        )


def seed_text_of(world: Scenario, scenario_file: Path) -> str | None:
    """The seed document's text, looked up beside the scenarios folder, if it is there.

    Only files inside the project's folders or the scenario's own folder are read
    (``sim.paths``); an HTML document is reduced to its text.
    """
    if not world.seed_document:
        return None
    bases = (scenario_file.parent.parent, scenario_file.parent, Path.cwd())
    path = referenced_file(world.seed_document, scenario_file, "seed_document", list(bases))
    if path is None or not path.is_file():
        return None
    text = path.read_text(encoding="utf-8", errors="replace")
    return html_to_text(text) if path.suffix.lower() in (".html", ".htm") else text
