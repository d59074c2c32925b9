"""Threats without an "if": what an actor says it will do to another, as the press writes it.

A verb of saying or threatening (or a quote's "X said") carries a clause that threatens force;
each such clause becomes a doctrine entry answering the target's escalation. The clauses are
the reporting verb's complements and the clauses coordinated with them ("said the jets had
violated its airspace, and that it would respond"). A clause threatens when, not negated:
- its subject will use force: a modal and a verb of force ("would respond", "will strike
  back", "would take all necessary measures", "will hit back"), "vowed to retaliate",
  "threatened to strike", "would not hesitate to strike", "reserved the right to respond";
  not "would respond calmly" nor "would respond to questions", and not a war aim ("vowed to
  drive the troops out") nor readiness ("said it was ready to respond");
- its subject will suffer: "warned that Kenya would pay for its invasion", "would pay a heavy
  price", "would face consequences", "would regret it", "would have serious consequences for
  relations between Moscow and Ankara" (the one who suffers, or the actor named, is the target);
- an act would be war: "any attack on our ships will be met with force", "an intervention in
  Niger would be treated as a declaration of war", "extending its waters would be a cause for
  war", "any advance on Sirte would cross a red line" (the act's "by" names the target);
- a mark on the target: "any ship linked to Israel would be a legitimate target", "would
  regard Western troops as legitimate targets", "would consider any attack on Niger a
  declaration of war";
- "vowed revenge against X".
The speaker is the clause's own subject when it names an actor ("said Tehran would not
hesitate", "'Vietnam will take all necessary measures,' a spokesman said"), else the reporting
verb's subject; the target is whoever is warned ("warned Greece that"), else the actor the
clause names (not the speaker, not the one an attack would fall on: "any attack on Belarus"),
else the party the rest of the sentence sets against the speaker ("said the Indian jets had
violated its airspace, and that it would respond"), else none (the draft aims it at the
speaker's first adversary).
"""

from __future__ import annotations

import re

from sim.seeding.findings import FACT, Finding
from sim.seeding.phrases import Parsed, finding_at, phrase_actors
from sim.seeding.resolver import Resolver
from sim.seeding.roles import actors_of, subject_of
from sim.seeding.threat_entry import clause_text, doctrine_entry, threat_words
from sim.seeding.threat_targets import named, other_party, protected


def _w(name: str) -> frozenset[str]:
    return threat_words()[name]


_AGAINST = ("against", "on", "for", "upon")
_MARKING = {"be", "consider", "regard", "treat", "view", "see", "deem", "become"}
_REPRISALS = {"countermeasure", "revenge", "retaliation", "reprisal"}
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
            out += _vowed(p, v, resolver)
        if lemma in _w("reporting") or lemma in _w("threatening"):
            for clause in _said_clauses(v):
                out += _of_clause(p, v, clause, resolver)
        elif v.dep_ == "ROOT" and _modal(v):  # "Iran will respond, a commander said."
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
    ("said X, and that it would respond"), not another reporting verb's."""
    out, stack = [], [c for c in v.children if c.dep_ in ("ccomp", "xcomp")]
    while stack:
        c = stack.pop(0)
        out.append(c)
        stack += [g for g in c.children if g.dep_ == "conj" and g.pos_ in ("VERB", "AUX")
                  and g.lemma_.lower() not in _w("reporting")]  # fmt: skip
    return out


def _conditioned(c) -> bool:
    return any(g.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                         for m in g.children) for g in c.children)  # fmt: skip


def _modal(c, modals: frozenset[str] | None = None) -> bool:
    modals = _w("modals") if modals is None else modals
    return any(a.dep_ == "aux" and a.lower_ in modals for a in c.children)


def _of_clause(p: Parsed, v, c, resolver: Resolver) -> list[Finding]:
    """The threat one clause under a reporting verb states, if any (see the docstring)."""
    kind = _threat_kind(v, c)
    if kind is None or _conditioned(c):  # "would respond if Finland joined": see ``threats``
        return []
    reporter = _voice(p, v, resolver) if v.i != c.i else []
    if kind == "act":
        subj = next((s for s in c.children if s.dep_ in ("nsubj", "expl")), None)
        said_of = subj is None or subj.pos_ == "PRON" or c.dep_ == "xcomp"  # "said it would"
        own = reporter if said_of and reporter else subject_of(p, c, resolver)
        forceful = said_of or subj.lemma_.lower() in _w("own_forces")
        speakers = own or (reporter if forceful else [])
        victims = named(p, c, skip_subject=True)
    elif kind == "suffer":
        speakers = reporter
        subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
        victims = (phrase_actors(p, subj) if subj is not None else []) + named(p, c, True)
    elif kind == "mark":  # "would regard Western troops as legitimate targets"
        own = subject_of(p, c, resolver)
        subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
        pronoun = subj is None or subj.pos_ == "PRON"
        speakers = reporter if pronoun or not own or c.lemma_.lower() == "be" else own
        victims = named(p, c, skip_subject=False)
    else:  # "war": an act would be answered; its "by" names the one who would act
        speakers = reporter
        act = next(g for g in c.children if g.dep_ in ("nsubj", "nsubjpass", "csubj"))
        victims = [a for g in act.children if g.dep_ == "prep" and g.lower_ == "by"
                   for x in g.children for a in phrase_actors(p, x)]  # fmt: skip
    if not speakers:
        return []
    warned = [a for g in v.children if g.dep_ in ("dobj", "dative")
              for a in phrase_actors(p, g)]  # fmt: skip
    targets = [a for a in warned + victims if a not in speakers]
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


def _threat_kind(v, c) -> str | None:
    """ "act", "suffer", "war" or None: what the clause threatens (see the module docstring)."""
    lemma = c.lemma_.lower()
    negated = any(g.dep_ == "neg" for g in c.children)
    pledged = (
        c.dep_ == "xcomp"
        and v.lemma_.lower() in _w("threatening")
        and (
            lemma in _w("retaliation")
            or v.lemma_.lower() == "threaten"
            or any(t.lemma_.lower() in _REPRISALS for t in c.children)  # "vowed to take revenge"
        )
    )  # "vowed to retaliate"
    if lemma == "hesitate" and negated:  # "would not hesitate to strike"
        return "act" if any(_forceful(g) for g in c.children if g.dep_ == "xcomp") else None
    if (
        negated
        and lemma in ("stop", "halt", "cease", "end")
        and _modal(c)
        and any(
            g.dep_ == "advcl" and any(m.lower_ == "until" for m in g.children) for g in c.children
        )
    ):  # "would not stop its bombardment until they surrender"
        return "act"
    if negated:
        return None
    if lemma in ("reserve", "have") and any(
        g.dep_ == "dobj"
        and g.lemma_.lower() in ("right", "option")
        and any(x.lemma_.lower() in _w("retaliation") for x in g.children if x.dep_ == "acl")
        for g in c.children
    ):  # not "had a right to defend itself"
        return "act"  # "reserved the right to respond", "has the right to respond"
    warned = v.lemma_.lower() in _w("threatening") and _modal(c, _w("hedges"))
    if warned and _suffers(c):  # "warned that the Houthis could face further strikes"
        return "suffer"
    if lemma in ("be", "constitute") and _war_of_act(c) and _red_line(c):
        return "war"  # "any advance on Sirte is a red line", present tense and all
    if not (_modal(c) or pledged):
        return None
    if _suffers(c):
        return "suffer"
    if (
        lemma == "be"
        and any(g.dep_ == "expl" for g in c.children)
        and any(g.dep_ == "attr" and g.lemma_.lower() in _w("penalties") for g in c.children)
    ):
        return "act"  # "said there would be a significant response"
    if _war_of_act(c):
        return "war"
    if lemma in _MARKING and _marked(c):
        return "mark"  # "any ship linked to Israel would be a legitimate target"
    return "act" if _forceful(c, needs=not pledged) else None


def _marked(c) -> bool:
    """ "a legitimate target", "a declaration of war", "an act of war" after the verb."""
    words = [t.lemma_.lower() for t in c.subtree if t.i > c.i]
    return ("legitimate" in words and "target" in words) or _red_line(c)


def _forceful(c, needs: bool = True) -> bool:
    """A verb of force, not a calm, clerical or peaceful answer ("would respond calmly", "would
    respond to the allegations", "would take legal action", "would strike a deal"); "use" and
    "take" only with a noun of force and a word of force ("would use force", "would take all
    necessary measures"), "act"/"defend"/"fight" only with a word of force ("act decisively")."""
    lemma = c.lemma_.lower()
    if lemma not in _w("force") or any(g.lower_ in _w("calm") for g in c.children):
        return False
    words = {t.lemma_.lower() for t in c.subtree}
    if words & _w("peaceful"):
        return False
    answered = [x for g in c.children if g.dep_ == "prep" and g.lower_ == "to"
                for x in g.children] + [g for g in c.children if g.dep_ == "dobj"]  # fmt: skip
    if lemma in ("respond", "answer") and any(
        x.lemma_.lower() in _w("not_attacks") for x in answered
    ):
        return False  # "would respond to the letter", "would answer questions"
    if any(g.dep_ == "dobj" and g.lemma_.lower() in _w("not_targets") for g in c.children):
        return False  # "would strike a deal with Turkey"
    needs_own = threat_words().get(f"needs_force:{lemma}")
    if needs_own is not None and (needs or lemma in ("use", "take")):
        forceful = bool(words & _w("force_words"))
        if lemma in ("use", "take"):  # "would use force", "would take all necessary measures"
            return bool(words & needs_own) and (forceful or bool(words & _REPRISALS))
        return forceful  # "would act decisively"
    return True


def _suffers(c) -> bool:
    """ "would pay a heavy price", "would pay for its invasion", "would regret it", "would
    have serious consequences", "could face further strikes": the clause's subject (or the
    actor named) is threatened."""
    lemma = c.lemma_.lower()
    if lemma == "regret":
        return True
    if lemma == "pay" and any(g.dep_ == "prep" and g.lower_ == "for" for g in c.children):
        return True
    penalties = _w("penalties") | (_w("threatened") | {"sanction"} if lemma == "face" else set())
    return lemma in _w("suffer") and any(
        g.dep_ in ("dobj", "attr") and g.lemma_.lower() in penalties for g in c.children
    )


def _war_of_act(c) -> bool:
    """ "any attack would be met with force", "would be a cause for war", "would cross a red
    line": the clause's subject is a hostile act (or a verb's clause: "extending its waters")
    and its verb answers it or names it war."""
    subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if subj is None or c.lemma_.lower() not in _w("answers"):
        return False
    act = subj.dep_ == "csubj" or (
        subj.lemma_.lower() in _w("hostile_acts")
        and any(g.lower_ in ("any", "an", "a", "further", "such", "this") for g in subj.children)
    )
    if not act:
        return False
    if c.lemma_.lower() in ("be", "cross", "constitute", "mean", "amount"):
        return any(t.lemma_.lower() in _w("war_nouns") for t in c.subtree if t.i > c.i)
    return True


def _red_line(c) -> bool:
    """ "a red line", "a declaration of war", "an act of war", "a casus belli"."""
    words = [t.lemma_.lower() for t in c.subtree if t.i > c.i]
    return (
        ("red" in words and "line" in words)
        or "belli" in words
        or ("war" in words and any(w in words for w in ("declaration", "act", "cause")))
    )


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
