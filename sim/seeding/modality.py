"""Whether a clause happened, was denied, is only possible, or is a condition.

- negated: "not"/"never" on the verb or on the verb it depends on, or governed by "deny",
  "reject" ("denied arming the RSF");
- hedged: a modal ("could", "would") or a governing verb or noun of intent or appeal
  ("threatened to", "plans to", "urged X to", "a plan to train"), not a clause set before that
  verb ("Turkey shoots down Russian warplane; Putin warns of consequences": a fact);
- a condition: a clause inside an "if"/"unless" clause (see ``threats``);
- an attempted attack is an attack made ("opened fire to try to shoot down the drones",
  "soldiers who tried to storm the post"): ``attempted`` says so of the infinitive of "try"
  or "attempt" whose attempt is itself a fact (not "could try to strike", "did not try to");
  the caller decides for which kinds (wars: the attempt is hostile whether it succeeded);
- the purpose of sending forces is no act done ("jets were scrambled to repel the intruders",
  "troops deployed to fight the rebels"): ``purpose_of_dispatch`` says so, and the caller
  hedges it for wars (an alliance "deployed to fight alongside the army" stands), unless the
  purpose is an attempt ("to try to");
- a fact otherwise, reported speech included ("X said that Y attacked Z").
"""

from __future__ import annotations

from sim.seeding.findings import FACT, HEDGED, NEGATED

_MODALS = {"could", "might", "may", "would", "will", "should", "shall", "can", "must"}
_INTENT = {"threaten", "vow", "plan", "consider", "prepare", "aim", "seek", "want", "intend",
           "propose", "urge", "call", "ask", "demand", "warn", "pledge", "promise", "offer",
           "try", "hope", "expect", "refuse", "fail"}  # fmt: skip
_INTENT_NOUNS = {"plan", "bid", "effort", "proposal", "offer", "threat", "promise", "pledge"}
_DENY = {"deny", "reject", "refute", "dismiss"}
_CONDITION = {"if", "unless"}


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


def governing_verb(token):
    """The verb a noun hangs from (walking up its heads), or None when it hangs from none."""
    v = token.head
    while v.pos_ not in ("VERB", "AUX") and v.dep_ != "ROOT":
        v = v.head
    return v if v.pos_ in ("VERB", "AUX") else None


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
    if any(t.lemma_.lower() in _DENY and not _charge_denied(t) for t in chain[1:3]):
        return NEGATED
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for t in first for c in t.children):
        return HEDGED
    if v.dep_ in ("xcomp", "ccomp") and v.head.lemma_.lower() in _INTENT and not _fronted(v):
        return HEDGED
    if v.dep_ == "acl" and v.head.lemma_.lower() in _INTENT_NOUNS:  # "a plan to train"
        return HEDGED
    if v.dep_ == "pcomp" and v.head.head.lemma_.lower() in _INTENT:
        return HEDGED
    return FACT


_ATTEMPT = {"try", "attempt"}
# sending forces: what they were sent "to" do is a purpose, not yet an act
_DISPATCH = {"scramble", "send", "dispatch", "deploy", "mobilize", "mobilise", "rush", "redeploy"}


def purpose_of_dispatch(v) -> bool:
    """Whether a clause is the purpose ("to" and a verb) of sending forces: "jets were scrambled
    to repel the fighters", "troops were deployed to fight the rebels" (not "to try to shoot
    down", an attempt made; not a clause of its own, "sent troops, which fought")."""
    return (v.dep_ in ("advcl", "xcomp") and v.head.lemma_.lower() in _DISPATCH
            and v.lemma_.lower() not in _ATTEMPT
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children))  # fmt: skip


def attempted(v) -> bool:
    """Whether a clause is what its subject tried to do, the trying itself a fact ("opened fire
    to try to shoot down the aircraft"; not "will try to strike", "did not try to")."""
    return (v.dep_ == "xcomp" and v.head.lemma_.lower() in _ATTEMPT
            and not any(c.dep_ in ("aux", "neg") and c.lower_ in _MODALS | {"not", "never", "n't"}
                        for c in v.children)
            and modality_of(v.head) == FACT)  # fmt: skip


def _fronted(v) -> bool:
    """A clause set before the verb of intent that governs it, behind a comma or semicolon: a
    headline's "Turkey shoots down Russian warplane; Putin warns of consequences", or "Iran
    seized the tanker, London warned". The clause reports what happened; the warning follows
    it (its own modal still hedges it: "Iran will strike back, a commander vowed")."""
    if v.dep_ != "ccomp" or v.i > v.head.i:
        return False
    return any(t.text in (";", ",", ":") for t in v.doc[v.right_edge.i + 1 : v.head.i])


_CHARGES = {"charge", "accusation", "allegation", "claim"}


def _charge_denied(deny) -> bool:
    """ "Congo accuses Rwanda of backing M23, a charge Kigali denies": the parse makes the
    accusation the denial's complement; the accusation is reported, not denied by its maker."""
    return any(t.lemma_.lower() in _CHARGES for c in deny.children if c.dep_ == "nsubj"
               for t in c.subtree)  # fmt: skip
