"""A team's role brief: its situation, objectives, what it knows and does not know, how to play,
and the ladder. The instructor's brief (``wargame brief`` without ``--as``) has everything.

A role brief shows only the played actors' own doctrine: the other actors' declared rules and
the instructor's inject deck stay hidden, as a government would not read its rivals' plans.
"""

from __future__ import annotations

from sim.domain.ladder import standard_ladder
from sim.domain.scenario import Scenario
from sim.teaching.brief import _forces, _ladder, _relations, quote, situation_section
from sim.teaching.doc import Doc
from sim.teaching.turns import actor_name, words
from sim.teaching.world import Exercise

HOW_TO_PLAY = (
    "Each turn is one week. At the start of a turn, read what is new (injects from the "
    "instructor) and what happened last turn, before you choose.",
    "Choose one move for each actor you play and whom it is aimed at, then submit. You may "
    "hold (stay where you are) or step down one rung.",
    "A move that crosses one of Kahn's thresholds toward nuclear use asks you to confirm it.",
    "The turn is played when every team has submitted or when the instructor's clock runs out; "
    "a seat that has not submitted holds.",
    "The game ends after the exercise's last turn, at nuclear use, or when the instructor ends "
    "it. The after-action review then compares your path with computer-played games.",
)
UNKNOWN = (
    "the other actors' doctrines and decision rules (you see their moves, not their plans)",
    "the instructor's deck of surprise injects and when they will fire",
    "the other teams' moves before the turn is played",
    "how the fighting will go: combat has chance in it, and losses show only afterwards",
)


def role_brief(world: Scenario, seats: tuple[str, ...], exercise: Exercise | None) -> Doc:
    """The brief of the team playing ``seats``."""
    names = ", ".join(actor_name(world, s) for s in seats)
    doc = Doc(f"Role brief: {names} in {world.title}")
    situation_section(doc, world)
    doc.heading("Your objectives")
    objectives = list(exercise.objectives) if exercise else []
    doc.bullets(objectives or ["Protect your interests without a war nobody wants."])
    for note in exercise.briefing_notes if exercise else ():
        doc.note(note)
    doc.heading("What you know")
    for seat in seats:
        _own_actor(doc, world, seat)
    _public_actors(doc, world)
    _relations(doc, world)
    _forces(doc, world)
    doc.heading("What you do not know")
    doc.bullets(list(UNKNOWN))
    doc.heading("How to play")
    doc.bullets(list(HOW_TO_PLAY), ordered=True)
    _ladder(doc)
    return doc


def _own_actor(doc: Doc, w: Scenario, seat: str) -> None:
    a = w.actors[seat]
    labels, idx = standard_ladder().labels, standard_ladder().index
    doc.heading(f"You: {a.name}", 3)
    facts = [
        f"You stand at: {labels[idx(a.initial_rung)]} ({quote(a, 'initial_rung')})",
        f"Highest rung you may reach: {labels[idx(a.max_rung)]} ({quote(a, 'max_rung')})",
        "Your adversaries: " + (", ".join(actor_name(w, x) for x in a.adversaries) or "none"),
        f"Nuclear weapons: {'yes' if a.nuclear else 'no'}",
    ]
    facts += [
        f"Your doctrine: {d.reason} (then: {words(d.then)}) — {quote(d)}"
        for d in a.doctrine.values()
    ]
    doc.bullets(facts)


def _public_actors(doc: Doc, w: Scenario) -> None:
    labels, idx = standard_ladder().labels, standard_ladder().index
    doc.heading("The other actors (public facts only)", 3)
    rows = [
        [
            a.name,
            a.kind,
            "yes" if a.nuclear else "no",
            labels[idx(a.initial_rung)],
            ", ".join(actor_name(w, x) for x in a.adversaries) or "-",
        ]
        for a in w.actors.values()
    ]
    doc.table(["Actor", "Kind", "Nuclear", "Stands at", "Adversaries"], rows)


def instructor_part(doc: Doc, world_with_deck: Scenario, exercise: Exercise | None) -> None:
    """What only the instructor reads: the teams, the deck's injects, the debrief questions
    (the rest of the instructor's brief is the full briefing, every actor's doctrine included)."""
    doc.heading("For the instructor only")
    if exercise and exercise.teams:
        doc.heading("Teams", 3)
        doc.table(
            ["Team", "Plays"],
            [
                [n, ", ".join(actor_name(world_with_deck, a) for a in s)]
                for n, s in exercise.teams.items()
            ],
        )
    doc.heading("The inject deck and scheduled events", 3)
    rows = [
        [
            iid,
            f"turn {i.step}" if i.step else str(i.date or "when its condition holds"),
            " ".join(i.text.split()),
            quote(i, "text"),
        ]
        for iid, i in world_with_deck.injects.items()
    ]
    doc.table(["Inject", "When", "Text", "Source"], rows)
    if exercise and exercise.debrief_questions:
        doc.heading("Debrief questions", 3).bullets(list(exercise.debrief_questions), ordered=True)
