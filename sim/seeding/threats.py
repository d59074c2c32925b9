"""Threats and conditional statements over the parse: each becomes a doctrine entry.

- "if X, Y" / "Y if X" / "Y unless X" (and "Y as long as X", when X goes on from the present:
  "as long as the kingdom kept bombing Yemen", not "as long as it takes"): the consequence Y's
  subject is the speaker, unless the consequence falls on the condition's own subject ("if
  Pakistan carries out any further aggression, it will face a strong response"): then the
  speaker is whoever says it (the subject of "said", "warned", "told"). The condition's
  subject is the target (not one its attack would fall on: "if the attacks on trade routes to
  China continued"); when it names no actor ("if another drone crossed"), the one the
  consequence strikes or threatens ("it would strike South Korea", "our troops will move on
  Banjul").
- a condition that goes on from the present ("if the Houthis kept attacking ships", "if this
  continues" after a reported attack) reports what its target does now: the finding carries the
  rung of that act (``ongoing``), so the draft answers it from the first turn (unless the act
  falls on another: "if Russia continues its aggression against Ukraine"); when that is
  combat, the target fights the speaker (a war, the target first; not when the speaker is only
  guessed from the dateline, ``_unnamed_speaker``). A target such a condition
  does not name is the one the speaker last threatened ("Turkey will retaliate against any
  attack by Greece ... 'If this continues, they will receive their answer in kind'");
- a threat to answer an act ("would retaliate against India's military operation") reports the
  act: its doer attacked the speaker (``answered``);
- threats without a condition ("vowed to retaliate", "warned that any attack would be met with
  force", "reserved the right to respond"): see ``bare_threats``.
A sentence gives at most three entries, one per speaker and target; an entry with a target
makes the same speaker's untargeted one redundant.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sim.seeding.answered import answered_attacks
from sim.seeding.bare_threats import bare_threats
from sim.seeding.clauses import subject_of
from sim.seeding.findings import FACT, Finding
from sim.seeding.gazetteer import standard_gazetteer
from sim.seeding.ongoing import ongoing_rung
from sim.seeding.phrases import Parsed, phrase_actors
from sim.seeding.reporters import said_in
from sim.seeding.resolver import Resolver
from sim.seeding.roles import actors_of
from sim.seeding.threat_entry import clause_text, doctrine_entry, threat_words
from sim.seeding.threat_targets import enemy_named, protected, rivals_named


@dataclass
class ThreatContext:
    """What reading threats carries from one sentence of a document to the next."""

    hostile_before: bool = False  # the sentence before reports hostilities (``ongoing``)
    aimed: dict[str, str] = field(default_factory=dict)  # speaker -> whom it last threatened


def threat_findings(p: Parsed, resolver: Resolver,
                    context: ThreatContext | None = None) -> list[Finding]:  # fmt: skip
    """Doctrine findings of one sentence: conditionals first, then bare threats; then the wars
    that conditions going on from attacks report."""
    context = context or ThreatContext()
    out: list[Finding] = []
    for v in p.doc:
        cond, lasting = _condition_of(v)
        if cond is not None and v.pos_ in ("VERB", "AUX") and looks_ahead(v):
            found = _conditional(p, v, cond, resolver)
            rung = ongoing_rung(p, cond, context.hostile_before) if found else None
            if rung and _falls_on_another(p, cond, found[0].parties[0]):
                rung = None  # "if Russia continues its aggression against Ukraine", said by the EU
            if rung:
                found[0].attrs["ongoing"] = rung
            out += found if rung or not lasting else []
    out += bare_threats(p, resolver)
    found = _ongoing_wars(p, _distinct(out)[:3], context)
    return found + answered_attacks(p, found)


def looks_ahead(v) -> bool:
    """Whether a consequence can say what will or may happen, as a threat does: not when it
    tells, in the past perfect and with no modal, what had happened ("questioned why, if he
    had planned no coup, his forces had gone on to seize Bor"), unless a verb of saying,
    threat, readiness or order or a noun of intent above it makes it a plan ("said the troops
    had orders to fire if ...")."""
    words = threat_words()
    ahead = words["modals"] | words["hedges"] | {"ca", "must", "should", "need"}
    if not any(a.dep_ == "aux" and a.lower_ == "had" for a in v.children):
        return True
    t = v
    for _ in range(6):
        if any(a.dep_ in ("aux", "auxpass") and a.lower_ in ahead for a in t.children):
            return True
        if t.dep_ == "ROOT" or t.head is t:
            return False
        t = t.head
        if t.lemma_.lower() in words["reporting"] | _READY_OR_ORDERED:
            return True
    return False


# a consequence under these (or a verb of saying: "said Iran faced greater attacks if", the
# future told in the past) is a plan, an order or a right, not what happened
_READY_OR_ORDERED = {"ready", "prepared", "plan", "intend", "determined", "poised", "willing",
                     "demand", "order", "authorise", "authorize", "instruct", "right",
                     "threat", "ultimatum", "option", "readiness"}  # fmt: skip


def _condition_of(v) -> tuple[object | None, bool]:
    """The verb's "if"/"unless" clause, or its "as long as" clause ("targets would keep
    expanding as long as the kingdom kept bombing Yemen": the parse hangs it from "long"), and
    whether it is the latter (a threat only when it goes on from the present, not "as long as
    it takes")."""
    for c in v.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                     for m in c.children):  # fmt: skip
            return c, False
        if c.dep_ == "advmod" and c.lower_ == "long":
            for g in c.children:
                if g.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as"
                                             for m in g.children):  # fmt: skip
                    return g, True
    return None, False


def _falls_on_another(p: Parsed, cond, speaker: str | None) -> bool:
    """Whether the condition's act falls on an actor other than the speaker (or an armed
    group's home: "as long as the kingdom kept bombing Yemen", said by the Houthis): what the
    target does then is not done to the speaker ("if Russia continues its aggression against
    Ukraine", said by the EU)."""
    hit = set(protected(p, cond))
    hit |= {a for t in cond.subtree if t.dep_ == "dobj" and t.head.pos_ == "VERB"
            for a in phrase_actors(p, t)}  # fmt: skip
    known = standard_gazetteer().actors.get(speaker or "")
    return bool(hit - {speaker} - set(known.based_in if known else ()))


def _ongoing_wars(p: Parsed, found: list[Finding], context: ThreatContext) -> list[Finding]:
    """The findings, an untargeted going-on condition aimed at whom its speaker last
    threatened, and a war for each one going on from attacks (see the module docstring)."""
    out, wars = [], []
    for f in found:
        speaker, target = f.parties
        if f.kind == "doctrine" and f.attrs.get("ongoing") and target is None and speaker:
            target = context.aimed.get(speaker)
            f = replace(f, parties=(speaker, target)) if target else f
        if f.kind == "doctrine" and target and speaker:
            context.aimed[speaker] = target
            if f.attrs.get("ongoing") == "combat" and not f.attrs.get("speaker_guessed"):
                s = p.sentence
                war = (target, speaker)
                wars.append(Finding("war", "strike_territory", war, FACT, s.number, s.start,
                                    s.end, s.text, {"ongoing": True}))  # fmt: skip
        out.append(f)
    return out + wars


def _distinct(found: list[Finding]) -> list[Finding]:
    """One doctrine entry per speaker and target, in order; none without a target for a
    speaker that has one with a target (other findings, such as treaties, pass)."""
    aimed = {f.parties[0] for f in found if f.kind == "doctrine" and f.parties[1]}
    seen: set = set()
    out = []
    for f in found:
        key = (f.kind, f.parties)
        if key in seen or f.kind == "doctrine" and not f.parties[1] and f.parties[0] in aimed:
            continue
        seen.add(key)
        out.append(f)
    return out


def _speaker(p: Parsed, v, resolver: Resolver) -> list[str]:
    """Who says the sentence: the subject of the nearest reporting verb above (or beside) v."""
    t = v
    while t.dep_ != "ROOT":
        t = t.head
        if t.lemma_.lower() in threat_words()["reporting"]:
            return subject_of(p, t, resolver)
    for r in (t for t in p.doc if t.dep_ == "ROOT" or t.head.dep_ == "ROOT"):
        if r.lemma_.lower() in threat_words()["reporting"] and r.i != v.i:
            return subject_of(p, r, resolver)
    return []


_AT = ("on", "against", "into", "toward", "towards", "at")


def _warned(p: Parsed, v, speaker: list[str], resolver: Resolver) -> list[str]:
    """Whom the verb of warning or saying above the consequence addresses ("warned Washington
    that it would strike again if ...", also through a noun it says it in: "in a statement
    that ..."), not the speaker."""
    t = v
    for _ in range(5):
        if t.dep_ == "ROOT":
            return []
        t = said_in(t) or t.head
        if t.lemma_.lower() in threat_words()["reporting"]:
            return [a for c in t.children if c.dep_ in ("dobj", "dative")
                    for a in actors_of(p, c, resolver, t) if a not in speaker]  # fmt: skip
    return []


def _unnamed_speaker(p: Parsed, resolver: Resolver, condition_subject: list[str]) -> list[str]:
    """A speaker the gazetteer does not know ("Biden threatened to order more strikes if ..."):
    the state of the dateline's capital, if the document names it; with no one said to speak,
    the latest subject outside the condition."""
    says = any(t.lemma_.lower() in threat_words()["reporting"]
               and any(c.dep_ == "nsubj" for c in t.children) for t in p.doc)  # fmt: skip
    if says:
        home = resolver.home
        ok = home is not None and home in resolver.present and home not in condition_subject
        return [home] if ok else []
    return [a for a in reversed(resolver.subjects) if a not in condition_subject][:1]


def _conditional(p: Parsed, v, cond, resolver: Resolver) -> list[Finding]:
    passive = [c for c in cond.children if c.dep_ == "nsubjpass"]
    condition_subject = (phrase_actors(p, passive[0]) if passive
                         else subject_of(p, cond, resolver))  # fmt: skip
    rivals = rivals_named(
        p, next((c for c in cond.children if c.dep_ == "nsubj"), None), resolver
    )  # "if the LNA's rivals advance": whom the LNA fights
    if rivals is not None:
        condition_subject = rivals
    own = subject_of(p, v, resolver)
    said_of = [c for c in cond.children if c.dep_ == "nsubj" and c.lower_ in ("it", "they")]
    objects = [a for c in v.children if c.dep_ == "dobj" for a in phrase_actors(p, c)]
    if said_of and objects and own and not set(objects) & set(own):
        condition_subject = objects  # "will punish the North if it attacks again": the North
    elif said_of and own:  # "Iran faced greater attacks if it did not make peace": Iran
        condition_subject = own
    # "if X attacks, it/they will face a response": whoever says it threatens
    speaker = own if own and not set(own) & set(condition_subject) else _speaker(p, v, resolver)
    guessed = not speaker  # the speaker the text does not name reports no war (_ongoing_wars)
    speaker = speaker or _unnamed_speaker(p, resolver, condition_subject)
    if not speaker:
        return []
    enemy = enemy_named(p, v, speaker, resolver)
    if enemy and said_of:  # "Yemen would become a graveyard for the invaders if they sent ..."
        condition_subject = enemy
    victims = set(protected(p, cond))  # "if the attacks on trade routes to China continued"
    targets = [a for a in condition_subject if a not in speaker and a not in victims]
    if not targets:
        targets = [a for c in cond.children if c.dep_ in ("dobj", "prep")
                   for a in phrase_actors(p, c)
                   if a not in speaker and a not in victims]  # fmt: skip
    if not targets:  # "it would strike South Korea if another drone crossed": the one struck;
        # "Taiwan's separatists would be crushed if they provoked Beijing": the one threatened
        targets = [a for c in v.children if c.dep_ in ("dobj", "nsubjpass")
                   for a in phrase_actors(p, c) if a not in speaker]  # fmt: skip
        targets += [a for c in v.children if c.dep_ == "prep" and c.lower_ in _AT
                    for g in c.children for a in phrase_actors(p, g)
                    if a not in speaker]  # "our troops will move on Banjul"  # fmt: skip
    if not targets:  # "warned Washington in a statement that it would strike again if ..."
        targets = _warned(p, v, speaker, resolver)
    condition = clause_text(p, cond)
    consequence = clause_text(p, v).replace(condition, " ")
    f = doctrine_entry(p, speaker[0], targets[0] if targets else None, consequence, condition)
    if guessed:
        f.attrs["speaker_guessed"] = True
    return [f]
