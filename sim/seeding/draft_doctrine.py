"""Doctrine of the draft: what each actor does when named conditions hold.

Four sources, each a rule in words:
1. A conditional statement ("if North Korean troops are seen engaging in combat, they would be
   considered co-belligerents") gives its speaker an entry: when the condition, then the
   action, targeting the actor the condition names; "would"/"will" make it likely, "could" less.
   A threat with no condition ("Pakistan said it would respond to India's strikes") answers
   its target's escalation; when the document reports the target already acting beyond talk
   (its starting rung is quoted: strikes, combat, sanctions), it answers that: the entry holds
   while an adversary stands on that rung or higher, from the first turn. A condition that goes
   on from the present ("if the Houthis kept attacking ships", ``ongoing``) reports its target
   doing it: the entry answers while the target stands on that act's rung (the rung the document
   reports it on, else the act's own), and the target starts on it toward the speaker.
2. A hedged statement that a state's deployed troops may fight ("could soon be engaged") gives
   the host, bound to it by a mutual-defence treaty, an entry to send them into combat (when its
   own land is occupied and its front fails, if so); without such a treaty, the sender commits
   them itself.
3. A mutual-defence treaty partner with troops in the host's theatres reinforces them while the
   host's land is occupied and its own troops fight.
4. Discussed easing of restrictions on supplied weapons gives each restricting supplier entries
   to lift them when the recipient's front fails (and when an adversary's partner fights); an
   alliance, deciding by consensus, only the first and at half the probability; a
   nuclear-armed war party answers lifted restrictions with nuclear signalling (an assumption).
"""

from __future__ import annotations

import re
from typing import Any

from sim.domain.ladder import standard_ladder
from sim.seeding.facts import Facts
from sim.seeding.findings import Finding, load_data
from sim.seeding.provenance import Ledger

Doctrine = dict[str, dict[str, dict[str, Any]]]  # actor -> entry id -> entry
UNAIMED = "the threat names no target and the document gives its speaker no adversary to aim it at"


def draft_doctrine(facts: Facts, relations: dict, actors: dict, forces: dict,
                   theatres: dict, ledger: Ledger) -> Doctrine:  # fmt: skip
    """Doctrine entries per actor, in the order of the rules above."""
    out: Doctrine = {}
    for f in facts.conditionals:
        _conditional(out, f, actors, ledger)
    partners = _mutual_defence(relations)
    for f in facts.hedged_of("combat"):
        _partner_combat(out, f, partners, facts, forces, theatres, ledger)
    for f in facts.of("deployment"):
        _reinforce(out, f, partners, facts, forces, theatres, ledger)
    for f in facts.hedged_of("lift_restrictions"):
        _restrictions(out, f, facts, actors, ledger)
    return out


def _add(out: Doctrine, actor: str, eid: str, entry: dict[str, Any]) -> None:
    out.setdefault(actor, {}).setdefault(eid, entry)


def _conditional(out: Doctrine, f: Finding, actors: dict, ledger: Ledger) -> None:
    """The entry a threat states; a threat that names no target aims at the speaker's first
    adversary, else at the first adversary of the actor it protects ("an intervention in
    Niger would be treated as a declaration of war": at whoever threatens Niger). A threat
    still aimed at no one is not drafted (an entry with no one to act on does nothing); the
    ledger and the report's warnings say so."""
    d = load_data("defaults.yaml")["doctrine"]
    speaker, target = f.parties
    if speaker not in actors:
        return
    if target is None:
        protected = [a for a in f.attrs.get("protects", ()) if a in actors]
        pool = actors[speaker]["adversaries"] or [
            x for a in protected for x in actors[a]["adversaries"] if x != speaker
        ]
        target = pool[0] if pool else None
    if target is None:
        ledger.assume(f"actors.{speaker}.doctrine.{f.action} (dropped)", f.quote, UNAIMED)
        return
    modal = re.search(r"\b(" + "|".join(d["conditional_probability"]) + r")\b", f.quote)
    p = d["conditional_probability"][modal.group(1)] if modal else d["conditional_default"]
    eid = f"{f.action}_{target}"
    path = f"actors.{speaker}.doctrine.{eid}"
    when: dict[str, Any] = {f.attrs["condition"]: {}}
    done = _reported_rung(target, actors) if f.attrs.get("bare") else None
    going_on = f.attrs.get("ongoing")
    if going_on:  # "if the Houthis kept attacking ships": they do it now
        done = _reported_rung(target, actors) or _stands_on(target, speaker, going_on, f,
                                                            actors, ledger)  # fmt: skip
    if done and (going_on or f.attrs["condition"] == "adversary_escalated"):  # answers the act
        when = {"adversary_rung_at_least": {"rung": done}}
    reason = f"The document states it as a condition: {f.quote}"
    if "adversary_rung_at_least" in when:
        reason += f" It answers what the document reports {target} doing ({done})."
    entry = {"when": when, "then": f.action, "target": target, "probability": p,
             "reason": reason, "source": ledger.finding(path, f.action, f)}  # fmt: skip
    old = out.get(speaker, {}).get(eid)
    if old and "adversary_rung_at_least" in when and "adversary_rung_at_least" not in old["when"]:
        del out[speaker][eid]  # the entry that answers what the target does now comes first
    _add(out, speaker, eid, entry)  # type: ignore[arg-type]


def _stands_on(target: str, speaker: str, rung: str, f: Finding, actors: dict,
               ledger: Ledger) -> str:  # fmt: skip
    """Put ``target`` on ``rung`` toward ``speaker`` (at least), as the threat's condition
    reports it doing ("if the Houthis kept attacking ships"), sourced by that condition; the
    speaker becomes its adversary. Returns the rung."""
    ladder = standard_ladder()
    a, path = actors[target], f"actors.{target}"
    if speaker not in a["adversaries"]:
        a["adversaries"].append(speaker)
        quote = ledger.finding(f"{path}.adversaries", speaker, f)
        if a["sources"]["adversaries"].startswith("assumption:"):  # "shows no adversary"
            a["sources"]["adversaries"] = quote
    a.setdefault("postures", {})[speaker] = rung
    why = ledger.finding(f"{path}.postures.{speaker}", rung, f)
    said = a["sources"].get("postures", "").split("; ") + [why]
    a["sources"]["postures"] = "; ".join(w for w in dict.fromkeys(said) if w)
    if ladder.index(rung) > ladder.index(a["max_rung"]):
        a["max_rung"] = rung
        a["sources"]["max_rung"] = ledger.same_as(f"{path}.max_rung", rung,
                                                  f"{path}.postures.{speaker}")  # fmt: skip
    return rung


def _reported_rung(target: str | None, actors: dict) -> str | None:
    """The rung the document reports the target on, when it reports it doing more than talk
    (its starting rung is sourced by a quote, not an assumption)."""
    a = actors.get(target) if target else None
    if a is None or a["sources"]["initial_rung"].startswith("assumption:"):
        return None
    ladder = standard_ladder()
    return (
        a["initial_rung"] if ladder.index(a["initial_rung"]) > ladder.index("diplomacy") else None
    )


def _mutual_defence(relations: dict) -> set[frozenset[str]]:
    return {frozenset(r["parties"]) for r in relations.values()
            if r["kind"] == "treaty" and r.get("mutual_defence")}  # fmt: skip


def _host_of(sender: str, facts: Facts) -> Finding | None:
    return next((f for f in facts.of("deployment") if f.parties[0] == sender), None)


def _partner_combat(out: Doctrine, f: Finding, partners: set, facts: Facts, forces: dict,
                    theatres: dict, ledger: Ledger) -> None:  # fmt: skip
    sender = f.parties[0]
    deployment = _host_of(sender, facts)  # type: ignore[arg-type]
    if deployment is None or not any(u["actor"] == sender for u in forces.values()):
        return
    host = deployment.parties[1]
    enemy = next(iter(facts.enemies(host)), None)  # type: ignore[arg-type]
    p = load_data("defaults.yaml")["doctrine"]["hedged_partner_combat"]
    entry: dict[str, Any] = {"probability": p, "target": enemy}
    if frozenset((sender, host)) in partners:
        occupied = any(t["territory_of"] == host and t.get("held_by") for t in theatres.values())
        when = {"own_territory_occupied": {}, "front_failing": {}} if occupied else {}
        entry |= {
            "when": {**when, "partner_forces_available": {}},
            "then": "commit_partner_forces",
            "reason": f"{host} sends its treaty partner {sender}'s troops into combat",
        }
        actor, eid = host, f"commit_{sender}_troops"
    else:
        entry |= {
            "when": {"always": {}},
            "then": "commit_to_combat",
            "reason": f"{sender}'s troops sent to {host} go into combat",
        }
        actor, eid = sender, "enter_combat"
    if enemy is None:
        del entry["target"]
    entry["source"] = ledger.finding(f"actors.{actor}.doctrine.{eid}", entry["then"], f)
    _add(out, actor, eid, entry)  # type: ignore[arg-type]


def _reinforce(out: Doctrine, f: Finding, partners: set, facts: Facts, forces: dict,
               theatres: dict, ledger: Ledger) -> None:  # fmt: skip
    sender, host = f.parties
    treaty = frozenset((sender, host)) in partners
    if not treaty or not any(u["actor"] == sender for u in forces.values()):
        return
    enemy = next(iter(facts.enemies(host)), None)  # type: ignore[arg-type]
    eid = "reinforce_the_treaty_partner"
    path = f"actors.{sender}.doctrine.{eid}"
    treaty_f = next(t for t in facts.of("treaty") if set(t.parties) == {sender, host})
    entry = {"when": {"treaty_partner_attacked": {}, "own_forces_in_combat": {}},
             "then": "reinforce_troops",
             "probability": load_data("defaults.yaml")["doctrine"]["treaty_reinforcement"],
             "reason": f"The treaty binds {sender} to {host} while {host}'s land is occupied",
             "source": ledger.finding(path, "reinforce_troops", treaty_f)}  # fmt: skip
    if enemy:
        entry["target"] = enemy
    _add(out, sender, eid, entry)


def _restrictions(out: Doctrine, f: Finding, facts: Facts, actors: dict,
                  ledger: Ledger) -> None:  # fmt: skip
    d = load_data("defaults.yaml")["doctrine"]
    partner_fights = bool(facts.of("deployment"))
    for s in facts.restricted_supplies():
        supplier, recipient = s.parties
        base: dict[str, Any] = {"then": "lift_weapons_restrictions"}
        against = [e for e in sorted(facts.enemies(recipient))  # type: ignore[arg-type]
                   if e in actors[supplier].get("adversaries", ())]  # fmt: skip
        if against:  # aid is aimed at the recipient's enemy; else at the supplier's adversary
            base["target"] = against[0]
        path = f"actors.{supplier}.doctrine"
        alliance = actors[supplier]["kind"] == "alliance"  # decides by consensus: slower
        _add(
            out,
            supplier,
            "ease_restrictions_when_front_fails",
            {
                **base,
                "when": {"supplied_ally_front_failing": {}, "own_supplies_restricted": {}},
                "probability": d["restrictions_when_front_fails"] * (0.5 if alliance else 1),
                "reason": f"{recipient} is losing ground, so the restrictions on its weapons ease",
                "source": ledger.finding(f"{path}.ease_restrictions_when_front_fails", "lift", f),
            },
        )
        if partner_fights and not alliance:
            _add(out, supplier, "ease_restrictions_after_partner_combat", {
                **base, "when": {"adversary_partner_in_combat": {}, "own_supplies_restricted": {}},
                "probability": d["restrictions_when_partner_in_combat"],
                "reason": "troops of an adversary's partner fight, so the restrictions ease",
                "source": ledger.finding(f"{path}.ease_restrictions_after_partner_combat",
                                         "lift", f)})  # fmt: skip
        for enemy in facts.enemies(recipient):  # type: ignore[arg-type]
            if actors[enemy]["nuclear"]:
                _add(out, enemy, "answer_lifted_restrictions", {
                    "when": {"restrictions_lifted_against": {}}, "then": "nuclear_signal",
                    "target": supplier, "probability": d["nuclear_answer_to_lifted_restrictions"],
                    "reason": "weapons supplied to its enemy may now strike it, so it signals",
                    "source": ledger.assume(f"actors.{enemy}.doctrine.answer_lifted_restrictions",
                                            "nuclear_signal", "a nuclear-armed war party "
                                            "answers lifted restrictions with nuclear signalling; "
                                            "the document does not say so")})  # fmt: skip
