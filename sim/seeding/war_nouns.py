"""Wars told by nouns: "Moscow's war against Ukraine", "fighting between A and B".

- "Moscow's war against Ukraine", "Israel's attack on Iran": the possessor attacks the object
  of "against", "on", "with" or "in"; "its forces repelled Russian attacks": the owner attacks
  the one who repelled them; "withdrew after shelling by X": X attacks the subject.
- "fighting between the army and the RSF", "clashes erupted between Armenian and Azerbaijani
  troops", "fighting flared along the border between A and B", "the Israel-Hamas war": those it
  names are at war with each other.
- "Russia has been at war with Ukraine", "the RSF, which is at war with the army", "went to war
  with": the subject is at war with the object of "with".
- "a cross-border attack by Ethiopian forces left casualties among Sudanese troops", "a bombing
  claimed by X killed 40 Indian police", "Syrian air strikes killed 33 Turkish soldiers": the
  attack's owner (its possessor or demonym, else its "by" or a participle's agent, also where
  the parse hangs it on the target: "the first assault on Assad's government taken by the U.S.")
  hit the state whose soldiers it killed (not "killed seven Iraqi civilians").
- "Three Lebanese soldiers were killed in an Israeli strike on an army post": the owner of a war
  noun someone was killed or wounded in attacked their state (not "two Chinese engineers").
- "US and UK forces responded with strikes against the Houthis": the subject of the verb a war
  noun is the means of attacks its target (not "threatened Iran with strikes").
- A reciprocal noun (the verb table's ``reciprocal_nouns``: "clash", "face-off", "scuffle", "an
  exchange of fire") with "with" and no owner: whoever suffered it fought the other side ("three
  soldiers died in a face-off with Chinese troops").
- "Sudan's army and the RSF have been locked in a fierce conflict", "were engaged in
  fighting": the sides named side by side as the subject fight each other.
- "X joined the war against Z": X fights Z; "X joined Y in the fight against Z": Y too, and X
  and Y are allies; a joining a modal hedges ("Minsk could join the war") is no fact.
- A war dated in the past ("the 1998-2000 border war") or not fought ("a trade war", "a war of
  words") is no relation; one a modal makes hypothetical ("it would mean NATO was at war") is
  no fact, and one inside an "if" clause none at all.

Who the sides are (between, hyphenated, joined, locked in, suffered) is ``war_sides``'.
"""

from __future__ import annotations

import re

from sim.seeding.findings import FACT, HEDGED, NEGATED, Finding
from sim.seeding.modality import governing_verb, in_condition, modality_of
from sim.seeding.nouns import named_or_resolved, own_or_resolved, owner_of
from sim.seeding.phrases import Parsed, finding_at, phrase_actors
from sim.seeding.roles import subject_of
from sim.seeding.verbs import verbs
from sim.seeding.war_sides import (
    at_war,
    between,
    between_talkers,
    hyphenated,
    joining,
    locked_in,
    sufferer,
)

# "the invasion of Ukraine", "the shelling of Kharkiv": "of" names the target
OF_TARGET = {"invasion", "occupation", "bombing", "shelling", "bombardment", "blockade", "siege"}


_WARS_IN = {"war", "conflict", "aggression", "invasion", "offensive", "incursion", "occupation"}


def nominal_wars(p: Parsed, resolver=None) -> list[Finding]:
    """ "Moscow's war against Ukraine", "Israel's attack on Iran": the possessor attacks the
    object of "against"/"on"/"with"; "withdrew after shelling by X": X attacks the subject;
    "fighting between X and Y": X and Y; "X has been at war with Y": X and Y."""
    out: list[Finding] = []
    for t in p.doc:
        word = war_noun(t)
        if word is None:
            continue
        if _past(t):
            continue  # "the 1998-2000 Ethiopia-Eritrea border war", "a US-China trade war"
        modality = _noun_modality(t)
        if modality is None:
            continue  # "if Ukraine strikes ..., it would mean NATO is at war with Russia"
        if between_talkers(t):
            continue  # "the face-off between U.S. and Chinese diplomats": words, not fighting
        heads = [t, *_fire_of(t)] if word == "exchange" else [t]  # "exchanges of fire between"
        sides = list(dict.fromkeys(a for h in heads for a in between(p, h, resolver)))
        sides = sides or hyphenated(p, t)
        if len(sides) >= 2:  # "fighting between the army and the RSF"
            out += [finding_at(p, "war", "strike_territory", (a, b), modality, t,
                               {"noun": t.text})
                    for i, a in enumerate(sides) for b in sides[i + 1 :]]  # fmt: skip
            continue
        owner = [a for c in t.children if c.dep_ == "poss" for a in owner_of(p, c)]
        owner += [p.actor_at[c.i] for c in t.children
                  if c.dep_ in ("amod", "compound") and c.i in p.actor_at]  # fmt: skip
        reciprocal = word in verbs().reciprocal
        target = _targets(p, t, heads, reciprocal, resolver, word in verbs().against_only)
        if not target and not owner:  # "the attack by Hamas militants on Israel": the parse
            heads += _by_objects(t)  # hangs the target on the attacker
            target = _targets(p, t, heads, reciprocal, resolver, word in verbs().against_only)
        if not owner and target and t.lower_ == "war" and t.head.lower_ in ("at", "to"):
            owner = at_war(p, t, resolver)  # "Russia has been at war with Ukraine", "went
            # to war with"
        if owner and not target and _casualties(t):  # "three Lebanese soldiers were killed in
            target = sufferer(p, t, resolver)  # an Israeli strike on an army post"
        if owner and not target and t.dep_ == "dobj" and t.head.lemma_.lower() in _DEFEND:
            target = sufferer(p, t, resolver)  # "its forces had repelled 40 Russian attacks"
        agents = [] if owner else _agents(p, t, resolver)  # "a cross-border attack by
        victims = _victims(p, t)  # Ethiopian forces left casualties among Sudanese troops"
        if agents and (target or victims):
            owner = agents
        if owner and not target:  # "Syrian air strikes kill two Turkish soldiers"
            target = [a for a in victims if a not in owner]
        if not owner and target and _means_of(t):  # "US and UK forces responded with strikes
            owner = subject_of(p, t.head.head, resolver)  # against the Houthis": the means of
            # the verb's subject (not "threatened Iran with strikes on its sites")
        joiners, joined = joining(p, t, resolver)
        quoted = t
        if target and joiners:  # "Eritrean forces joined Ethiopian forces in the fight against
            join = governing_verb(t)  # the TPLF"; "Minsk could join the war": hedged
            modality, quoted = modality_of(join), join
            owner = list(dict.fromkeys(owner + joiners + joined))
            out += [finding_at(p, "alliance", "consult_partners", (a, b), modality, join, {})
                    for a in joiners for b in joined if a != b and b not in target]  # fmt: skip
        if not owner and target and reciprocal:  # "seized the palace
            owner = sufferer(p, t, resolver)  # after days of fighting with government forces"
        locked = locked_in(p, t, resolver) if not owner and not target else []
        if len(locked) >= 2:  # "Sudan's army and the RSF have been locked in a fierce conflict"
            out += [finding_at(p, "war", "strike_territory", (a, b), modality, t.head.head,
                               {"noun": t.text})
                    for i, a in enumerate(locked) for b in locked[i + 1 :]]  # fmt: skip
            continue
        if not owner and not target:  # "withdrew after weeks of shelling by separatists"
            by = ("by", "from") if t.head.lower_ == "under" else ("by",)  # "came under attack"
            owner = [a for c in t.children if c.dep_ in ("prep", "agent") and c.lower_ in by
                     for g in c.children for a in own_or_resolved(p, g, resolver)]  # fmt: skip
            target = sufferer(p, t, resolver) if owner else []
        out += [finding_at(p, "war", "strike_territory", (a, b), modality, quoted,
                           {"noun": t.text}) for a in owner for b in target if a != b]  # fmt: skip
    return out


_HARMED = {"kill", "wound", "injure", "die", "hurt"}
# verbs whose subject, an attack, harmed their object: "the strike killed two Turkish soldiers"
_HARMING = {"kill", "wound", "injure", "hurt", "leave", "sink", "destroy", "damage", "hit"}
_DOERS = {"carry", "conduct", "launch", "claim", "mount", "stage", "fire", "order", "take"}
_CARRIED = {"carry", "conduct", "mount", "stage", "take"}  # said of an attack, not of a target


def _agents(p: Parsed, noun, resolver) -> list[str]:
    """Who made an attack a noun tells, when no possessor or demonym says: the object of its
    "by" ("a cross-border attack by Ethiopian forces") or the agent of a participle on it ("a
    bombing claimed by the group", "strikes carried out by U.S. jets")."""
    targets = [g for c in noun.children if c.dep_ == "prep" for g in c.children]
    holders = [noun, *(c for c in noun.children if c.dep_ == "acl"
                       and c.lemma_.lower() in _DOERS)]  # fmt: skip
    # "the assault on X's government taken by the U.S.": the participle hung on the target
    holders += [c for g in targets for c in g.children if c.dep_ == "acl"
                and c.lemma_.lower() in _CARRIED]  # fmt: skip
    by = [g for h in holders for c in h.children if c.dep_ in ("prep", "agent")
          and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return list(dict.fromkeys(a for g in by for a in own_or_resolved(p, g, resolver)))


def _by_objects(noun) -> list:
    """The objects of a war noun's "by" ("an attack by Hamas militants")."""
    return [g for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
            for g in c.children if g.dep_ == "pobj"]  # fmt: skip


def _victims(p: Parsed, noun) -> list[str]:
    """Whom an attack that is the subject of a verb of harm hit: the state of the soldiers,
    ships or posts it killed, sank or destroyed ("the strike killed two Turkish soldiers", "left
    casualties among Sudanese troops"); a victim's nationality names none ("killed seven Iraqi
    civilians", "left 26 people dead")."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in _HARMING:
        return []
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    objs += [g for o in (verb, *objs) for c in o.children if c.dep_ == "prep"
             and c.lower_ == "among" for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return list(dict.fromkeys(a for o in objs for a in phrase_actors(p, o)))


def _casualties(noun) -> bool:
    """Whether a war noun is what its verb's subject was killed or wounded in ("were killed in
    an Israeli strike", "died in a Russian missile strike")."""
    verb = noun.head.head
    return noun.head.lower_ in ("in", "during", "by") and verb.lemma_.lower() in _HARMED


def _means_of(noun) -> bool:
    """Whether a war noun is what its verb's subject did it with ("responded with strikes
    against X", "retaliated with missile strikes on X"), a threat's or a charge's not included
    ("threatened Iran with strikes", "charged the men with attacks")."""
    verb = noun.head.head
    if noun.head.lower_ != "with" or verb.pos_ != "VERB" or verb.lemma_.lower() in _NOT_MEANS:
        return False
    cls = verbs().by_lemma.get(verb.lemma_.lower())
    return cls is None or cls.kind != "threat"


_NOT_MEANS = {"threaten", "charge", "accuse", "credit", "blame", "link", "associate", "tie"}


_FIRE = {"fire", "gunfire", "shot", "shelling", "artillery", "rocket", "missile", "salvo"}


def war_noun(t) -> str | None:
    """The war noun of the verb table a token is (``war_nouns``), written whole when hyphenated
    ("face-off"), or None: a gerund counts where a noun stands ("after fighting with X"); an
    "exchange" only of fire ("an exchange of fire between A and B", not "of prisoners")."""
    doc, nouns = t.doc, verbs().war_nouns
    word = t.lower_ if t.tag_ == "VBG" else t.lemma_.lower()
    if t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].head.i == t.i:
        whole = f"{doc[t.i - 2].lower_}-{t.lower_}"  # "face-off", not "counter-offensive"
        word = whole if whole in nouns else word
    gerund = t.tag_ == "VBG" and t.dep_ in ("pcomp", "pobj", "nsubj")
    if word not in nouns or not (gerund or t.pos_ == "NOUN"):
        return None
    return None if word == "exchange" and not _fire_of(t) else word


def _fire_of(noun) -> list:
    """The fire an exchange is of ("an exchange of artillery fire"), or nothing."""
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj" and any(
                x.lemma_.lower() in _FIRE for x in g.subtree)]  # fmt: skip


def _targets(p: Parsed, t, heads: list, reciprocal: bool, resolver,
             against_only: bool = False) -> list[str]:  # fmt: skip
    """Whom a war noun is against: the object of "against", "on" (or "of": "the invasion of
    Ukraine"), then of "with", "inside" (or "in": "the war in Ukraine"); a reciprocal noun's
    "with" on its verb ("were killed in fighting with Azerbaijan"); "went to war with". A noun
    ``against_only`` ("fight") has only the object of "against"."""
    if against_only:
        return [a for c in t.children if c.dep_ == "prep" and c.lower_ == "against"
                for g in c.children for a in named_or_resolved(p, g, resolver)]  # fmt: skip
    target: list[str] = []
    of = ("of",) if t.lemma_.lower() in OF_TARGET or t.lower_ in OF_TARGET else ()
    located = ("in",) if t.lemma_.lower() in _WARS_IN else ()  # "war in", not "strikes in"
    located += ("into",) if t.lemma_.lower() in ("incursion", "invasion", "push") else ()
    for preps in (("against", "on", *of), ("with", "inside", *located)):
        target = target or [a for h in heads for c in h.children
                            if c.dep_ == "prep" and c.lower_ in preps for g in c.children
                            for a in named_or_resolved(p, g, resolver)]  # fmt: skip
    if not target and reciprocal and t.head.dep_ == "prep":
        verb = t.head.head  # "were killed in fighting with Azerbaijan": "with" on the verb
        target = [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                  for g in c.children for a in named_or_resolved(p, g, resolver)]  # fmt: skip
    if not target and t.lower_ == "war" and t.head.lower_ in ("at", "to"):  # "went to war with"
        target = [a for c in t.head.head.children if c.dep_ == "prep" and c.lower_ == "with"
                  for g in c.children for a in named_or_resolved(p, g, resolver)]  # fmt: skip
    return target


# verbs that make a war hypothetical under a modal: "it would mean NATO was at war with Russia"
_WOULD_MEAN = {"be", "mean", "amount", "constitute", "lead", "spark", "trigger", "risk", "become"}


def _noun_modality(noun) -> str | None:
    """Whether a war told by a noun happened: denied when its verb is, hypothetical when a
    modal makes it so ("it would mean NATO was at war with Russia"), none inside an "if"
    clause, else a fact ("the coalition would keep up its campaign against the militants")."""
    v = governing_verb(noun)
    if v is None:
        return FACT
    if in_condition(v):
        return None
    modality = modality_of(v)
    if modality == NEGATED:
        return NEGATED
    hypothetical = [h for h in (v, v.head) if h.lemma_.lower() in _WOULD_MEAN
                    and any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might")
                            for c in h.children)]  # fmt: skip
    return HEDGED if hypothetical else FACT  # "would keep up its campaign": still a fact


_YEAR = re.compile(r"^(?:1[89]|20)\d\d(?:[-–](?:1[89]|20)?\d\d)?s?$")  # "1998-2000", "1980s"


# verbs of withstanding an attack: "repelled Russian attacks", "foiled an Iranian drone attack"
_DEFEND = {"repel", "repulse", "thwart", "foil", "withstand", "fend", "resist", "survive"}


_NOT_FIGHTING = {"trade", "tariff", "price", "currency", "propaganda", "media", "cold", "proxy",
                 "legal", "diplomatic", "tech", "technology", "chip", "cyber", "information",
                 "word", "words", "verbal", "political", "culture", "drug"}  # fmt: skip


def _past(noun) -> bool:
    """A war dated by a year before it, or called past ("the 1999 Kargil war", "a previous
    war"): history the text recalls; or no fighting at all ("a trade war", "a war of words",
    "a proxy war")."""
    mods = [t for t in noun.lefts]
    mods += [g for t in mods for g in t.subtree]
    mods += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.subtree]
    return any(_YEAR.match(t.text) or t.lower_ in ("past", "previous", "former", "earlier")
               or t.lower_ in _NOT_FIGHTING for t in mods)  # fmt: skip
