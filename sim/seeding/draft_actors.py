"""Actors of the draft: who they are, where they stand on the ladder, whom they oppose.

- Role (first that applies): attacked war party, war party, deployer of troops, alliance,
  supplier, bystander. Dispositions (risk tolerance, escalation propensity, grievance) come
  from the role's defaults, as assumptions.
- Initial rung: the highest rung among the facts the actor is the subject of (a deployment puts
  it on troop deployment, a supply on arms supply, sanctions on sanctions), at least its role's
  rung (a war party fights; on foreign soil it strikes the adversary's territory).
- Adversaries: the other side of a war; for a supplier or a sender of troops, the enemies of the
  party it helps (and they its); the target of a condemnation or sanctions (both ways); the
  target of a conditional threat.
"""

from __future__ import annotations

from typing import Any

from sim.domain.ladder import standard_ladder
from sim.seeding.extract import Extraction
from sim.seeding.facts import Facts
from sim.seeding.findings import Finding, load_data
from sim.seeding.provenance import Ledger

EVENT_KINDS = ("deployment", "naval_deployment", "supply", "sanctions", "condemnation",
               "consultation", "combat", "nuclear_signal", "co_belligerent")  # fmt: skip


def draft_actors(ex: Extraction, facts: Facts, theatres: dict, ledger: Ledger) -> dict:
    """Every actor the document names, in order of first mention."""
    out: dict[str, dict[str, Any]] = {}
    foes = adversaries(facts)
    for aid, mention in ex.actors.items():
        known = ex.gazetteer.actors[aid]
        path = f"actors.{aid}"
        where = ledger.mention(f"{path}.name", known.name, mention.start, mention.end)
        role = role_of(aid, known.kind, facts)
        a: dict[str, Any] = {"name": known.name, "kind": known.kind}
        src: dict[str, str] = {"name": where, "kind": where}
        if known.members:
            a["members"] = [m for m in known.members if m in ex.actors]
            src["members"] = ledger.assume(
                f"{path}.members", a["members"], "the alliance's members that the document names"
            )
        a["nuclear"] = known.nuclear
        src["nuclear"] = ledger.assume(
            f"{path}.nuclear",
            known.nuclear,
            f"{known.name} {'has' if known.nuclear else 'has no'} "
            "nuclear weapons (gazetteer, not the document)",
        )
        a["initial_rung"], src["initial_rung"] = _initial_rung(aid, role, facts, theatres, ledger)
        a["max_rung"], src["max_rung"] = _max_rung(aid, role, known.nuclear, a["initial_rung"],
                                                   ledger)  # fmt: skip
        mine = foes.get(aid, {})
        a["adversaries"] = [x for x in mine if x in ex.actors]
        src["adversaries"] = (ledger.finding(f"{path}.adversaries", a["adversaries"],
                                             next(iter(mine.values()))) if a["adversaries"]
                              else ledger.assume(f"{path}.adversaries", [],
                                                 "the document shows no adversary"))  # fmt: skip
        for x in a["adversaries"][1:]:  # the ledger keeps every adversary's own source
            ledger.finding(f"{path}.adversaries", x, mine[x])
        postures = _postures(aid, a, facts, mine, ledger)
        if postures:
            a["postures"] = {x: rung for x, (rung, _) in postures.items()}
            src["postures"] = "; ".join(dict.fromkeys(why for _, why in postures.values()))
        d = load_data("defaults.yaml")["roles"][role]
        for k in ("risk_tolerance", "escalation_propensity", "grievance"):
            a[k] = d[k]
            src[k] = ledger.assume(f"{path}.{k}", d[k], f"{role.replace('_', ' ')}: {d['why']}")
        out[aid] = {**a, "sources": src}
    return out


def role_of(aid: str, kind: str, facts: Facts) -> str:
    """The actor's role, the first that applies in the order of the defaults' roles."""
    if any(b == aid for _, b in facts.wars()):
        return "attacked_war_party"
    if aid in facts.at_war():
        return "war_party"
    if any(f.parties[0] == aid for f in facts.of("deployment")):
        return "deployer"
    if kind == "alliance":
        return "alliance"
    if any(f.parties[0] == aid for f in facts.of("supply")):
        return "supplier"
    return "bystander"


def _initial_rung(aid: str, role: str, facts: Facts, theatres: dict,
                  ledger: Ledger) -> tuple[str, str]:  # fmt: skip
    ladder = standard_ladder()
    rungs = load_data("defaults.yaml")["initial_rung"]
    path = f"actors.{aid}.initial_rung"
    best: tuple[int, Finding | None, str] = (ladder.index(rungs["bystander"]), None, "")
    if aid in facts.at_war():
        rung = rungs["war_party"]
        if any(
            t.get("held_by") in facts.at_war() and aid in (t["held_by"], t["territory_of"])
            for t in theatres.values()
        ):
            rung = rungs["war_party_on_foreign_soil"]
        war = next(f for f in facts.of("war") if aid in f.parties)
        best = (ladder.index(rung), war, rung)
    for f in (f for k in EVENT_KINDS for f in facts.of(k) if f.parties[0] == aid):
        rung = ladder.rung_of(f.action)
        if rung > best[0]:
            best = (rung, f, ladder.rung_ids[rung])
    rung_id = ladder.rung_ids[best[0]]
    if best[1] is None:
        return rung_id, ledger.assume(path, rung_id, "the document shows the actor only talking")
    return rung_id, ledger.finding(path, rung_id, best[1])


def _postures(aid: str, a: dict, facts: Facts, mine: dict[str, Finding],
              ledger: Ledger) -> dict[str, tuple[str, str]]:  # fmt: skip
    """A party at war stands at its war rung toward its enemies only: toward an adversary it
    is not at war with, at the highest rung of what it does to that one in the document
    (sanctions, protest), else at diplomacy. {adversary: (rung, source)} where lower."""
    ladder = standard_ladder()
    enemies = set(facts.enemies(aid))
    if not enemies:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for x in a["adversaries"]:
        if x in enemies:
            continue
        done = [f for k in EVENT_KINDS for f in facts.of(k) if f.parties == (aid, x)]
        best = max(done, key=lambda f: ladder.rung_of(f.action), default=None)
        rung = ladder.rung_ids[ladder.rung_of(best.action)] if best else "diplomacy"
        if ladder.index(rung) >= ladder.index(a["initial_rung"]):
            continue
        path = f"actors.{aid}.postures.{x}"
        reason = ("toward an adversary it is not at war with, a party at war stands at "
                  "diplomacy unless the document shows more")  # fmt: skip
        why = ledger.finding(path, rung, best) if best else ledger.assume(path, rung, reason)
        out[x] = (rung, why)
    return out


def _max_rung(aid: str, role: str, nuclear: bool, initial: str, ledger: Ledger) -> tuple[str, str]:
    ladder = standard_ladder()
    rungs = load_data("defaults.yaml")["max_rung"]
    if nuclear:
        key = "nuclear_deployer" if role == "deployer" else "nuclear"
    else:
        key = role if role in ("war_party", "deployer") else "bystander"
        key = "war_party" if role == "attacked_war_party" else key
    rung = max(rungs[key], initial, key=ladder.index)
    why = {"nuclear": "a nuclear-armed actor can in principle climb the whole ladder",
           "nuclear_deployer": "a state fighting in another's war is not modelled as using "
                               "nuclear weapons in it",
           "war_party": "without nuclear weapons a war party tops out at strikes on territory",
           "deployer": "troops sent abroad top out at combat",
           "bystander": "a state outside the war tops out at arming a side"}[key]  # fmt: skip
    return rung, ledger.assume(f"actors.{aid}.max_rung", rung, why)


def adversaries(facts: Facts) -> dict[str, dict[str, Finding]]:
    """actor -> {adversary: the finding that makes it one}, in the order found."""
    out: dict[str, dict[str, Finding]] = {}

    def oppose(a: str | None, b: str | None, f: Finding, both: bool = True) -> None:
        if a and b and a != b:
            out.setdefault(a, {}).setdefault(b, f)
            if both:
                out.setdefault(b, {}).setdefault(a, f)

    for f in facts.of("war"):
        oppose(*f.parties, f)
    for f in facts.of("supply") + facts.of("deployment"):
        for enemy in facts.enemies(f.parties[1]):  # type: ignore[arg-type]
            oppose(f.parties[0], enemy, f)
    for f in facts.of("condemnation") + facts.of("sanctions"):
        oppose(*f.parties, f)
    for f in facts.conditionals:
        oppose(*f.parties, f, both=False)
    return out
