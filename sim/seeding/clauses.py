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
A clause inside an "if" clause is a condition, not an event (see ``threats``). Allegiance and wars
told by nouns are read in ``nouns``; "fighting alongside the Malian army" makes an alliance.
"""

from __future__ import annotations

from sim.seeding.allies import HELP_NOUNS, stated_allies
from sim.seeding.findings import FACT, HEDGED, NEGATED, Finding
from sim.seeding.modality import in_condition, modality_of
from sim.seeding.nouns import allegiance, nominal_wars
from sim.seeding.phrases import (
    GROUP_NOUNS,
    PRONOUNS,
    Parsed,
    finding_at,
    own_actors,
    phrase_actors,
)
from sim.seeding.resolver import Resolver
from sim.seeding.verb_sense import (
    ANNOUNCED,
    announced,
    attack_noun,
    class_of,
    deal_to_buy,
    event_really,
    goods_of_clause,
    goods_sent,
    recipient_of_goods,
    rival,
)
from sim.seeding.verbs import VerbClass

_REPORTING = {"say", "tell", "state", "add", "announce", "claim", "warn", "insist"}
# kinds whose subject takes part even when no target is named ("Seoul condemned the launch")
ONE_PARTY = {"condemnation", "nuclear_signal", "deployment", "naval_deployment", "sanctions",
             "war", "consultation", "ceasefire", "withdrawal"}  # fmt: skip
_PAIRED = {"treaty", "ceasefire", "consultation", "partnership"}  # "A and B met / signed"
_RECIPROCAL = {"clash", "exchange", "skirmish"}  # "A and B clashed": at war with each other
_CONTROL = {
    "urge",
    "ask",
    "tell",
    "call",
    "order",
    "force",
    "press",
    "push",
    "persuade",
    "encourage",
    "invite",
    "allow",
    "help",
    "warn",
    "request",
    "demand",
}


def clause_findings(p: Parsed, resolver: Resolver) -> tuple[list[Finding], bool]:
    """Findings of one parsed sentence, and whether it holds an event verb at all."""
    out: list[Finding] = []
    had_event = False
    for v in p.doc:
        if v.pos_ not in ("VERB", "AUX"):
            continue
        cls, carrier = class_of(v)
        cls = goods_sent(deal_to_buy(cls, v, carrier), v)
        if cls is None or cls.kind == "threat":
            if any(c.dep_ == "nsubj" for c in v.children):
                resolver.heard(subject_of(p, v, resolver), [])
            continue
        had_event = True
        if in_condition(v) or rival(carrier):
            continue
        if not event_really(v, cls, carrier):
            continue
        subjects, targets = parties(p, v, cls, carrier, resolver)
        if cls.kind == "deployment" and _moved_by_proxy(p, v):
            continue  # "Iran-backed militias have moved to Lebanon": not Iran's troops
        p.verb_subjects[v.i] = subjects
        if cls.requires_with and not targets:
            continue  # "stood with Guyana" counts, "stood down" does not
        if targets or cls.kind in ONE_PARTY:
            p.participants.update(subjects + targets)
        modality = modality_of(v)
        if modality == HEDGED and cls.kind in ANNOUNCED and announced(v):
            modality = FACT  # "will hold talks", "would conduct exercises with": scheduled
        out += stated_allies(p, v, subjects, modality, resolver)
        grammatical = (subjects, targets)  # the resolver follows the sentence, not the roles
        if cls.reverse:
            subjects, targets = targets, subjects
        attrs = {"cameo": cls.cameo, "verb": v.text}
        if cls.kind == "supply":
            attrs["goods"] = goods_of_clause(v, carrier)
        for a in subjects:
            for b in targets:
                if a != b:
                    f = finding_at(p, cls.kind, cls.action, (a, b), modality, v, dict(attrs))
                    out.append(f)
                    if cls.kind == "ceasefire" and len({*subjects, *targets}) == 2:
                        # the two parties to a ceasefire were at war (not its brokers)
                        out.append(finding_at(p, "war", "strike_territory", (a, b), FACT, v, {}))
        resolver.heard(*grammatical)
        if cls.kind == "war" and modality == FACT and subjects and targets:
            resolver.attackers[:], resolver.struck[:] = subjects[:1], targets
        elif cls.kind == "war" and modality == FACT and subjects:
            resolver.attackers[:] = subjects[:1]
        elif cls.kind == "war" and modality == FACT and targets:  # "Kampala was hit by bombings"
            resolver.victims[:] = targets
    out += allegiance(p, resolver) + nominal_wars(p, resolver)
    return _dedupe(out), had_event


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
    stray = _stray_subject(p, v)
    if stray:
        return stray
    if v.dep_ == "relcl":
        return _antecedent(p, v)
    head = v.head
    if v.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        obj = [c for c in head.head.children if c.dep_ == "dobj"]  # accused X of supplying
        if obj:
            return _actors(p, obj[0], resolver, head.head)
        head = head.head
    if v.dep_ == "xcomp" and head.lemma_.lower() in _CONTROL:  # "urged Russia to stop",
        controller = [c for c in head.children if c.dep_ in ("dobj", "dative")]  # "called on
        controller += [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "on"
            for g in c.children
            if g.dep_ == "pobj"
        ]  # both sides to pull back"
        if controller:
            return _actors(p, controller[0], resolver, head)
    if v.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acl") and head.pos_ in ("VERB", "AUX"):
        return subject_of(p, head, resolver, depth + 1)
    if v.dep_ == "acl" and head.dep_ == "dobj" and head.head.pos_ == "VERB":
        return subject_of(p, head.head, resolver, depth + 1)  # "launched an offensive to retake"
    return []


def _moved_by_proxy(p: Parsed, v) -> bool:
    """Whether the verb's subject names only a backer ("Iran-backed militias")."""
    subj = [c for c in v.children if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS]
    return (
        bool(subj)
        and not own_actors(p, subj[0])
        and bool(phrase_actors(p, subj[0]))
        and (any(_backed_word(t) for t in subj[0].subtree))
    )


def _backed_word(t) -> bool:
    return t.lemma_.lower() in ("back", "align", "sponsor", "support", "fund", "arm") and (
        t.dep_ in ("amod", "acl", "compound")
    )


def _stray_subject(p: Parsed, v) -> list[str]:
    """ "... to the Central African Republic and Rwanda has deployed": the parse hangs "Rwanda"
    on the object before it; an actor right after "and" and before the verb's auxiliaries is
    the second clause's subject."""
    if v.dep_ != "conj":
        return []
    t = v.i - 1
    while t >= 0 and p.doc[t].dep_ in ("aux", "auxpass", "neg", "advmod"):
        t -= 1
    if t < 1 or t not in p.actor_at or p.doc[t].dep_ not in ("conj", "appos"):
        return []
    first = t
    while first > 0 and p.actor_at.get(first - 1) == p.actor_at[t]:
        first -= 1
    return [p.actor_at[t]] if p.doc[first - 1].lower_ == "and" else []


def _actors(p: Parsed, token, resolver: Resolver, verb) -> list[str]:
    """A subject's or object's actors; pronouns and bare group nouns through the resolver; a
    subject pronoun in reported speech is the reporter ("Hezbollah said it had fired")."""
    if token.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
        return _antecedent(p, verb)
    if token.lower_ in PRONOUNS:  # "'We struck X,' Y said": Y, wherever "we" stands
        if token.dep_ in ("nsubj", "nsubjpass") or PRONOUNS[token.lower_] == "speaker":
            reporter = _reporter(p, verb, resolver)
            if reporter:
                return reporter
        return resolver.resolve(p, token)
    if _group_noun(token) and any(c.lower_ == "the" for c in token.children):
        found = own_actors(p, token)  # "the Malian army" names Mali, whatever came before
        found = found or _listed_members(p, token)
        # "the group", "the Iran-aligned group": the latest of its kind, not its backer
        found = found or resolver.resolve(p, token)
        if found:
            return found
    found = phrase_actors(p, token)
    subject_of_attack = token.dep_ == "nsubj" and attack_noun(verb, lemma=True)
    if (
        not found
        and subject_of_attack
        and attack_noun(token)
        and any(c.lower_ == "the" for c in token.children)
    ):
        found = list(resolver.attackers)  # "The strike also killed ...": the last attacker's
    if not found:  # "the group's positions", "its bases": the possessor's
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        pronoun = owner is not None and owner.lower_ in PRONOUNS and token.dep_ != "dobj"
        if owner is not None and pronoun:  # "X said their fighters": X's
            found = _reporter(p, verb, resolver) or _actors(p, owner, resolver, verb)
        elif owner is not None and owner.lemma_.lower() in GROUP_NOUNS:
            found = _actors(p, owner, resolver, verb)
        elif owner is not None and owner.lower_ in PRONOUNS:  # "X said Y attacked its
            found = _reporter(p, verb, resolver)  # positions": the reporter's, not Y's
    return found or resolver.resolve(p, token)


def _listed_members(p: Parsed, token) -> list[str]:
    """ "The rebels, an alliance of Ansar Dine and MUJAO": the actors its apposition lists."""
    return [a for c in token.children if c.dep_ == "appos"
            for o in c.children if o.dep_ == "prep" and o.lower_ == "of"
            for g in o.children if g.dep_ == "pobj" for a in phrase_actors(p, g)]  # fmt: skip


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
            if (
                not subj and t.dep_ == "conj" and t.head.pos_ == "VERB"
            ):  # "X condemned ... and said"
                subj = [c for c in t.head.children if c.dep_ == "nsubj"]
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
                    and (carrier is None or c.i != carrier.i)]  # fmt: skip
        holders += [h for o in objects if o.dep_ == "dobj" for h in (o, *o.conjuncts)]
    if cls.kind == "war":  # "rammed and boarded Philippine navy boats": a misparsed object
        objects += [c for c in v.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        # "fighting alongside the Malian army against X": "against" hung on the ally
        holders += [g for c in v.children if c.dep_ == "prep" and c.lower_ == "alongside"
                    for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    for h in holders:
        for prep in (
            c for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ in cls.targets
        ):
            objects += [g for g in prep.children if g.dep_ == "pobj"]
    if cls.kind == "partnership" and carrier is not None and v.lemma_.lower() == "join":
        # "France joined the Greek drills with Italy": France and Italy join Greece
        owners = [a for c in carrier.children if c.dep_ in ("amod", "poss", "compound")
                  for a in phrase_actors(p, c)]  # fmt: skip
        withs = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"]
        fellow = [a for c in withs for g in c.children if g.dep_ == "pobj"
                  for a in _actors(p, g, resolver, v)]  # fmt: skip
        if owners:
            return [a for a in subjects + fellow if a not in owners], owners
    if cls.kind == "supply" and carrier is None:
        objects += recipient_of_goods(v)
    objects = [o for o in objects if o.lemma_.lower() not in HELP_NOUNS]  # "with the help of"
    targets: list[str] = []
    for o in objects:
        targets += [a for a in _actors(p, o, resolver, v) if a not in targets]
    if cls.kind == "war" and not targets:  # "fired missiles at Riyadh": the capital's state
        targets = [p.capital_at[o.i] for o in objects
                   if o.i in p.capital_at and o.head.lower_ in ("at", "on", "against")]  # fmt: skip
    reciprocal = cls.kind == "war" and v.lemma_.lower() in _RECIPROCAL
    if (cls.kind in _PAIRED or reciprocal) and not targets and len(subjects) >= 2:
        # "Russia and North Korea signed a treaty"; "Burkina Faso, Mali and Niger signed":
        # every pair (the finding loop skips an actor paired with itself)
        return subjects[:-1], subjects[1:]
    return subjects, [t for t in targets if t not in subjects]


def _group_noun(token) -> bool:
    """ "the group", "the army", and "the armed forces" / "the security forces" (a state's)."""
    if token.lemma_.lower() in GROUP_NOUNS:
        return True
    return token.lemma_.lower() == "force" and any(
        c.lower_ in ("armed", "security") for c in token.children
    )


def _dedupe(found: list[Finding]) -> list[Finding]:
    """One finding per kind and parties in a sentence: a fact over a hedge over a denial."""
    rank = {FACT: 0, HEDGED: 1, NEGATED: 2}
    best: dict[tuple, Finding] = {}
    for f in found:
        key = (f.kind, f.parties)
        if key not in best or rank.get(f.modality, 3) < rank.get(best[key].modality, 3):
            best[key] = f
    return list(best.values())
