"""The gazetteer: every name, short name, demonym and metonym that stands for an actor.

pycountry gives the base (every country's name and common name, unless it is also an ordinary
word); ``data/gazetteer.yaml`` adds alliances, demonyms, capitals and seats, groups ("Western"),
titles of office holders and places that fronts are named after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files

import pycountry
import yaml


@dataclass(frozen=True)
class KnownActor:
    """An actor the gazetteer knows: its id, display name, kind and world-knowledge facts."""

    id: str
    name: str
    kind: str
    nuclear: bool = False
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    """A place a theatre can be named after, and whose territory it is."""

    id: str
    name: str
    territory_of: str
    patterns: tuple[str, ...]


@dataclass(frozen=True)
class Gazetteer:
    """Alias -> (actor id, form) where form is n(ame), d(emonym), m(etonym); plus the rest."""

    actors: dict[str, KnownActor]
    aliases: dict[str, tuple[str, str]]
    groups: dict[str, tuple[str, ...]]  # phrase -> member ids
    not_actors: tuple[str, ...]
    titles: tuple[str, ...]
    places: dict[str, Place] = field(default_factory=dict)
    contextual: frozenset[str] = frozenset()  # aliases that count only beside another mention
    ambiguous: tuple = ()  # (forms, default id, {id: cue patterns}): "Congo" by the document

    def alias_pattern(self) -> re.Pattern[str]:
        """One regex for every alias and group phrase, longest first, on whole words."""
        names = sorted({*self.aliases, *self.groups}, key=len, reverse=True)
        body = "|".join(re.escape(n) for n in names)
        return re.compile(rf"(?<![\w.])(?:the\s+)?(?P<alias>{body})(?![\w]|\.\w)")


def slug(text: str) -> str:
    """An id from a name: lowercase, [a-z0-9_] only."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


@cache
def standard_gazetteer() -> Gazetteer:
    """The gazetteer shipped with the package: pycountry plus ``data/gazetteer.yaml``."""
    data = yaml.safe_load(files("sim.seeding").joinpath("data/gazetteer.yaml").read_text("utf-8"))
    actors: dict[str, KnownActor] = {}
    aliases: dict[str, tuple[str, str]] = {}
    curated_iso = {e.get("iso") for e in data["actors"].values()}
    ambiguous = set(data["ambiguous_country_names"])
    for country in pycountry.countries:
        if country.alpha_2 in curated_iso:
            continue
        names = {getattr(country, "common_name", None), country.name}
        names = {n for n in names if n and "," not in n and n not in ambiguous}
        if names:
            display = getattr(country, "common_name", None) or country.name
            actors[slug(display)] = KnownActor(slug(display), display, "state")
            aliases.update({n: (slug(display), "n") for n in names})
    for aid, e in data["actors"].items():
        actors[aid] = KnownActor(aid, e["name"], e["kind"], bool(e.get("nuclear", False)),
                                 tuple(e.get("members", [])))  # fmt: skip
        names = [e["name"]] if e.get("match_name", True) else []
        aliases.update({n: (aid, "n") for n in [*names, *e.get("aliases", [])]})
        aliases.update({n: (aid, "d") for n in e.get("demonyms", [])})
        aliases.update({n: (aid, "m") for n in e.get("metonyms", [])})
        aliases.update({n: (aid, "m") for n in e.get("contextual", [])})
    aliases.update(_title_case_acronyms(aliases))
    groups = {p: tuple(g["members"]) for g in data["groups"].values() for p in g["phrases"]}
    places = {pid: Place(pid, p["name"], p["territory_of"], tuple(p["patterns"]))
              for pid, p in data["places"].items()}  # fmt: skip
    contextual = frozenset(n for e in data["actors"].values() for n in e.get("contextual", []))
    ambiguous = tuple((tuple(a["forms"]), a["default"], a["cues"])
                      for a in data.get("ambiguous_names", {}).values())  # fmt: skip
    for forms, default, _ in ambiguous:
        aliases.update({f: (default, aliases.get(f, ("", "n"))[1]) for f in forms})
    return Gazetteer(actors, aliases, groups, tuple(data["not_actors"]),
                     tuple(data["titles"]), places, contextual, ambiguous)  # fmt: skip


def _title_case_acronyms(aliases: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """British copy writes an acronym said as a word in title case ("Nato", "Ecowas",
    "Asean"): every alias of four capitals or more also matches so, unless that is taken."""
    return {a.capitalize(): v for a, v in aliases.items()
            if re.fullmatch(r"[A-Z]{4,}", a) and a.capitalize() not in aliases}  # fmt: skip


def for_document(text: str, gaz: Gazetteer) -> Gazetteer:
    """The gazetteer with each ambiguous name ("Congo") bound to the state the document's
    places point to: the state with more cue words in the text, the default on a tie."""
    aliases = dict(gaz.aliases)
    for forms, default, cues in gaz.ambiguous:
        counts = {aid: sum(len(re.findall(c, text, re.I)) for c in pats)
                  for aid, pats in cues.items()}  # fmt: skip
        best = max(counts, key=lambda a: (counts[a], a == default))
        for f in forms:
            form = aliases.get(f, (best, "n"))[1]
            aliases[f] = (best, form)
    return replace(gaz, aliases=aliases) if aliases != gaz.aliases else gaz
