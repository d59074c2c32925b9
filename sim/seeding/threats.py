"""Threats and conditional statements over the parse: each becomes a doctrine entry.

- "if X, Y" / "Y if X": the consequence Y's subject is the speaker, unless the consequence
  falls on the condition's own subject ("if Pakistan carries out any further aggression, it
  will face a strong response"): then the speaker is whoever says it (the subject of "said",
  "warned", "told"). The condition's subject is the target; when it names no actor ("if
  another drone crossed"), the one the consequence strikes or threatens.
- "X warned (Y) that ... would respond", "X vowed to retaliate", "X threatened to strike",
  "X warned that Y would pay a heavy price": a threat without a condition; the speaker is X,
  the target Y or the actor the threatened clause names; the condition is that the target
  escalates.
The condition and the action come from ``data/conditionals.yaml`` (words of the condition and of
the consequence clause); a threat of force whose words name no action is a strike on territory.
"""

from __future__ import annotations

import re
from functools import cache

from sim.seeding.clauses import subject_of
from sim.seeding.findings import CONDITIONAL, FACT, Finding, load_data
from sim.seeding.phrases import Parsed, finding_at, phrase_actors
from sim.seeding.resolver import Resolver

_REPORTING = {"say", "warn", "tell", "state", "add", "threaten", "vow", "declare", "insist"}
_THREAT_VERBS = {"threaten", "warn", "vow"}
_RETALIATE = {"respond", "retaliate", "punish", "avenge", "hit"}
_FORCE = {"respond", "retaliate", "strike", "attack", "hit", "punish", "use", "face", "meet",
          "treat", "defend", "take", "exact", "act", "destroy", "crush", "answer",
          "consider"}  # fmt: skip


_DEFENCE_PACT = re.compile(
    r"mutual[- ]defen[cs]e|defen[cs]e (?:treaty|pact|commitments?|"
    r"obligations)|treaty (?:obligations|commitments)|Article 5",
    re.I,
)
_REVENGE = {"revenge", "retaliation", "retribution", "response", "vengeance", "reprisal"}
_STATING = {"reiterate", "stress", "repeat", "say", "declare", "state", "affirm", "make"}
_ANSWERS = {"invoke", "trigger", "answer", "regard", "prompt", "provoke", "draw", "see"}
_HOSTILE_ACTS = {"attack", "move", "aggression", "incursion", "assault", "strike", "invasion",
                 "attempt", "provocation", "violation", "intrusion", "advance", "intervention",
                 "offensive", "operation"}  # fmt: skip


@cache
def _tables() -> tuple[list[tuple[re.Pattern[str], str]], list[tuple[re.Pattern[str], str]]]:
    data = load_data("conditionals.yaml")
    conds = [(re.compile(c["pattern"], re.I), c["condition"]) for c in data["conditions"]]
    cons = [(re.compile(c["pattern"], re.I), c["action"]) for c in data["consequences"]]
    return conds, cons


def threat_findings(p: Parsed, resolver: Resolver) -> list[Finding]:
    """Doctrine findings of one sentence: conditionals first, then bare threats."""
    out: list[Finding] = []
    for v in p.doc:
        cond = next((c for c in v.children if c.dep_ == "advcl"
                     and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                             for m in c.children)), None)  # fmt: skip
        if cond is not None and v.pos_ in ("VERB", "AUX"):
            out += _conditional(p, v, cond, resolver)
    if not out:
        for v in (t for t in p.doc if t.lemma_.lower() in _THREAT_VERBS):
            out += _threat(p, v, resolver)
    if not out:
        for v in (t for t in p.doc if t.lemma_.lower() in _REPORTING | _STATING):
            out += _implied(p, v, resolver) or _said_retaliation(p, v, resolver)
    return out[:3]


def _said_retaliation(p: Parsed, v, resolver: Resolver) -> list[Finding]:
    """ "The ministry said it would respond overwhelmingly to any provocation": a threat."""
    for clause in (c for c in v.children if c.dep_ == "ccomp"
                   and c.lemma_.lower() in _RETALIATE):  # fmt: skip
        modal = any(c.lower_ in ("would", "will") for c in clause.children)
        if modal and not any(c.dep_ == "neg" for c in clause.children):
            return _threat_of_clause(p, v, clause, resolver)
    return []


def _vowed(p: Parsed, v, noun, resolver: Resolver) -> list[Finding]:
    speaker = subject_of(p, v, resolver)
    if not speaker or any(c.dep_ == "neg" for c in v.children):
        return []
    against = [a for c in noun.children if c.dep_ == "prep" and c.lower_ in ("against", "on")
               for g in c.children for a in phrase_actors(p, g)]  # fmt: skip
    targets = [a for a in against if a not in speaker]
    return [_entry(p, speaker[0], targets[0] if targets else None, "retaliate", "", v)]


def _implied(p: Parsed, v, resolver: Resolver) -> list[Finding]:
    """ "Tehran said any move against the government would be answered by its allies",
    "Washington reiterated that an armed attack on Philippine vessels would invoke ...": a
    threat said without a threat verb. The speaker is the reporting verb's subject; the target
    whoever the attack noun's "by" names, else none (the draft aims it at the speaker's first
    adversary)."""
    for clause in (c for c in v.children if c.dep_ == "ccomp"):
        modal = any(c.lower_ in ("would", "will") for c in clause.children)
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if not modal or subj is None or clause.lemma_.lower() not in _FORCE | _ANSWERS:
            continue
        if subj.lemma_.lower() not in _HOSTILE_ACTS or not any(
            c.lower_ in ("any", "an", "a", "further") for c in subj.children
        ):
            continue
        speaker = subject_of(p, v, resolver)
        if not speaker:
            return []
        by = [a for c in subj.children if c.dep_ == "prep" and c.lower_ == "by"
              for g in c.children for a in phrase_actors(p, g)]  # fmt: skip
        protects = [a for c in subj.children if c.dep_ in ("prep", "amod", "compound")
                    and c.lower_ != "by" for a in phrase_actors(p, c)]  # fmt: skip
        targets = [a for a in by if a not in speaker]
        condition = _text(p, subj)
        consequence = _text(p, clause).replace(condition, " ")
        out = []
        for who in speaker:  # "Mali and Burkina Faso said an intervention would be ..."
            f = _entry(p, who, targets[0] if targets else None, consequence, condition, clause)
            f.attrs["protects"] = [a for a in protects if a != who]
            out.append(f)
            if _DEFENCE_PACT.search(consequence):  # "would invoke U.S. mutual defence ..."
                out += [finding_at(p, "treaty", "consult_partners", (who, a), FACT, clause,
                                   {"mutual_defence": True})
                        for a in f.attrs["protects"][:1]]  # fmt: skip
        return out
    return []


def _speaker(p: Parsed, v, resolver: Resolver) -> list[str]:
    """Who says the sentence: the subject of the nearest reporting verb above (or beside) v."""
    t = v
    while t.dep_ != "ROOT":
        t = t.head
        if t.lemma_.lower() in _REPORTING:
            return subject_of(p, t, resolver)
    for r in (t for t in p.doc if t.dep_ == "ROOT" or t.head.dep_ == "ROOT"):
        if r.lemma_.lower() in _REPORTING and r is not v:
            return subject_of(p, r, resolver)
    return []


def _conditional(p: Parsed, v, cond, resolver: Resolver) -> list[Finding]:
    passive = [c for c in cond.children if c.dep_ == "nsubjpass"]
    condition_subject = (phrase_actors(p, passive[0]) if passive
                         else subject_of(p, cond, resolver))  # fmt: skip
    own = subject_of(p, v, resolver)
    said_of = [c for c in cond.children if c.dep_ == "nsubj" and c.lower_ in ("it", "they")]
    objects = [a for c in v.children if c.dep_ == "dobj" for a in phrase_actors(p, c)]
    if said_of and objects and own and not set(objects) & set(own):
        condition_subject = objects  # "will punish the North if it attacks again": the North
    elif said_of and own:  # "Iran faced greater attacks if it did not make peace": Iran
        condition_subject = own
    if own and not set(own) & set(condition_subject):
        speaker = own
    else:  # "if X attacks, it/they will face a response": whoever says it threatens
        speaker = (
            _speaker(p, v, resolver)
            or [a for a in reversed(resolver.subjects) if a not in condition_subject][:1]
        )
    if not speaker:
        return []
    targets = [a for a in condition_subject if a not in speaker]
    if not targets:
        targets = [a for c in cond.children if c.dep_ in ("dobj", "prep")
                   for a in phrase_actors(p, c) if a not in speaker]  # fmt: skip
    if not targets:  # "it would strike South Korea if another drone crossed": the one struck;
        # "Taiwan's separatists would be crushed if they provoked Beijing": the one threatened
        targets = [a for c in v.children if c.dep_ in ("dobj", "nsubjpass")
                   for a in phrase_actors(p, c) if a not in speaker]  # fmt: skip
    condition = _text(p, cond)
    consequence = _text(p, v).replace(condition, " ")
    return [_entry(p, speaker[0], targets[0] if targets else None, consequence, condition, v)]


def _threat(p: Parsed, v, resolver: Resolver) -> list[Finding]:
    clause = next((c for c in v.children if c.dep_ in ("ccomp", "xcomp")
                   and (c.lemma_.lower() in _FORCE or _suffers(c))), None)  # fmt: skip
    revenge = next((c for c in v.children if c.dep_ == "dobj"
                    and c.lemma_.lower() in _REVENGE), None)  # fmt: skip
    if clause is None and revenge is not None and v.lemma_.lower() in _THREAT_VERBS:
        return _vowed(p, v, revenge, resolver)  # "vowed harsh revenge against ..."
    if clause is None:
        return []
    modal = clause.dep_ == "xcomp" or any(c.lower_ in ("would", "will", "shall")
                                          for c in clause.children)  # fmt: skip
    denied = any(c.dep_ == "neg" for c in v.children)  # "did not threaten to retaliate"
    if not modal or denied:
        return []
    return _threat_of_clause(p, v, clause, resolver)


_SUFFER = {"receive", "suffer", "pay", "get", "regret"}
_PENALTY = _REVENGE | {"price", "consequence", "punishment", "blow", "reply", "lesson"}


def _suffers(clause) -> bool:
    """ "warned that Israel would receive a harsh response", "would pay a heavy price", "would
    regret it": the clause's subject is the one threatened."""
    lemma = clause.lemma_.lower()
    return (
        lemma == "regret"
        or lemma in _SUFFER
        and any(c.dep_ == "dobj" and c.lemma_.lower() in _PENALTY for c in clause.children)
    )


def _threat_of_clause(p: Parsed, v, clause, resolver: Resolver) -> list[Finding]:
    """The threat a verb of saying or threatening makes with its clause of force."""
    speaker = subject_of(p, v, resolver)
    if not speaker:
        return []
    warned = [a for c in v.children if c.dep_ in ("dobj", "dative")
              for a in phrase_actors(p, c)]  # fmt: skip
    own = [t for c in clause.children if c.dep_ not in ("conj", "cc") for t in c.subtree]
    named = [a for t in own if (a := p.actor_at.get(t.i))]  # not a coordinated clause's
    targets = [a for a in warned + named if a not in speaker]
    return [_entry(p, speaker[0], targets[0] if targets else None, _text(p, clause), "", v)]


def _text(p: Parsed, token) -> str:
    """The words of a token's clause as written (its subtree's span)."""
    return p.doc[token.left_edge.i : token.right_edge.i + 1].text


def _entry(p: Parsed, speaker: str, target: str | None, consequence: str, condition: str,
           v) -> Finding:  # fmt: skip
    conds, cons = _tables()
    rule = next((c for rx, c in conds if rx.search(condition)), "adversary_escalated")
    action = next((a for rx, a in cons if rx.search(consequence)), "strike_territory")
    s = p.sentence  # the whole sentence is the quote: condition and consequence together
    return Finding("doctrine", action, (speaker, target), CONDITIONAL, s.number, s.start,
                   s.end, s.text, {"condition": rule})  # fmt: skip
