"""Threats without an "if": what an actor says it will do to another, as the press writes it.

A verb of saying or threatening (or a quote's "X said") carries a clause that threatens; each
such clause becomes a doctrine entry answering the target's escalation. The clauses are the
reporting verb's complements and the clauses coordinated with them ("said the jets had violated
its airspace, and that it would respond"); what makes one a threat (force, suffering, an act
that would be war, a mark on the target) is ``threat_kinds``. A threat verb's object threatens
too: "vowed harsh revenge against X", "threatened the use of armed force", "promised further
attacks on the group", "warned of serious consequences".
The speaker is the clause's own subject when it names an actor ("said Tehran would not
hesitate", "'Vietnam will take all necessary measures,' a spokesman said"), else the reporting
verb's subject; the target is whoever is warned ("warned Greece that"), else the actor the
clause names (not the speaker, not the one an attack would fall on: "any attack on Belarus";
of an act the speaker would take as war, only its doer: "would view any action that threatens
its troops in Moldova as an attack on itself"),
else the party the rest of the sentence sets against the speaker ("said the Indian jets had
violated its airspace, and that it would respond"), else none (the draft aims it at the
speaker's first adversary).
"""

from __future__ import annotations

import re

from sim.seeding.aimed_vows import aimed_vows
from sim.seeding.findings import FACT, Finding
from sim.seeding.phrases import Parsed, finding_at, phrase_actors
from sim.seeding.reporters import said_in_noun
from sim.seeding.resolver import Resolver
from sim.seeding.roles import actors_of, subject_of
from sim.seeding.threat_entry import clause_text, doctrine_entry, threat_words
from sim.seeding.threat_kinds import conditioned, modal, threat_kind, zero_tolerance_of
from sim.seeding.threat_targets import enemy_named, named, other_party, protected


def _w(name: str) -> frozenset[str]:
    return threat_words()[name]


_AGAINST = ("against", "on", "for", "upon")
_AT = ("against", "on", "upon", "at", "into")
_COPULAS = {"be", "become", "remain"}  # "any NATO troops would become legitimate targets"
_KNOWING = {"know", "understand", "realise", "realize", "remember", "note", "be"}
_WARNED = {"consequence", "repercussion", "response", "retaliation", "reprisal", "punishment",
           "revenge", "retribution"}  # fmt: skip
_DEFENCE_PACT = re.compile(
    r"mutual[- ]defen[cs]e|defen[cs]e (?:treaty|pact|commitments?|"
    r"obligations)|treaty (?:obligations|commitments)|Article 5",
    re.I,
)


def bare_threats(p: Parsed, resolver: Resolver) -> list[Finding]:
    """Doctrine findings of the threats a sentence states without a condition."""
    out: list[Finding] = []
    for v in p.doc:
        lemma = v.lemma_.lower()
        if any(c.dep_ == "neg" for c in v.children):
            continue  # "did not threaten to retaliate", "denied it would"
        if lemma in _w("threatening"):
            out += _vowed(p, v, resolver) or aimed_vows(p, v, resolver)
        if lemma in _w("reporting") or lemma in _w("threatening"):
            for clause in _said_clauses(v):
                out += _of_clause(p, v, clause, resolver)
        if v.pos_ == "NOUN" and lemma in _THREAT_NOUNS:  # "Iranian threats to avenge ..."
            out += _nominal(p, v, resolver)
        elif v.dep_ == "ROOT" and modal(v):  # "Iran will respond, a commander said."
            said = [c for c in v.children if c.dep_ == "parataxis"
                    and c.lemma_.lower() in _w("reporting")]  # fmt: skip
            out += _of_clause(p, said[0] if said else v, v, resolver)
    return out


def _voice(p: Parsed, v, resolver: Resolver) -> list[str]:
    """Who says or threatens: the verb's subject; a threat verb the parse hangs, without a
    subject, on the clause another verb reports ("The Houthis said the strikes killed five of
    their fighters and vowed to retaliate") takes that reporting verb's subject."""
    if (
        v.dep_ == "conj"
        and v.lemma_.lower() in _w("threatening")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)
    ):
        top = v.head
        while top.dep_ == "conj":
            top = top.head
        if top.dep_ == "ccomp" and top.head.lemma_.lower() in _w("reporting"):
            return subject_of(p, top.head, resolver)
    return subject_of(p, v, resolver)


def _said_clauses(v) -> list:
    """The clauses a reporting verb carries: its complements and what is coordinated with them
    ("said X, and that it would respond"), not another reporting verb's, and what its
    complement says someone must know ("said Moscow must know that NATO will not accept
    attacks on its infrastructure", "said it was clear that ..."), and what a noun of its
    says ("warned India in a message that it would retaliate")."""
    out, stack = [], [c for c in v.children if c.dep_ in ("ccomp", "xcomp")]
    stack += said_in_noun(v)  # "warned India in a message that it would retaliate"
    while stack:
        c = stack.pop(0)
        out.append(c)
        stack += [g for g in c.children if g.dep_ == "conj" and g.pos_ in ("VERB", "AUX")
                  and g.lemma_.lower() not in _w("reporting")]  # fmt: skip
        if c.lemma_.lower() in _KNOWING:  # "said its adversaries must know that it will ..."
            stack += [g for g in c.children if g.dep_ == "ccomp"]
    return out


def _of_clause(p: Parsed, v, c, resolver: Resolver) -> list[Finding]:
    """The threat one clause under a reporting verb states, if any (see the docstring)."""
    kind = threat_kind(v, c)
    if kind is None or conditioned(c):  # "would respond if Finland joined": see ``threats``
        return []
    speakers, victims = _parties(p, v, c, kind, resolver)
    if not speakers:
        return []
    warned = [a for g in v.children if g.dep_ in ("dobj", "dative")
              for a in phrase_actors(p, g)]  # fmt: skip
    targets = [a for a in warned + victims if a not in speakers]
    targets = targets or enemy_named(p, c, speakers, resolver)  # "the aggressors will pay"
    if not targets and kind != "war":  # a war threat with no "by" guards whoever it protects
        targets = other_party(p, c, speakers)
    text = clause_text(p, c)
    out = []
    for who in speakers[:2]:  # "Mali and Burkina Faso said an intervention would be ..."
        f = doctrine_entry(p, who, targets[0] if targets else None, text, "")
        if kind == "war":
            f.attrs["protects"] = [a for a in protected(p, c) if a != who]
            if _DEFENCE_PACT.search(text):  # "would invoke U.S. mutual defence commitments"
                out += [finding_at(p, "treaty", "consult_partners", (who, a), FACT, c,
                                   {"mutual_defence": True})
                        for a in f.attrs["protects"][:1]]  # fmt: skip
        out.insert(0, f)
    return out


def _parties(p: Parsed, v, c, kind: str, resolver: Resolver) -> tuple[list[str], list[str]]:
    """(speakers, the actors the clause threatens) of one threatening clause, by its kind."""
    reporter = _voice(p, v, resolver) if v.i != c.i else []
    subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if kind == "act":
        # "said it would", "said such attacks would not be tolerated": the reporter speaks
        said_of = subj is None or subj.pos_ == "PRON" or c.dep_ == "xcomp" or _act_suffered(subj)
        own = reporter if said_of and reporter else subject_of(p, c, resolver)
        forceful = said_of or subj.lemma_.lower() in _w("own_forces")
        tolerated = zero_tolerance_of(c)  # "zero tolerance with armed groups from X": the groups
        victims = ([a for x in tolerated for a in phrase_actors(p, x)] if tolerated
                   else named(p, c, True, resolver))  # fmt: skip
        return own or (reporter if forceful else []), victims
    if kind == "suffer":  # "Kenya would pay for its invasion": the subject suffers
        victims = phrase_actors(p, subj) if subj is not None else []
        return reporter, victims + named(p, c, True)
    if kind == "mark":  # "would regard Western troops as legitimate targets"
        own = subject_of(p, c, resolver)
        said_of = subj is None or subj.pos_ == "PRON" or not own or c.lemma_.lower() in _COPULAS
        act = next((g for g in c.children if g.dep_ == "dobj"
                    and g.lemma_.lower() in _w("hostile_acts")), None)  # fmt: skip
        if act is not None:  # "any action that threatens its troops in X": the act's doer
            return (reporter if said_of else own), _agents(p, act)
        return (reporter if said_of else own), named(p, c, skip_subject=False)
    act = next(g for g in c.children if g.dep_ in ("nsubj", "nsubjpass", "csubj"))
    return reporter, _agents(p, act)


def _act_suffered(subj) -> bool:
    """A passive clause's hostile act ("such attacks will not be tolerated"): the reporter
    speaks."""
    return subj.dep_ == "nsubjpass" and subj.lemma_.lower() in _w("hostile_acts")


def _agents(p: Parsed, act) -> list[str]:
    """Who does a hostile act the threat names: its "by" ("any incursion by China"), not those
    it falls on or where ("any action that threatens its troops in Moldova")."""
    return [a for g in act.children if g.dep_ == "prep" and g.lower_ == "by"
            for x in g.children for a in phrase_actors(p, x)]  # fmt: skip


def _vowed(p: Parsed, v, resolver: Resolver) -> list[Finding]:
    """ "vowed harsh revenge against the Houthis", "promised further attacks on the group",
    "threatened the use of armed force", "warned of serious consequences": a threat; the
    target is the one the noun's "against"/"on"/"for" names, else the other party."""
    warns = v.lemma_.lower() in ("warn", "caution")  # "warned of war" is no threat
    threatened = _WARNED if warns else _w("threatened") - {"consequence", "repercussion"}
    nouns = [c for c in v.children if c.dep_ == "dobj"]
    nouns += [g for c in v.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    noun = next((n for n in nouns if n.lemma_.lower() in threatened or n.lemma_.lower() == "use"
                 and any(t.lemma_.lower() == "force" for t in n.subtree)), None)  # fmt: skip
    speaker = _voice(p, v, resolver) if noun is not None else []
    if not speaker:
        return []
    against = [a for c in noun.children if c.dep_ == "prep" and c.lower_ in _AGAINST
               for g in c.children for a in actors_of(p, g, resolver, v)]  # fmt: skip
    targets = [a for a in against if a not in speaker] or other_party(p, noun, speaker)
    return [doctrine_entry(p, speaker[0], targets[0] if targets else None,
                           clause_text(p, noun), "")]  # fmt: skip


_THREAT_NOUNS = {"threat", "vow", "pledge", "warning", "ultimatum"}
_NOMINAL_FORCE = {"attack", "strike", "bomb", "invade", "destroy", "crush", "target", "hit",
                  "avenge", "punish", "annihilate", "eliminate", "sink", "retaliate"}  # fmt: skip


def _nominal(p: Parsed, noun, resolver: Resolver) -> list[Finding]:
    """A threat told as a noun with its act: "Iranian threats to avenge the killing", "threats
    by President Donald Trump to attack the country", "Moscow's vow to strike back". The
    speaker is the noun's owner (possessive, demonym, "by"); the target the act's object, else
    the other party. Not a threat with no act ("the threat of a wider war", "threats to its
    troops")."""
    act = _infinitive_after(noun)
    if act is None or act.lemma_.lower() not in _NOMINAL_FORCE:
        return []
    if any(c.dep_ == "neg" for c in act.children):
        return []
    owners = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    owners += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
               for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    speaker = list(dict.fromkeys(a for o in owners for t in o.subtree
                                 if (a := p.actor_at.get(t.i))))  # fmt: skip
    if not speaker:
        return []
    objects = [c for c in act.children if c.dep_ == "dobj"]
    objects += [g for c in act.subtree if c.dep_ == "prep" and c.lower_ in _AT
                and (c.head == act or c.head.head == act)
                for g in c.children if g.dep_ == "pobj"]  # "to strike back at Kyiv"  # fmt: skip
    objects = [a for c in objects for a in phrase_actors(p, c) if a not in speaker]
    targets = objects or other_party(p, act, speaker)
    return [doctrine_entry(p, speaker[0], targets[0] if targets else None,
                           clause_text(p, act), "")]  # fmt: skip


def _infinitive_after(noun):
    """The "to" infinitive that follows a noun, after its own "by X" if any ("threats by
    President Donald Trump to attack"), wherever the parse hangs it; None if another word
    comes between."""
    doc, own = noun.doc, {t.i for t in noun.subtree}
    for j in range(noun.i + 1, min(noun.i + 10, len(doc) - 1)):
        if doc[j].lower_ == "to" and doc[j + 1].tag_ == "VB":
            return doc[j + 1]
        if j not in own or doc[j].is_punct:
            return None
    return None
