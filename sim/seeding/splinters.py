"""Dissidents of an armed group are a group of their own, not the group.

"FARC dissidents" fight on after the FARC made peace; "dissidents of the now defunct FARC" are
the same men. The press names them by the group they left, so the name of the group inside the
phrase must not make them that group: "<group> dissidents" (or "splinters", "breakaway
fighters", "holdouts"), "dissidents of [the] <group>" and "former <group> guerrillas" (or
rebels; "former Islamic State fighters" are as often detainees as a faction) become one actor
of kind armed group, named "<group> dissidents" (id ``farc_dissidents``), with both phrases as
its names. Only a name of an armed group the gazetteer or the document already knows counts
("Venezuelan dissidents" are opponents of a state, not fighters).
"""

from __future__ import annotations

import re

from sim.seeding.gazetteer import KnownActor, slug

_SPLIT = r"(?:dissidents|splinters|holdouts|breakaway\s+(?:fighters|factions?|members))"
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
_BEFORE = re.compile(
    rf"(?<![\w'’-])(?P<name>{_NAME})\s+{_SPLIT}\b"
    rf"|\bformer\s+(?P<former>{_NAME})\s+(?:guerrillas|rebels)\b"
)
_AFTER = re.compile(
    rf"\b(?P<phrase>{_SPLIT}\s+(?:of|from)\s+(?:the\s+)?(?:(?:now|former|defunct|disbanded)"
    rf"\s+)*(?P<name>{_NAME}))"
)


def add_splinters(text: str, actors: dict[str, KnownActor],
                  aliases: dict[str, tuple[str, str]]) -> None:  # fmt: skip
    """Register each group's dissidents the text names (see the module docstring)."""
    for m in (*_BEFORE.finditer(text), *_AFTER.finditer(text)):
        name = m.group("name") or m.group("former")
        known = aliases.get(name) or aliases.get(name.split()[0])
        if known is None or getattr(actors.get(known[0]), "kind", "") != "armed_group":
            continue
        group = actors[known[0]]
        aid = slug(f"{group.name} dissidents")
        actors.setdefault(aid, KnownActor(aid, f"{group.name} dissidents", "armed_group"))
        phrase = m.group() if m.re is _BEFORE else m.group("phrase")  # the whole phrase
        aliases.setdefault(phrase, (aid, "n"))
