"""What a clause under a verb of saying or threatening threatens, if anything.

- "act": its subject will use force: a modal and a verb of force ("would respond", "would take
  all necessary measures"), "vowed to retaliate", "vowed to take revenge", "threatened to
  strike", "would not hesitate to strike", "reserved the right to respond", "had every right
  to respond", "said there would be a significant response", "would not stop its shelling
  until ..."; not a calm, clerical or peaceful answer ("would respond calmly", "would respond
  to the letter", "would take legal action", "would strike a deal"), not a war aim ("vowed to
  drive the troops out"), not readiness ("was ready to respond"); "will not accept/tolerate
  attacks on its infrastructure", "such attacks will not be tolerated", "would not stand idly
  by", "will not stand for it", "our response will be decisive", "will have zero tolerance for
  the rebels / for any attack" (not "zero tolerance for corruption", "would not stand for
  election");
- "suffer": its subject will suffer ("would pay for its invasion", "would pay a heavy price",
  "could face further strikes" after a warning, "would regret it", "would have serious
  consequences"), or the one told to do something "or pay a severe price" / "or face the
  consequences";
- "war": a hostile act would be answered or be war ("any attack would be met with force",
  "would be treated as a declaration of war", "would be a cause for war", "is a red line");
- "mark": a mark on the target ("would be a legitimate target", "would consider any attack on
  Niger a declaration of war").
The word lists are ``threat_words`` in ``data/conditionals.yaml``.
"""

from __future__ import annotations

from sim.seeding.group_words import unnamed_group
from sim.seeding.threat_entry import threat_words

_MARKING = {"be", "consider", "regard", "treat", "view", "see", "deem", "become"}
REPRISALS = {"countermeasure", "revenge", "retaliation", "reprisal"}
_RESPONSES = {"response", "retaliation", "revenge", "reply"}


def _w(name: str) -> frozenset[str]:
    return threat_words()[name]


def conditioned(c) -> bool:
    """Whether the clause carries an "if"/"unless" clause (a conditional: see ``threats``)."""
    return any(g.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                         for m in g.children) for g in c.children)  # fmt: skip


def modal(c, modals: frozenset[str] | None = None) -> bool:
    modals = _w("modals") if modals is None else modals
    return any(a.dep_ == "aux" and a.lower_ in modals for a in c.children)


def threat_kind(v, c) -> str | None:
    """ "act", "suffer", "war", "mark" or None: what the clause threatens (see the module
    docstring). A negated clause threatens only in the forms ``_denied_restraint`` lists."""
    lemma = c.lemma_.lower()
    if any(g.dep_ == "neg" for g in c.children):
        return "act" if _denied_restraint(c) else None
    if _right_to_respond(c):
        return "act"  # "reserved the right to respond", "has every right to respond"
    warned = v.lemma_.lower() in _w("threatening") and modal(c, _w("hedges"))
    if warned and _suffers(c):  # "warned that the Houthis could face further strikes"
        return "suffer"
    if _or_else(c) and _suffers(c):  # "warned Hamas to release the hostages or pay a price"
        return "suffer"
    if lemma in ("be", "constitute") and _war_of_act(c) and _red_line(c):
        return "war"  # "any advance on Sirte is a red line", present tense and all
    pledged = _pledged(v, c)
    if not (modal(c) or pledged):
        return None
    if _suffers(c):
        return "suffer"
    if lemma == "be" and _response_said(c):
        return "act"  # "there would be a significant response", "our response will be swift"
    if _war_of_act(c):
        return "war"
    if _zero_tolerance(c):
        return "act"
    if lemma in _MARKING and _marked(c):
        return "mark"  # "any ship linked to Israel would be a legitimate target"
    return "act" if _forceful(c, needs=not pledged) else None


def _or_else(c) -> bool:
    """The penalty of an ultimatum: "told Manila to withdraw its ships or face the
    consequences", the clause after "or" that the demand's clause is joined to."""
    return (c.dep_ == "conj" and c.head.dep_ in ("xcomp", "advcl")
            and any(g.dep_ == "cc" and g.lower_ == "or" for g in c.head.children))  # fmt: skip


def _pledged(v, c) -> bool:
    """ "vowed to retaliate", "vowed to take revenge", "threatened to strike": a threat verb's
    clause of retaliation (not "vowed to drive them out", a war aim)."""
    return (
        c.dep_ == "xcomp"
        and v.lemma_.lower() in _w("threatening")
        and (
            c.lemma_.lower() in _w("retaliation")
            or v.lemma_.lower() == "threaten"
            or any(t.lemma_.lower() in REPRISALS for t in c.children)
        )
    )


def _denied_restraint(c) -> bool:
    """ "would not hesitate to strike", "would not stop its bombardment until they surrender",
    "will not accept attacks on its infrastructure", "would not stand idly by"."""
    lemma = c.lemma_.lower()
    if lemma == "hesitate":
        return any(_forceful(g) for g in c.children if g.dep_ == "xcomp")
    if not modal(c):
        return False
    if lemma in ("stop", "halt", "cease", "end"):
        return any(g.dep_ == "advcl" and any(m.lower_ == "until" for m in g.children)
                   for g in c.children)  # fmt: skip
    if lemma in ("accept", "tolerate"):  # "such attacks will not be tolerated" too
        return any(g.dep_ in ("dobj", "nsubjpass") and g.lemma_.lower() in _w("hostile_acts")
                   for g in c.children)  # fmt: skip
    if lemma in ("stand", "remain", "stay", "sit"):
        return any(g.lower_ in ("idly", "idle", "by", "silent", "still", "back")
                   for g in c.children) or _stands_for_it(c)  # fmt: skip
    return False


def _stands_for_it(c) -> bool:
    """ "would not stand for it", "will not stand for such attacks": what it will not put up
    with is what was just done to it, or a hostile act (not "would not stand for election")."""
    return any(
        g.dep_ == "prep" and g.lower_ == "for"
        and any(x.lower_ in ("it", "this", "that") or x.lemma_.lower() in _w("hostile_acts")
                for x in g.children if x.dep_ == "pobj")
        for g in c.children
    )  # fmt: skip


def _zero_tolerance(c) -> bool:
    """ "will have zero tolerance for the rebels / for any attack": a promise of force against
    those it names (an actor or a hostile act; not "zero tolerance for corruption")."""
    return any(_armed_or_hostile(x) for x in zero_tolerance_of(c))


def zero_tolerance_of(c) -> list:
    """What a clause has zero tolerance for or with: the heads of those phrases ("for the
    rebels", "with armed groups coming from X": the groups, not the place they come from)."""
    if c.lemma_.lower() != "have":
        return []
    return [x for g in c.children if g.dep_ == "dobj" and g.lemma_.lower() == "tolerance"
            and any(a.lower_ == "zero" for a in g.children)
            for pr in g.children if pr.dep_ == "prep"
            and pr.lower_ in ("for", "with", "towards", "toward", "against")
            for x in pr.children if x.dep_ == "pobj"]  # fmt: skip


def _armed_or_hostile(x) -> bool:
    """A name, an armed group a phrase describes ("the rebels", "armed groups") or a hostile
    act ("any attack"): what zero tolerance can be a threat against."""
    armed = x.lemma_.lower() in ("group", "gang") and any(
        a.lower_ == "armed" for a in x.children)  # fmt: skip
    return (x.pos_ == "PROPN" or armed or unnamed_group(x)
            or x.lemma_.lower() in _w("hostile_acts"))  # fmt: skip


def _right_to_respond(c) -> bool:
    """ "reserved the right to respond", "has every right to respond" (not "had a right to
    defend itself")."""
    return c.lemma_.lower() in ("reserve", "have") and any(
        g.dep_ == "dobj"
        and g.lemma_.lower() in ("right", "option")
        and any(x.lemma_.lower() in _w("retaliation") for x in g.children if x.dep_ == "acl")
        for g in c.children
    )


def _response_said(c) -> bool:
    """ "there would be a significant response", "our response will be swift and decisive"."""
    there = any(g.dep_ == "expl" for g in c.children) and any(
        g.dep_ == "attr" and g.lemma_.lower() in _w("penalties") for g in c.children
    )
    return there or any(g.dep_ == "nsubj" and g.lemma_.lower() in _RESPONSES for g in c.children)


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
            return bool(words & needs_own) and (forceful or bool(words & REPRISALS))
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
    """ "a red line", "a declaration of war", "an act of war", "a casus belli", "an attack on
    itself" (the speaker takes an act against another as one against itself)."""
    words = [t.lemma_.lower() for t in c.subtree if t.i > c.i]
    return (
        ("red" in words and "line" in words)
        or "belli" in words
        or ("war" in words and any(w in words for w in ("declaration", "act", "cause")))
        or (bool(_ATTACK_ON.intersection(words)) and bool(_SELF.intersection(words)))
    )


_ATTACK_ON = {"attack", "aggression", "assault"}
_SELF = {"itself", "ourselves", "us", "themselves", "myself"}
