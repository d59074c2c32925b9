"""Whose a count is when its own phrase and verb do not say: the sentence around it and the
sentences before it.

A count of troops, ships or aircraft that names no owner is read, in this order:
- **casualties by their words**: a count right after a verb of harm or exchange ("Hezbollah
  Captures 2 Israeli Soldiers", a headline the parser reads poorly; "swapped 230 soldiers"),
  whose noun is followed by one ("30 Peacekeepers Hurt", "left 30 soldiers wounded") or that a
  noun of loss governs ("the deaths of 33 soldiers", "among the dead were 63 servicemen",
  "holding 200 soldiers hostage") is nobody's force;
- **the speaker who sends**: a count sent, deployed or kept somewhere with no agent said
  ("The CSTO said that about 2,500 troops would be sent to Kazakhstan") is the force of the one
  who reports it;
- **the forces the text names around it**: else the one actor whose troops, ships or aircraft
  the text names before the count, in its sentence or the few before it ("Thousands more U.S.
  troops will deploy ... The brigade has a total of about 4,000 troops"); when it names two
  sides' forces there, or the count is of fighters or men, no guess is made. An actor's name
  that is itself a force ("the Quds Force") is a name, not a mention of its forces.
"""

from __future__ import annotations

from sim.seeding.phrases import Parsed

_HARM = {"kill", "wound", "injure", "hurt", "capture", "abduct", "kidnap", "detain", "arrest",
         "free", "release", "seize", "shoot", "sink", "destroy", "damage", "lose",
         "attack", "strike", "hit", "target", "bomb", "ambush", "execute", "behead", "swap",
         "exchange", "repatriate"}  # fmt: skip
# "the deaths of 33 soldiers", "the bodies of 40 soldiers", "among the dead were 63 servicemen",
# "holding 200 soldiers hostage": casualties and captives told by a noun
_LOSS_NOUNS = {"death", "body", "remains", "killing", "capture", "release", "exchange", "swap",
               "return", "funeral", "loss", "wounding", "abduction", "kidnapping", "execution",
               "dead", "killed", "wounded", "injured", "casualty", "victim", "hostage", "captive",
               "prisoner", "toll"}  # fmt: skip
_HARMED_AFTER = {"hurt", "wounded", "injured", "killed", "dead", "captured", "missing",
                 "abducted", "kidnapped", "detained"}  # fmt: skip
# "downed" is shooting down, but "cut down to 2,000 troops" is no harm
_IRREGULAR = {"shot": "shoot", "struck": "strike", "sank": "sink", "sunk": "sink",
              "lost": "lose", "downed": "shoot", "downs": "shoot"}  # fmt: skip


def _lemma(word: str) -> str | None:
    """A verb's lemma from its written form, by its suffix ("Captures", "killed"): enough to
    tell a verb of harm where the parser took a headline's capitalised verb for a name."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for cut in (0, 1, 2, 3):  # "kills", "killed", "killing", "capturing"
        stem = w[: len(w) - cut] if cut else w
        for lemma in (stem, stem + "e"):
            if lemma in _HARM:
                return lemma
    return None


def harmed_beside(p: Parsed, first, noun) -> bool:
    """Whether the words around a count make it casualties or captives: a verb of harm right
    before it, or a participle of harm right after its noun that takes no object of its own
    ("30 soldiers killed in the attack", not "troops killed 40 militants")."""
    before = p.doc[first.i - 1] if first.i > 0 else None
    if before is not None and _lemma(before.text) is not None:
        return True
    if _told_as_loss(noun):
        return True
    after = p.doc[noun.i + 1] if noun.i + 1 < len(p.doc) else None
    if after is None or after.lower_ not in _HARMED_AFTER:
        return False
    then = p.doc[after.i + 1] if after.i + 1 < len(p.doc) else None
    return then is None or then.tag_ not in ("DT", "CD", "PRP$", "NNP")


def _told_as_loss(noun) -> bool:
    """ "The deaths of 33 soldiers", "among the dead were 63 servicemen", "holding 200 soldiers
    hostage": a noun of loss governs the count, or stands beside it under the same verb."""
    if noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _LOSS_NOUNS:
        return True
    verb = noun.head
    beside = [c for c in verb.children if c is not noun]
    among = [g for c in beside if c.lower_ == "among" for g in c.children if g.dep_ == "pobj"]
    among += [c for g in among for c in g.children if c.dep_ in ("acl", "amod")]  # "40 killed"
    told = [c for c in beside
            if c.dep_ in ("oprd", "xcomp", "ccomp", "advmod", "npadvmod", "attr")]  # fmt: skip
    return any(t.lemma_.lower() in _LOSS_NOUNS or t.lower_ in _LOSS_NOUNS for t in among + told)


_SENT = {"send", "deploy", "dispatch", "station", "base", "post", "airlift", "commit", "leave",
         "withdraw", "remain", "stay", "order", "move", "rush", "fly", "redeploy", "transfer",
         "mobilise", "mobilize", "position", "assign", "pledge"}  # fmt: skip


def speaker_who_sends(p: Parsed, noun, verb, resolver=None) -> list[str]:
    """ "The CSTO said that about 2,500 troops would be sent to Kazakhstan": a count that is
    sent, deployed, kept or withdrawn, with no one said to do it, is the force of whoever says
    so."""
    from sim.seeding.reporters import reporter_of

    if verb.lemma_.lower() not in _SENT:
        return []
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or noun not in subject.subtree:
        return []
    if any(c.dep_ == "agent" for c in verb.children):
        return []
    return reporter_of(p, verb, resolver)[:1]


FORCE_NOUNS = {"troop", "force", "soldier", "army", "navy", "military", "personnel", "marine",
               "paratrooper", "officer", "police", "jet", "aircraft", "plane", "warplane",
               "warship", "ship", "vessel", "unit", "contingent", "sailor", "commando",
               "peacekeeper", "fleet", "helicopter", "brigade", "battalion",
               "division"}  # fmt: skip
WINDOW = 4  # sentences before the count's own


def named_forces(p: Parsed) -> list[tuple[int, str]]:
    """(token index, actor) of every force the sentence names with its owner: "U.S. troops",
    "French aircraft", "Australia's soldiers"; not a name that is itself a force ("Quds Force",
    "Israel Defense Forces" are actors' names)."""
    out = []
    for t in p.doc:
        if t.lemma_.lower() not in FORCE_NOUNS or t.i in p.actor_at:
            continue
        mods = [c for c in t.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        owners = [p.actor_at[c.i] for c in mods if c.i in p.actor_at]
        if owners:
            out.append((t.i, owners[0]))
    return out


IRREGULARS = {"fighters", "mercenaries", "militiamen", "combatants", "contractors"}


def last_named(parsed: list[Parsed], k: int, noun, extra: list[tuple[int, int, str]]) -> list[str]:
    """The one actor whose forces the text names before ``noun`` of sentence ``k``, in its
    sentence and the ``WINDOW`` sentences before it; none when it names two sides' forces
    there, or when the count is of fighters, mercenaries or men (a group's or a people's, as
    often as a state's). ``extra`` adds (sentence, token, actor) of the counts already owned."""
    if noun.lower_ in IRREGULARS or noun.lower_ == "men":
        return []  # "300 fighters": a group's or a people's, which the context cannot tell
    seen: set[str] = set()
    for j in range(k, max(-1, k - WINDOW - 1), -1):
        named = named_forces(parsed[j]) + [(i, a) for s, i, a in extra if s == j]
        seen |= {a for i, a in named if j < k or i < noun.i}
    return sorted(seen) if len(seen) == 1 else []  # two sides' forces named: no guess
