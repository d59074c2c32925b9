"""Names a document gives a state's own government or services: they are the state.

"Israel Defense Forces (IDF)", "the Sudanese Armed Forces", "the Pakistan Army", "the Royal Saudi
Air Force", "the Iranian Revolutionary Guard Corps" (Iran's "Islamic Revolutionary Guard Corps"),
"Somalia's Western-backed Transitional Federal Government (TFG)", "the Armed Forces of the
Russian Federation" (a service "of" a state), "U.S. Military Forces", "the People's Liberation
Army Navy (PLAN)" (a service of another of the state's names): another name of the state, not
an actor of their own (``groups`` asks here before it adds a name). A service named with no
state at all ("the Armed Forces regrets the loss", "Supreme Head of the Armed Forces") is some
state's military, never a group of its own: ``bare_service``.
"""

from __future__ import annotations

import re

from sim.seeding.gazetteer import Gazetteer, KnownActor, slug

_STATE_MILITARY = re.compile(r"^(?:Army|Forces|Military(?: Forces)?|Armed (?:Defen[cs]e )?Forces|"
                             r"Defen[cs]e Forces?|Air Force|Navy|Marine Corps|Special Forces|"
                             r"Space Force|Air and Space Forces?|"
                             r"Ground Forces|Land Forces|"
                             r"Self-Defen[cs]e Forces|Coast Guard|National Guard)$")  # fmt: skip


def owned_government(text: str, name: str, acr: str | None, actors: dict[str, KnownActor],
                      aliases: dict[str, tuple[str, str]]) -> None:  # fmt: skip
    """ "Somalia's Western-backed Transitional Federal Government (TFG)": a government the
    text gives a state as its owner is that state (its name and acronym become the state's)."""
    own = aliases.get(name)
    known = actors.get(own[0]) if own else None
    if known is None or known.kind != "state" and "Government" not in name.split():
        return
    if own[0] not in (slug(name), slug(acr or "")):
        return  # a known state already
    owner = re.search(rf"(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s\s+(?:[\w-]+\s+){{0,3}}?"
                      rf"{re.escape(name)}", text)  # fmt: skip
    state = aliases.get(owner.group("owner")) if owner else None
    if state is None or actors.get(state[0]) is None or actors[state[0]].kind != "state":
        return
    for n in (name, acr):
        if n:
            aliases[n] = (state[0], "n")
    actors.pop(own[0], None)


def state_military(name: str, gaz: Gazetteer) -> tuple[str, str] | None:
    """The state whose own military a name is: a state's name or demonym before a service
    ("Sudanese Armed Forces", "Pakistan Army", "Royal Saudi Air Force") or before the tail of
    another of the state's names ("Iranian Revolutionary Guard Corps": Iran's "Islamic
    Revolutionary Guard Corps")."""
    name = name.removeprefix("Royal ")
    service, of, owner = name.partition(" of ")  # "Armed Forces of the Russian Federation"
    owner = gaz.aliases.get(owner.removeprefix("the "))
    if of and owner and _STATE_MILITARY.match(service) and owner[1] == "n":
        return owner if gaz.actors.get(owner[0]) and gaz.actors[owner[0]].kind == "state" else None
    for alias in sorted(gaz.aliases, key=len, reverse=True):
        if name.startswith(alias + " ") and gaz.aliases[alias][1] in "nd":
            state = gaz.aliases[alias]
            rest = name[len(alias) + 1 :]
            own = [a for a, v in gaz.aliases.items() if v[0] == state[0] and a != alias]
            tail = len(rest.split()) >= 2 and any(a.endswith(" " + rest) for a in own)
            return state if _STATE_MILITARY.match(rest) or tail else None
    return None


def bare_service(name: str) -> bool:
    """Whether a name is only a state's service, with no state named: "the Armed Forces", "the
    Navy", "Army" (whose state the text gives beside it, or the resolver, as "the army")."""
    return bool(_STATE_MILITARY.match(name.removeprefix("the ").removeprefix("The ")))
