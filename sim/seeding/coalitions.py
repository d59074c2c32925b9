"""Coalitions, membership and claimed attacks: relations news states with nouns and light verbs.

- A coalition's leader is remembered ("the U.S.-led coalition", "a coalition led by Saudi
  Arabia"), so "the coalition" later is its leader; "the SDF, the alliance led by the YPG":
  the alliance and its leader are allies.
- Membership is an alliance: "Britain, a member of the coalition", "Both countries are members
  of the CSTO", "Finland became the 31st member of NATO", "Finland joins NATO", "the five
  countries had joined the U.S.-led coalition": the member and the alliance (or the
  coalition's leader).
- "The Saudi-led coalition, which includes the United Arab Emirates": each member listed and
  the coalition's leader (or the alliance) are allies, and fight whom the coalition fights; "a
  coalition of ten countries, among them Egypt and Jordan, joined the campaign": allies.
- Taking part in an attack the text has reported: "Saudi Arabia, Jordan and Bahrain took part in
  the strikes", "joined the strikes": each is at war with the attack's target and allied with
  its attacker.
- A claimed attack: "Kampala was hit by bombings ..., attacks claimed by Islamic State", "the
  Houthis claimed the attack": the claimant is at war with whoever the attack hit; so is the
  one blamed for it ("accused Iran of being behind the strikes", "blamed X for the attack").
"""

from __future__ import annotations

from sim.seeding.clauses import subject_of
from sim.seeding.findings import FACT, Finding
from sim.seeding.modality import modality_of
from sim.seeding.phrases import Parsed, finding_at, phrase_actors
from sim.seeding.resolver import Resolver
from sim.seeding.roles import named_before
from sim.seeding.targets import parties
from sim.seeding.verb_sense import attack_noun, class_of

_COALITION = {"coalition", "alliance", "bloc"}
_MEMBER = {"member", "members"}


def coalition_findings(p: Parsed, resolver: Resolver) -> list[Finding]:
    """Alliances of membership and wars of taking part or claiming, in one sentence."""
    _remember_leaders(p, resolver)
    out: list[Finding] = []
    for t in p.doc:
        lemma = t.lemma_.lower()
        if t.pos_ == "NOUN" and lemma == "member":
            out += _membership(p, t, resolver)
        elif t.pos_ == "NOUN" and lemma in ("alliance", "coalition"):
            out += _led_alliance(p, t)
        elif t.pos_ == "VERB" and lemma in ("join", "take", "participate"):
            out += _joining(p, t, resolver)
        elif t.pos_ == "VERB" and lemma == "claim":
            out += _claim(p, t, resolver)
        elif t.pos_ == "VERB" and lemma in ("accuse", "blame"):
            out += _blamed(p, t, resolver)
        elif t.pos_ == "VERB" and lemma in ("include", "comprise") and t.dep_ == "relcl":
            out += _included(p, t, resolver)
        elif t.pos_ == "VERB" and lemma in ("pledge", "swear"):
            out += _allegiance(p, t, resolver)
        elif t.lemma_.lower() == "part" and t.dep_ == "pobj" and t.head.lower_ == "as":
            out += _part_of(p, t, resolver)
    return out


def _remember_leaders(p: Parsed, resolver: Resolver) -> None:
    """ "the U.S.-led coalition", "a coalition led by Saudi Arabia": its leader."""
    for t in p.doc:
        if t.lemma_.lower() != "coalition":
            continue
        leaders = [p.actor_at[c.i] for c in t.children
                   if c.dep_ in ("amod", "compound") and c.i in p.actor_at
                   and "led" in c.text.lower()]  # fmt: skip
        leaders += [a for c in t.children if c.dep_ == "acl" and c.lemma_.lower() == "lead"
                    for g in c.children if g.dep_ == "agent"
                    for o in g.children for a in phrase_actors(p, o)]  # fmt: skip
        if not leaders and t.i >= 2 and p.doc[t.i - 1].lower_ == "led":
            leaders = [a for a in (p.actor_at.get(p.doc[t.i - 3].i),) if a] if t.i >= 3 else []
        if leaders:
            resolver.coalition[:] = leaders[:1]


def _led_alliance(p: Parsed, noun) -> list[Finding]:
    """ "The SDF, the U.S.-backed alliance led by the YPG": the alliance and its leader."""
    if noun.dep_ != "appos" or noun.head.i not in p.actor_at:
        return []
    leaders = [a for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() == "lead"
               for g in c.children if g.dep_ == "agent"
               for o in g.children for a in phrase_actors(p, o)]  # fmt: skip
    body = p.actor_at[noun.head.i]
    return [finding_at(p, "alliance", "consult_partners", (body, a), FACT, noun, {})
            for a in leaders if a != body]  # fmt: skip


def _body(p: Parsed, noun, resolver: Resolver) -> list[str]:
    """The alliance a coalition or alliance noun stands for, or its leader; "the bloc" the
    latest alliance named."""
    own = phrase_actors(p, noun)
    if own:
        return own
    if noun.lemma_.lower() == "coalition" and resolver.coalition:
        return list(resolver.coalition)
    if noun.lemma_.lower() in _COALITION:
        return resolver.of_kind(p, noun)
    return []


def _allegiance(p: Parsed, v, resolver: Resolver) -> list[Finding]:
    """ "X, which has pledged allegiance to Y", "X swore loyalty to Y": allies."""
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in ("allegiance", "loyalty")
               for c in v.children):  # fmt: skip
        return []
    holders = [v, *(c for c in v.children if c.dep_ == "dobj")]  # "allegiance to X"
    to = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "to"
          for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    lords = [a for g in to for a in phrase_actors(p, g)]
    if not lords and v.dep_ in ("relcl", "advcl"):  # "State, to which the ADF pledged"
        lords = phrase_actors(p, v.head) if v.head.pos_ in ("NOUN", "PROPN") else []
    if not lords:  # the parse hangs "to which" on the verb: the name just before it
        lords = [a for c in v.children if c.lower_ == "to" and c.i > 0
                 and any(g.lower_ in ("which", "whom") for g in c.children)
                 for a in named_before(p, c.i)]  # fmt: skip
    subjects = subject_of(p, v, resolver)
    return [finding_at(p, "alliance", "consult_partners", (a, b), modality_of(v), v, {})
            for a in subjects for b in lords if a != b]  # fmt: skip


def _included(p: Parsed, v, resolver: Resolver) -> list[Finding]:
    """ "the coalition, which includes the UAE and Bahrain": each member and the body."""
    noun = v.head
    if noun.lemma_.lower() not in _COALITION | {"force", "mission"}:
        return []
    bodies = _body(p, noun, resolver)
    members = [a for c in v.children if c.dep_ == "dobj" for a in phrase_actors(p, c)]
    out = [finding_at(p, "alliance", "consult_partners", (a, b), modality_of(v), v, {})
           for a in members for b in bodies if a != b]  # fmt: skip
    return out + _members_fight(p, noun, members, resolver)


def _members_fight(p: Parsed, noun, members: list[str], resolver: Resolver) -> list[Finding]:
    """ "The coalition, which includes the UAE, has been fighting the Houthis": the members
    fight whom the coalition fights."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
        return []
    cls, carrier = class_of(verb)
    if cls is None or cls.kind != "war" or modality_of(verb) != FACT:
        return []
    _, targets = parties(p, verb, cls, carrier, resolver)
    return [finding_at(p, "war", "strike_territory", (a, b), FACT, verb, {"verb": verb.text})
            for a in members for b in targets if a != b]  # fmt: skip


def _part_of(p: Parsed, part, resolver: Resolver) -> list[Finding]:
    """ "crossed into Bahrain as part of a GCC force": the subject and the force's owner; "the
    Moscow paratroopers were deployed as part of the force sent by the CSTO": the troops' state
    and the sender."""
    verb = part.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    forces = [g for c in part.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    bodies = [a for g in forces for a in _body(p, g, resolver)]
    bodies = bodies or [a for g in forces for c in g.children if c.dep_ == "acl"
                        and c.lemma_.lower() in _SENDING for ag in c.children if ag.dep_ ==
                        "agent" for o in ag.children for a in _body(p, o, resolver)]  # fmt: skip
    moved = [c for c in verb.children if c.dep_ == "nsubjpass"]  # "were deployed as part of"
    subjects = subject_of(p, verb, resolver) or [a for c in moved for a in phrase_actors(p, c)]
    return [finding_at(p, "alliance", "consult_partners", (a, b), modality_of(verb), part, {})
            for a in subjects for b in bodies if a != b]  # fmt: skip


_SENDING = {"send", "deploy", "dispatch", "lead", "field", "form", "assemble"}


def _membership(p: Parsed, member, resolver: Resolver) -> list[Finding]:
    """ "X, a member of the coalition", "X are members of Y", "X became a member of Y"."""
    bodies = [a for c in member.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj" for a in _body(p, g, resolver)]  # fmt: skip
    if member.dep_ == "appos":
        members = phrase_actors(p, member.head)
    elif member.dep_ in ("attr", "oprd"):
        members = subject_of(p, member.head, resolver)
    else:
        return []
    modality = modality_of(member.head) if member.dep_ != "appos" else FACT
    return [finding_at(p, "alliance", "consult_partners", (a, b), modality, member, {})
            for a in members for b in bodies if a != b]  # fmt: skip


def _joining(p: Parsed, v, resolver: Resolver) -> list[Finding]:
    """ "joined NATO / the U.S.-led coalition / the strikes", "took part in the strikes"."""
    lemma = v.lemma_.lower()
    objs = [c for c in v.children if c.dep_ == "dobj"]
    if lemma == "take":
        if not any(o.lemma_.lower() == "part" for o in objs):
            return []
        objs = []
    if lemma != "join":
        objs += [g for c in v.children if c.dep_ == "prep" and c.lower_ == "in"
                 for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    if not objs:
        return []
    members = _coalition_members(p, v, resolver)
    if members:  # "a coalition of ten countries, among them Egypt and Jordan, joined the
        return members  # campaign": each listed member is allied with the coalition's leader
    subjects = subject_of(p, v, resolver)
    modality = modality_of(v)
    out: list[Finding] = []
    for o in objs:
        if attack_noun(o) and not _has_target(p, o):
            allies, targets = resolver.attackers, resolver.struck
        elif o.lemma_.lower() in _COALITION or any(
            resolver.kinds.get(a) == "alliance" for a in phrase_actors(p, o)
        ):
            allies, targets = _body(p, o, resolver), []
        else:
            continue
        out += [finding_at(p, "alliance", "consult_partners", (a, b), modality, v, {})
                for a in subjects for b in allies if a != b]  # fmt: skip
        out += [finding_at(p, "war", "strike_territory", (a, b), modality, v, {})
                for a in subjects for b in targets if a != b]  # fmt: skip
    if out:
        p.participants.update(subjects)
    return out


_LISTING = ("among", "including", "like")


def _coalition_members(p: Parsed, v, resolver: Resolver) -> list[Finding]:
    """ "a coalition of ten countries, among them Egypt, Jordan and Sudan, had joined": each
    member listed is allied with the coalition's leader (the latest attacker when the text
    names no leader); no war of their own is stated."""
    subj = [c for c in v.children if c.dep_ == "nsubj" and c.lemma_.lower() in _COALITION]
    if not subj:
        return []
    lists = [c for c in (*v.children, *subj[0].subtree)
             if c.dep_ == "prep" and c.lower_ in _LISTING]  # fmt: skip
    members = [a for c in lists for g in c.children if g.dep_ == "pobj"
               for t in (g, *g.conjuncts) for a in phrase_actors(p, t)]  # fmt: skip
    leaders = _body(p, subj[0], resolver) or list(resolver.attackers[:1])
    out = [finding_at(p, "alliance", "consult_partners", (a, b), modality_of(v), v, {})
           for a in dict.fromkeys(members) for b in leaders if a != b]  # fmt: skip
    p.participants.update(a for f in out for a in f.parties)
    return out


def _has_target(p: Parsed, noun) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in noun.children)


def _claim(p: Parsed, v, resolver: Resolver) -> list[Finding]:
    """ "X claimed the attack (on Y)", "attacks claimed by X": X attacked whoever it hit."""
    if v.dep_ == "acl" and attack_noun(v.head):
        claimants = [a for g in v.children if g.dep_ == "agent"
                     for o in g.children for a in phrase_actors(p, o)]  # fmt: skip
        noun = v.head
    else:
        nouns = [c for c in v.children if c.dep_ == "dobj" and attack_noun(c)]
        if not nouns:
            return []
        noun, claimants = nouns[0], subject_of(p, v, resolver)
    hit = _hit_by(p, noun, resolver)
    out = [finding_at(p, "war", "strike_territory", (a, b), FACT, v, {"verb": v.text})
           for a in claimants for b in hit if a != b]  # fmt: skip
    if out:
        p.participants.update(claimants + hit)
        resolver.attackers[:] = claimants[:1]
        resolver.struck[:] = hit
    return out


_HITTING = {"hit", "strike", "damage", "destroy", "set", "kill", "wound", "target", "knock"}


def _hit_by(p: Parsed, noun, resolver: Resolver) -> list[str]:
    """Whom an attack noun hit: its "on"/"against" object, the object of the verb it is the
    subject of ("drone attacks ... set ablaze Saudi Aramco's facilities"), else the latest
    victims."""
    hit = [a for c in noun.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
           for g in c.children for a in phrase_actors(p, g)]  # fmt: skip
    if not hit and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _HITTING:
        hit = [a for c in noun.head.children if c.dep_ == "dobj" for a in phrase_actors(p, c)]
    return hit or list(resolver.victims)


def _blamed(p: Parsed, v, resolver: Resolver) -> list[Finding]:
    """ "accused Iran of being behind the strikes", "blamed Iran for the attack": the one blamed
    attacked whoever the attack hit (the accuser's word, as the text reports it)."""
    objs = [c for c in v.children if c.dep_ == "dobj"]
    preps = [c for c in v.children if c.dep_ == "prep"]
    nouns = [t for c in preps if c.lower_ in ("of", "for") for t in c.subtree
             if attack_noun(t) and (t.head is c or t.head.lower_ == "behind")]  # fmt: skip
    blamed = [a for o in objs for a in phrase_actors(p, o)]  # ("blamed the attack on Iran"
    if not nouns or not blamed:  # is left alone: the parse cannot tell it from the target)
        return []
    hit = _hit_by(p, nouns[0], resolver) or list(resolver.struck)
    return [finding_at(p, "war", "strike_territory", (a, b), modality_of(v), v, {"verb": v.text})
            for a in blamed for b in hit if a != b]  # fmt: skip
