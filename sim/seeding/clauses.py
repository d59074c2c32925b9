"""Relations and events over the dependency parse: who did what to whom.

A clause is an event verb of the verb table (``data/verbs.yaml``) or a light verb carrying an
event noun ("carried out airstrikes against", "launched attacks on"). Its actors are its
subject's (coordination included: "the U.S. and Britain conducted"; a relative pronoun takes
its antecedent: "North Korea, which has supplied"; a passive clause takes its "by" agent; a verb
without a subject takes its governing verb's: "vowed to retaliate"); its targets are those of
the direct object and of the prepositions its class lists. The verb's modality:
- negated: "not"/"never" on the verb or on the verb it depends on, or governed by "deny",
  "reject" ("denied arming the RSF");
- hedged: a modal ("could", "would") or a governing verb of intent or appeal ("threatened to",
  "plans to", "urged X to");
- a fact otherwise, reported speech included ("X said that Y attacked Z").
A clause inside an "if" clause is a condition, not an event (see ``threats``). Allegiance reads
from nouns: "Turkey, Azerbaijan's closest ally", "its ally Moscow", "Iran-backed Houthis",
"fighting alongside the Malian army" make an alliance.
"""

from __future__ import annotations

from sim.seeding.findings import FACT, HEDGED, NEGATED, Finding
from sim.seeding.phrases import GROUP_NOUNS, PRONOUNS, Parsed, Resolver, phrase_actors
from sim.seeding.verbs import VerbClass, verbs

_MODALS = {"could", "might", "may", "would", "will", "should", "shall", "can", "must"}
_INTENT = {"threaten", "vow", "plan", "consider", "prepare", "aim", "seek", "want", "intend",
           "propose", "urge", "call", "ask", "demand", "warn", "pledge", "promise", "offer",
           "try", "hope", "expect", "refuse", "fail"}  # fmt: skip
_DENY = {"deny", "reject", "refute", "dismiss"}
_CONDITION = {"if", "unless"}
_REPORTING = {"say", "tell", "state", "add", "announce", "claim", "warn", "insist"}
# kinds whose subject takes part even when no target is named ("Seoul condemned the launch")
ONE_PARTY = {"condemnation", "nuclear_signal", "deployment", "naval_deployment", "sanctions",
             "war", "consultation", "ceasefire", "withdrawal"}  # fmt: skip
_MEDIATORS = {"mediator", "mediators", "broker", "brokers", "guarantor", "guarantors"}
_PAIRED = {"treaty", "ceasefire", "consultation", "partnership"}  # "A and B met / signed"
_WAR_NOUNS = {"war", "conflict", "aggression", "invasion", "offensive", "attack", "incursion",
              "bombardment", "assault", "campaign"}  # fmt: skip


def clause_findings(p: Parsed, resolver: Resolver) -> tuple[list[Finding], bool]:
    """Findings of one parsed sentence, and whether it holds an event verb at all."""
    out: list[Finding] = []
    had_event = False
    for v in p.doc:
        if v.pos_ not in ("VERB", "AUX"):
            continue
        cls, carrier = class_of(v)
        if cls is None or cls.kind == "threat":
            if any(c.dep_ == "nsubj" for c in v.children):
                resolver.heard(subject_of(p, v, resolver), [])
            continue
        had_event = True
        if in_condition(v):
            continue
        subjects, targets = parties(p, v, cls, carrier, resolver)
        if targets or cls.kind in ONE_PARTY:
            p.participants.update(subjects + targets)
        modality = modality_of(v)
        out += _alongside(p, v, subjects, modality)
        if cls.reverse:
            subjects, targets = targets, subjects
        attrs = {"cameo": cls.cameo, "verb": v.text}
        if cls.kind == "supply":
            attrs["goods"] = goods_of_clause(v, carrier)
        for a in subjects:
            for b in targets:
                if a != b:
                    out.append(_finding(p, cls.kind, cls.action, (a, b), modality, v,
                                        dict(attrs)))  # fmt: skip
                    if cls.kind == "ceasefire":  # the parties to a ceasefire were at war
                        out.append(_finding(p, "war", "strike_territory", (a, b), FACT, v,
                                            {"verb": v.text}))  # fmt: skip
        resolver.heard(subjects, targets)
    out += allegiance(p) + nominal_wars(p)
    return _dedupe(out), had_event


def class_of(v) -> tuple[VerbClass | None, object | None]:
    """The verb's class, or the class of the event noun a light verb carries, and that noun."""
    table = verbs()
    lemma = v.lemma_.lower()
    if lemma in table.light:
        for obj in (c for c in v.children if c.dep_ in ("dobj", "attr", "nsubjpass")):
            for n in (obj, *obj.conjuncts):
                noun = table.by_noun.get(n.lemma_.lower()) or table.by_noun.get(n.lower_)
                if noun is not None and (noun.kind != "deployment" or lemma in ("send",)):
                    return noun, n
    cls = table.by_lemma.get(lemma)
    return cls, None


def goods_of_clause(v, carrier) -> str:
    """What a supply clause supplies: the first goods word among its objects ("weapons")."""
    goods = verbs().goods
    for c in v.children:
        if c.dep_ in ("dobj", "prep"):
            for t in c.subtree:
                if t.lemma_.lower() in goods:
                    return t.text
    return "weapons"


def in_condition(v) -> bool:
    """True when the verb stands in an "if" clause (it states a condition, not an event)."""
    t = v
    while t is not None and t.dep_ != "ROOT":
        if any(c.dep_ == "mark" and c.lower_ in _CONDITION for c in t.children):
            return True
        if t.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "pobj", "prep"):
            return False
        t = t.head
    return bool(t is not None and any(c.dep_ == "mark" and c.lower_ in _CONDITION
                                      for c in t.children))  # fmt: skip


def subject_of(p: Parsed, v, resolver: Resolver, depth: int = 0) -> list[str]:
    """The actors doing what the verb says (see the module docstring)."""
    agent = [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agent:
        return _actors(p, agent[0], resolver, v)
    subj = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
    if not subj and depth:  # "X are scheduled to meet": the passive subject of the head
        subj = [c for c in v.children if c.dep_ == "nsubjpass"]
    if subj:  # a misparse may give two subjects; the verb's own is the nearest before it
        before = [c for c in subj if c.i < v.i]
        return _actors(p, (before or subj)[-1], resolver, v)
    if depth > 4 or v.dep_ == "ROOT":
        return []
    if v.dep_ == "relcl":
        return _antecedent(p, v)
    head = v.head
    if v.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        obj = [c for c in head.head.children if c.dep_ == "dobj"]  # accused X of supplying
        if obj:
            return _actors(p, obj[0], resolver, head.head)
        head = head.head
    if v.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acl") and head.pos_ in ("VERB", "AUX"):
        return subject_of(p, head, resolver, depth + 1)
    return []


def _actors(p: Parsed, token, resolver: Resolver, verb) -> list[str]:
    """A subject's or object's actors; pronouns and bare group nouns through the resolver; a
    subject pronoun in reported speech is the reporter ("Hezbollah said it had fired")."""
    if token.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
        return _antecedent(p, verb)
    if token.lower_ in PRONOUNS:
        if token.dep_ in ("nsubj", "nsubjpass"):
            reporter = _reporter(p, verb, resolver)
            if reporter:
                return reporter
        return resolver.resolve(p, token)
    if token.lemma_.lower() in GROUP_NOUNS and any(c.lower_ == "the" for c in token.children):
        found = resolver.resolve(p, token)  # "the group", "the alliance": the latest of its kind
        if found:
            return found
    found = phrase_actors(p, token)
    return found or resolver.resolve(p, token)


def _antecedent(p: Parsed, relcl) -> list[str]:
    """What a relative clause describes; past an apposition to what it stands beside
    ("Iran, Hezbollah's main backer, which supplies it")."""
    head = relcl.head
    if head.dep_ == "appos":
        return phrase_actors(p, head.head)
    return phrase_actors(p, head)


def _reporter(p: Parsed, verb, resolver: Resolver | None = None) -> list[str]:
    """The subject of the reporting verb a clause is said under, if it names an actor."""
    t = verb
    while t.dep_ in ("ccomp", "conj", "xcomp", "advcl") and t.head is not t:
        t = t.head
        if t.lemma_.lower() in _REPORTING:  # "X says ... and has warned that": climb on
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            if subj:
                found = phrase_actors(p, subj[0])
                return found or (resolver.resolve(p, subj[0]) if resolver else [])
    return []


def parties(p: Parsed, v, cls: VerbClass, carrier, resolver: Resolver) -> tuple[list, list]:
    """(subjects, targets) of one clause."""
    subjects = subject_of(p, v, resolver)
    holders = [v] + ([carrier] if carrier is not None else [])
    objects = []
    if cls.kind not in ("deployment", "treaty", "consultation", "partnership"):
        objects += [c for c in v.children if c.dep_ in ("dobj", "dative", "nsubjpass")
                    and c is not carrier]  # fmt: skip
        holders += [o for o in objects if o.dep_ == "dobj"]
    if cls.kind == "war":  # "rammed and boarded Philippine navy boats": a misparsed object
        objects += [c for c in v.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    for h in holders:
        for prep in (c for c in h.children if c.dep_ == "prep" and c.lower_ in cls.targets):
            objects += [g for g in prep.children if g.dep_ == "pobj"]
    if cls.kind == "supply" and carrier is None:
        objects += _recipient_of_goods(v)
    targets: list[str] = []
    for o in objects:
        targets += [a for a in _actors(p, o, resolver, v) if a not in targets]
    if cls.kind in _PAIRED and not targets and len(subjects) >= 2:
        return subjects[:1], subjects[1:2]  # "Russia and North Korea signed a treaty"
    return subjects, [t for t in targets if t not in subjects]


def _recipient_of_goods(v) -> list:
    """ "supplying the drones the RSF used": the user of the goods receives them."""
    out = []
    for obj in (c for c in v.children if c.dep_ == "dobj"):
        for rel in (c for c in obj.children if c.dep_ == "relcl"):
            out += [c for c in rel.children if c.dep_ == "nsubj"]
    return out


def modality_of(v) -> str:
    """Negated, hedged or fact, by the rules of the module docstring."""
    chain = [v]
    t = v
    while t.dep_ in ("xcomp", "conj", "ccomp", "pcomp", "advcl") and len(chain) < 5:
        t = t.head if t.dep_ != "pcomp" else t.head.head
        chain.append(t)
    first = chain[:2] if v.dep_ in ("xcomp", "pcomp") else chain[:1]
    if any(c.dep_ == "neg" for t in first for c in t.children):
        return NEGATED
    if any(t.lemma_.lower() in _DENY for t in chain[1:3]):
        return NEGATED
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for t in first for c in t.children):
        return HEDGED
    if v.dep_ in ("xcomp", "ccomp") and v.head.lemma_.lower() in _INTENT:
        return HEDGED
    if v.dep_ == "pcomp" and v.head.head.lemma_.lower() in _INTENT:
        return HEDGED
    return FACT


def allegiance(p: Parsed) -> list[Finding]:
    """Alliances from nouns of allegiance and from "<X>-backed"."""
    table = verbs()
    out: list[Finding] = []
    for t in p.doc:
        lemma = t.lemma_.lower()
        if t.lower_ in _MEDIATORS:  # "mediators Qatar and the United States said": parties
            p.participants.update(a for c in t.children if c.dep_ in ("appos", "compound")
                                  for a in phrase_actors(p, c))  # fmt: skip
            if t.dep_ in ("appos", "compound") and t.head.i in p.actor_at:
                p.participants.update(phrase_actors(p, t.head))
        if t.pos_ in ("NOUN", "PROPN") and lemma in table.allies:
            owner = [a for c in t.children if c.dep_ == "poss" for a in _owner(p, c)]
            owner += [a for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children for a in phrase_actors(p, g)]  # fmt: skip
            other = _ally_of(p, t)
            kind = "treaty" if any(c.lower_ == "treaty" for c in t.children) else "alliance"
            out += [_finding(p, kind, "consult_partners", (a, b), FACT, t, {})
                    for a in other for b in owner if a != b]  # fmt: skip
        elif lemma in table.backed and t.dep_ in ("amod", "acl", "compound"):
            backers = [a for c in t.children if c.dep_ in ("npadvmod", "compound", "nmod")
                       for a in phrase_actors(p, c)]  # fmt: skip
            backers += [a for c in t.children if c.dep_ == "agent"
                        for g in c.children for a in phrase_actors(p, g)]  # fmt: skip
            backed = [p.actor_at[i] for i in (t.head.i, *(c.i for c in t.head.children
                      if c.dep_ == "compound")) if i in p.actor_at]  # fmt: skip
            out += [_finding(p, "alliance", "consult_partners", (a, b), FACT, t, {})
                    for a in backers for b in backed if a != b]  # fmt: skip
    return out


def nominal_wars(p: Parsed) -> list[Finding]:
    """ "Moscow's war against Ukraine", "Israel's attack on Iran": the possessor attacks the
    object of "against"/"on"/"with"."""
    out: list[Finding] = []
    for t in p.doc:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in _WAR_NOUNS:
            continue
        owner = [a for c in t.children if c.dep_ == "poss" for a in _owner(p, c)]
        owner += [p.actor_at[c.i] for c in t.children
                  if c.dep_ in ("amod", "compound") and c.i in p.actor_at]  # fmt: skip
        target = [a for c in t.children if c.dep_ == "prep" and c.lower_ in
                  ("against", "on", "with", "in") for g in c.children
                  for a in phrase_actors(p, g)]  # fmt: skip
        out += [_finding(p, "war", "strike_territory", (a, b), FACT, t, {"noun": t.text})
                for a in owner for b in target if a != b]  # fmt: skip
    return out


def _owner(p: Parsed, poss) -> list[str]:
    """The actor of a possessive; "its" is the nearest actor named before it."""
    if poss.lower_ in PRONOUNS:
        before = [a for i, a in sorted(p.actor_at.items()) if i < poss.i]
        return before[-1:]
    return phrase_actors(p, poss)


def _ally_of(p: Parsed, noun) -> list[str]:
    """Whom an ally noun describes: its apposition's head, its own apposition, or the subject
    of "is/remained (an) ally"."""
    if noun.dep_ == "appos":
        return [a for a in (p.actor_at.get(noun.head.i),) if a]
    found = [a for c in noun.children if c.dep_ in ("appos", "compound")
             for a in phrase_actors(p, c)]  # fmt: skip
    if not found and noun.dep_ in ("attr", "oprd"):
        found = [a for c in noun.head.children if c.dep_ == "nsubj" for a in phrase_actors(p, c)]
    if not found and noun.dep_ == "compound" and noun.head.i in p.actor_at:
        found = [p.actor_at[noun.head.i]]
    return found


def _alongside(p: Parsed, v, subjects: list[str], modality: str) -> list[Finding]:
    """ "fighting alongside the Malian army": the subject and that actor are allies."""
    out = []
    for prep in (c for c in v.children if c.dep_ == "prep" and c.lower_ == "alongside"):
        for g in (c for c in prep.children if c.dep_ == "pobj"):
            out += [_finding(p, "alliance", "consult_partners", (a, b), modality, v, {})
                    for a in subjects for b in phrase_actors(p, g) if a != b]  # fmt: skip
    return out


def _finding(p: Parsed, kind: str, action: str, pair: tuple[str, str], modality: str,
             token, attrs: dict) -> Finding:  # fmt: skip
    """A finding quoting the clause around ``token`` (its subtree within the sentence)."""
    sub = list(token.subtree) if token.dep_ != "ROOT" else [token]
    lo, hi = sub[0], sub[-1]
    if token.dep_ == "ROOT" or len(sub) > 40:
        kids = [c for c in token.children if c.dep_ in ("nsubj", "dobj", "prep", "nsubjpass")]
        lo = min([token, *(k.left_edge for k in kids)], key=lambda t: t.i)
        hi = max([token, *(k.right_edge for k in kids)], key=lambda t: t.i)
    start, end = p.offset(lo), p.offset(hi) + len(hi.text)
    quote = p.sentence.text[start - p.sentence.start : end - p.sentence.start]
    return Finding(kind, action, pair, modality, p.sentence.number, start, end, quote, attrs)


def _dedupe(found: list[Finding]) -> list[Finding]:
    """One finding per kind and parties in a sentence: a fact over a hedge over a denial."""
    rank = {FACT: 0, HEDGED: 1, NEGATED: 2}
    best: dict[tuple, Finding] = {}
    for f in found:
        key = (f.kind, f.parties)
        if key not in best or rank.get(f.modality, 3) < rank.get(best[key].modality, 3):
            best[key] = f
    return list(best.values())
