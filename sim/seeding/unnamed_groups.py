"""Armed groups the text does not name: "rebels", "Islamists", "an unidentified armed group".

A report may never name the other side of the fighting: "Ugandan troops are fighting alongside
government forces against rebels", "the fight against the Islamists who seized the north",
"the military clashed with an unidentified armed group", "suspected gang members opened fire",
"border police exchanged fire with armed smugglers".
When the document names no armed group at all (neither the gazetteer nor its own introductions
find one, nor the named-entity fallback) and no territory (whose "separatists" are its own),
such a noun becomes one actor of kind armed group, named by the noun ("Rebels", "Islamists",
"Armed group", "Gang", "Smugglers"), the same actor for every mention, so the clause rules read
it as they read any other: it is drafted only if it takes part in a finding. An adjective names
no side ("fighting jihadist groups", "rebel positions": a kind of thing); a noun does, and
"gang members" are the gang. A demonym on it ("Syrian rebels") does not make it that state's
(``phrases``). When the document names a group, a bare "the rebels" is left to the resolver,
which reads it as the group named ("Houthi rebels ... the rebels").

Keys label such a side as their writers chose ("south_sudan_rebels", "islamists"); the
benchmark matches a found unnamed group to the one key actor whose id ends with its noun
(``evaluate._same_actor``).
"""

from __future__ import annotations

from sim.seeding.gazetteer import KnownActor
from sim.seeding.phrases import Parsed

# the noun's lemma -> the actor's name
_NOUNS = {"rebel": "Rebels", "insurgent": "Insurgents", "militant": "Militants",
          "islamist": "Islamists", "jihadist": "Jihadists", "separatist": "Separatists",
          "guerrilla": "Guerrillas", "gunman": "Gunmen", "gunmen": "Gunmen",
          "gang": "Gang", "smuggler": "Smugglers"}  # fmt: skip
_MEMBERS = {"member", "fighter", "militiaman", "man", "men"}  # "gang members": the gang
UNNAMED_IDS = frozenset({n.lower() for n in _NOUNS.values()} | {"armed_group"})


_NAMED_SIDES = {"armed_group", "territory"}  # "the separatists" of a territory are its own


def add_unnamed_groups(parsed: list[Parsed], kinds: dict[str, str],
                       introduced: tuple[str, ...] = ()) -> None:  # fmt: skip
    """Give each bare noun of an unnamed armed group its actor, in a document that names no
    armed group nor territory (``kinds``: actor id -> kind; ``introduced``: the actors the
    document introduces itself, "Viv Ansanm, a coalition of armed gangs")."""
    named = {a for p in parsed for a in p.actor_at.values()} | set(introduced)
    if any(kinds.get(a) in _NAMED_SIDES for a in named):
        return
    if any(k.kind in _NAMED_SIDES for p in parsed for k in p.new_actors.values()):
        return
    for p in parsed:
        for t in p.doc:
            name = _name(t)
            if name is None or t.i in p.actor_at:
                continue
            aid = name.lower().replace(" ", "_")
            p.actor_at[t.i] = aid
            p.new_actors[aid] = KnownActor(aid, name, "armed_group")
            start = p.sentence.start + p.lead + t.idx
            p.fallback.append((start, start + len(t.text), aid))


def _name(t) -> str | None:
    """The unnamed group a token stands for, if any: "rebels", "armed group", "gang members"."""
    lemma = t.lemma_.lower()
    if t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("amod", "compound") and lemma != "gang":
        return None  # "jihadist groups", "rebel positions": a kind of thing, not a side
    for word in (lemma, t.lower_, t.lower_.removesuffix("s")):  # "Islamists" tagged PROPN
        if word in _NOUNS:
            return _NOUNS[word]
    if lemma == "group" and any(c.lower_ == "armed" for c in t.children):
        return "Armed group"
    if lemma in _MEMBERS:
        inner = [c for c in t.children if c.dep_ == "compound" and c.lemma_.lower() in _NOUNS]
        return _NOUNS[inner[0].lemma_.lower()] if inner else None
    return None
