"""Which verbs are events in a clause, and of which class: the verb table's lemma for an
unknown inflection ("relaunched" is "launch"), the event noun a light verb carries ("carried out
airstrikes"), and the words some verbs need before they count ("declared a ceasefire", not
"declared the South a hostile state"; "crossed into Georgia", not "crossed the river"; "rival
drills" are no partnership; "struck a deal" is no attack). What a supply clause gives is
``goods``'.
"""

from __future__ import annotations

from sim.seeding.verbs import VerbClass, verbs

ANNOUNCED = {"partnership", "consultation"}  # cooperation announced is cooperation
MOVEMENT = {"cross", "roll", "pour", "sweep", "push", "advance", "march"}
# verbs of fighting each other: "A and B clashed" (each the other's enemy), "fought in Bangui"
RECIPROCAL = {"clash", "exchange", "trade", "skirmish", "fight", "battle"}
_HELP = {"help", "support", "assist", "protect", "request", "invitation"}


def class_of(v) -> tuple[VerbClass | None, object | None]:
    """The verb's class, or the class of the event noun a light verb carries, and that noun."""
    table = verbs()
    lemma = _known_lemma(v.lemma_.lower(), table)
    if lemma in table.holding:  # "which has a defence pact with Yerevan": a treaty
        for obj in (n for c in v.children if c.dep_ == "dobj" for n in (c, *c.conjuncts)):
            noun = table.by_noun.get(obj.lemma_.lower())
            if noun is not None and noun.kind == "treaty":
                return noun, obj
        return None, None
    if lemma == "force" and any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in
                                table.forced_to for c in v.children):  # fmt: skip
        return table.by_lemma.get("attack"), None  # "forced the garrison to surrender"
    if lemma in table.light:
        for obj in (c for c in v.children if c.dep_ in ("dobj", "attr", "nsubjpass")):
            obj = of_measure(obj)  # "carried out a new round of strikes on"
            for n in (obj, *obj.conjuncts):
                noun = table.by_noun.get(n.lemma_.lower()) or table.by_noun.get(n.lower_)
                if noun is not None and (noun.kind != "deployment" or lemma in ("send", "order")):
                    return noun, n
    cls = table.by_lemma.get(lemma)
    return cls, None


_MEASURES = {"round", "wave", "series", "string", "spate", "volley", "salvo", "campaign",
             "number", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands",
             "million", "millions", "flurry", "burst", "batch", "ton", "tons", "tonne",
             "tonnes", "shipment", "consignment"}  # fmt: skip


def of_measure(noun):
    """ "a new round of strikes", "a wave of drone attacks": the event noun the measure is of."""
    if noun.lemma_.lower() not in _MEASURES:
        return noun
    of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
          for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return of[0] if of else noun


def verb_lemma(v) -> str:
    """The verb table's lemma of a verb token (see ``_known_lemma``)."""
    return _known_lemma(v.lemma_.lower(), verbs())


def _known_lemma(lemma: str, table) -> str:
    """The verb table's lemma for a word the lemmatizer did not know: "relaunched" (lemma
    "relaunche") is "launch", "redeployed" is "deploy": the same event again; "waging" (lemma
    "wag") is "wage"."""
    known = table.by_lemma.keys() | table.light
    lemma = table.irregular.get(lemma, lemma)  # "retook": "retake"
    if lemma in known:
        return lemma
    if f"{lemma}e" in known:  # "waging": lemma "wag", the verb "wage"
        return f"{lemma}e"
    stems = [lemma, lemma[2:]] if lemma.startswith("re") else [lemma]
    for stem in stems:
        for end in ("", "e", "d", "ed", "s", "es", "ing"):
            form = stem[: len(stem) - len(end)] if end and stem.endswith(end) else stem
            if form in known:
                return form
    return lemma


def _purpose_of(t, v) -> bool:
    """Whether ``t`` states the purpose of ``v`` ("crossed into X as part of a force sent to
    help"), not a clause of its own ("swept into Aleppo as jets struck ... in support of")."""
    while t.i != v.i:
        if t.dep_ not in ("advcl", "xcomp", "acl", "pobj", "prep", "dobj", "aux"):
            return False
        if (
            any(c.dep_ == "mark" for c in t.children)
            or t.dep_ == "advcl"
            and any(c.dep_ == "nsubj" for c in t.children)
        ):
            return False
        t = t.head
    return True


def announced(v) -> bool:
    """A plan stated with "will"/"would" on the verb itself (not "could", not "urged to")."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would") for c in v.children)


def attack_noun(token, lemma: bool = False) -> bool:
    """Whether a noun (or, with ``lemma``, a verb) is of the attack class."""
    table = verbs().by_lemma if lemma else verbs().by_noun
    cls = table.get(token.lemma_.lower())
    return cls is not None and cls.kind == "war"


def event_really(v, cls: VerbClass, carrier) -> bool:
    """Verbs that are events only with the right words: "declared a ceasefire" (not "declared
    the South a hostile state"), "crossed into Georgia" or "pushed out Kurdish fighters" (not
    "crossed the river"), "deepened defence ties" (not "trade ties"); "struck a deal",
    "exchanged prisoners" and "targeted firms with export controls" are no attacks."""
    lemma = v.lemma_.lower()
    if cls.kind == "war" and carrier is None and not _fighting_sense(v, lemma):
        return False
    if cls.qualifiers:  # "defence ties", not "trade ties"
        return carrier is not None and any(
            c.lower_ in cls.qualifiers for c in carrier.children if c.dep_ in ("amod", "compound")
        )
    if cls.kind == "ceasefire" and carrier is None:
        nouns = verbs().by_noun
        return any(getattr(nouns.get(t.lemma_.lower()) or nouns.get(t.lower_), "kind", None)
                   == "ceasefire" for t in v.subtree)  # fmt: skip
    if lemma in MOVEMENT and any(c.dep_ == "prt" and c.lower_ in ("out", "back")
                                 for c in v.children):  # fmt: skip
        return any(c.dep_ == "dobj" for c in v.children)  # "pushing out Kurdish fighters"
    if lemma in MOVEMENT:  # "crossed into Bahrain ... to help the kingdom's rulers": invited
        into = any(c.dep_ == "prep" and c.lower_ == "into" for c in v.children)
        return into and not any(t.lemma_.lower() in _HELP and _purpose_of(t, v) for t in v.subtree)
    return True


_ENDORSED = {"effort", "plan", "bid", "proposal", "call", "resolution", "decision",
             "position", "stance", "initiative", "demand", "claim", "mediation"}  # fmt: skip


def endorsement(v, cls: VerbClass) -> bool:
    """ "The Security Council backed ECOWAS's efforts to ...": support for a plan or a stance,
    not an alliance with its owner."""
    return cls.kind == "alliance" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _ENDORSED for c in v.children
    )


_NOT_BLOWS = {"deal", "agreement", "accord", "bargain", "balance", "tone", "note", "chord",
              "compromise", "pact", "truce", "nerve", "bid", "plan", "proposal",
              "effort", "initiative"}  # "struck a deal", "hit Sweden's bid"  # fmt: skip
_FIRE = {"fire", "shot", "gunfire", "blow", "salvo", "strike", "attack", "shelling", "barrage",
         "rocket", "missile", "artillery"}  # fmt: skip
_MEASURE_WORDS = {"sanction", "control", "tariff", "measure", "restriction", "ban", "duty",
                  "investigation", "campaign", "ad", "message", "objection"}  # fmt: skip


def _fighting_sense(v, lemma: str) -> bool:
    """Whether a verb of the attack class is used of fighting: not "struck a deal", not
    "exchanged prisoners" (only fire, shots or blows), not "targeted firms with sanctions", not
    "intercepted the missiles" (a defence)."""
    objs = [c.lemma_.lower() for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma in ("strike", "hit") and any(o in _NOT_BLOWS for o in objs):
        return False
    if intercepts_munitions(v):
        return False  # "intercepted the Iranian missiles": a defence, not a fight
    if (
        lemma in ("exchange", "trade")
        and (objs or lemma == "trade")
        and not any(o in _FIRE for o in objs)
    ):  # "traded fire with Israel", not "traded accusations" or "trades with Russia"
        return False
    withs = [g.lemma_.lower() for c in v.subtree if c.dep_ == "prep" and c.lower_ == "with"
             for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return not (lemma in ("target", "hit") and any(w in _MEASURE_WORDS for w in withs))


def intercepts_munitions(v) -> bool:
    """ "Qatar's air defences intercepted the Iranian missiles", "helped intercept the
    barrage": a defence that takes part in the event without fighting whoever fired them."""
    table = verbs()
    return verb_lemma(v) in table.interceptions and any(
        c.lemma_.lower() in table.munitions for c in v.children
        if c.dep_ in ("dobj", "nsubjpass"))  # fmt: skip


def rival(carrier) -> bool:
    """ "staged rival military exercises": side by side, not together."""
    return carrier is not None and any(
        c.lower_ in ("rival", "separate", "competing", "parallel") for c in carrier.children
    )


ENDING = {"end", "halt", "settle", "conclude", "close", "finish", "stop"}
_FIGHTS = {"war", "conflict", "fighting", "hostilities", "dispute"}


def peace_made(v, carrier) -> bool:
    """A treaty that ends a war ("which Ecuador and Peru signed to end a brief war", "a peace
    treaty"): it makes no allies of the former enemies."""
    nouns = [carrier] if carrier is not None else []
    nouns += [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(c.lower_ == "peace" for n in nouns for c in (n, *n.children)):
        return True
    return any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in ENDING
               and any(o.dep_ == "dobj" and o.lemma_.lower() in _FIGHTS for o in c.children)
               for h in (v, *nouns) for c in h.children)  # fmt: skip


_FRONTIERS = {"border", "frontier", "boundary"}
_TOWARDS = {"to", "toward", "towards", "along", "near"}


def to_frontier(v, carrier) -> bool:
    """Troops sent to a border ("sent troops to the Colombian border", "to its frontier with
    Colombia"): a posture against the state beyond it, not help for it."""
    holders = [v] + ([carrier] if carrier is not None else [])
    return any(c.dep_ in ("prep", "dative") and c.lower_ in _TOWARDS
               and any(g.dep_ == "pobj" and g.lemma_.lower() in _FRONTIERS for g in c.children)
               for h in holders for c in h.children)  # fmt: skip
