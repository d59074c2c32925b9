"""Relations of the draft: war, treaty, supply (with use restrictions), alliance, partnership.

Each relation is one fact of the document, sourced by the quote it was found in. A security or
defence agreement is read as a mutual-defence treaty unless the document says otherwise (an
assumption). A partnership is dropped when the same pair already has a treaty or an alliance.
A state that sends troops to a party at war, with no treaty or alliance between them, is
aligned with it by an alliance sourced by the deployment: it fights on that side. Two
actors the document states as allies (an alliance or a treaty) are not at war with each other:
"Ethiopian jets bombed Islamist positions across southern Somalia" with Ethiopian troops
"fighting alongside forces of Somalia's government" strikes the Islamists on Somali soil. A
treaty that made peace ("the 1942 protocol, which Ecuador and Peru signed to end a brief war")
makes no allies: its parties may fight again.
"""

from __future__ import annotations

import re
from typing import Any

from sim.seeding.facts import Facts, goods_of
from sim.seeding.findings import Finding, load_data
from sim.seeding.provenance import Ledger

Relations = dict[str, dict[str, Any]]
_PEACE = re.compile(r"\bpeace\b|\bend(?:ed|ing|s)?\b[^.;]{0,40}\b(?:war|conflict|fighting)|"
                    r"armistice", re.I)  # fmt: skip


def draft_relations(facts: Facts, ledger: Ledger) -> Relations:
    """Every relation the document states as a fact, keyed ``<a>_<b>_<kind>``."""
    out: Relations = {}
    allied = {frozenset(f.parties) for f in facts.of("alliance") if not f.attrs.get("peace")}
    allied |= {frozenset(f.parties) for f in facts.of("treaty")
               if not f.attrs.get("peace")
               and not _PEACE.search(ledger.doc.sentences[f.sentence - 1].text)}  # fmt: skip
    for f in facts.of("war"):
        if frozenset(f.parties) not in allied:  # allies who strike on each other's soil
            _plain(out, f, ledger)  # strike someone else there (see the module docstring)
    for f in facts.of("treaty"):
        _treaty(out, f, ledger)
    for f in facts.of("supply"):
        _supply(out, f, ledger)
    for f in facts.of("alliance"):
        _plain(out, f, ledger)
    _deployment_alignments(out, facts, ledger)
    tied = {frozenset(r["parties"]) for r in out.values() if r["kind"] in ("treaty", "alliance")}
    for f in facts.of("partnership"):
        if frozenset(f.parties) not in tied:
            _plain(out, f, ledger)
    _mediators(out, facts, ledger)
    return out


def _mediators(out: Relations, facts: Facts, ledger: Ledger) -> None:
    """A state with ties of partnership to a party at war and no stake in the fighting (not at
    war, supplying no one, sending no troops) may broker a ceasefire: a mediator of that war
    (an assumption: the document names it only as a partner)."""
    stake = facts.at_war() | {f.parties[0] for k in ("supply", "deployment") for f in facts.of(k)}
    for rid, r in out.items():
        if r["kind"] != "war":
            continue
        brokers = [p for f in facts.of("partnership") for p in f.parties
                   if set(f.parties) & set(r["parties"]) and p not in stake]  # fmt: skip
        if brokers:
            r["mediators"] = list(dict.fromkeys(brokers))
            why = ledger.assume(
                f"relations.{rid}.mediators",
                r["mediators"],
                "partners of a party at war with no stake in the fighting may "
                "broker a ceasefire; the document names them only as partners",
            )
            if "sources" not in r:
                r["sources"] = {k: r.pop("source") for k in ("kind",)}
                r["sources"]["parties"] = r["sources"]["kind"]
            r["sources"]["mediators"] = why


def _rid(f: Finding, kind: str | None = None) -> str:
    return f"{f.parties[0]}_{f.parties[1]}_{kind or f.kind}"


def _plain(out: Relations, f: Finding, ledger: Ledger, kind: str | None = None) -> None:
    rid = _rid(f, kind)
    if rid in out:
        return
    out[rid] = {"kind": kind or f.kind, "parties": list(f.parties),
                "source": ledger.finding(f"relations.{rid}", kind or f.kind, f)}  # fmt: skip


def _treaty(out: Relations, f: Finding, ledger: Ledger) -> None:
    rid = _rid(f)
    path = f"relations.{rid}"
    quote = ledger.finding(path, "treaty", f)
    peace = bool(_PEACE.search(ledger.doc.sentences[f.sentence - 1].text))
    stated = "mutual" in quote.lower() or peace  # a treaty that ended a war pledges no help
    mutual = not peace and (stated or bool(load_data("defaults.yaml")["treaty_mutual_defence"]))
    why = (
        ledger.finding(f"{path}.mutual_defence", mutual, f)
        if stated
        else ledger.assume(
            f"{path}.mutual_defence",
            mutual,
            "a security or defence agreement is read as a pledge of mutual military help",
        )
    )
    out[rid] = {"kind": "treaty", "parties": list(f.parties), "name": quote,
                "mutual_defence": mutual,
                "sources": {"kind": quote, "parties": quote, "name": quote,
                            "mutual_defence": why}}  # fmt: skip


def _supply(out: Relations, f: Finding, ledger: Ledger) -> None:
    rid = _rid(f)
    if rid in out:
        return
    path = f"relations.{rid}"
    rel = {"kind": "supply", "parties": list(f.parties), "goods": goods_of(f)}
    if f.attrs.get("restricted"):
        rel["restricted_use"] = True
    rel["source"] = ledger.finding(path, dict(rel), f)
    out[rid] = rel


def _deployment_alignments(out: Relations, facts: Facts, ledger: Ledger) -> None:
    """Troops sent to a party at war align the sender with it (unless already tied, or at war
    with it: "Israeli troops crossed into Lebanon ... moving them deeper into Lebanon" is no
    help to Lebanon)."""
    tied = {frozenset(r["parties"]) for r in out.values() if r["kind"] in ("treaty", "alliance")}
    enemies = {frozenset(pair) for pair in facts.wars()}
    for f in facts.of("deployment"):
        sender, host = f.parties
        if (
            host in facts.at_war()
            and frozenset(f.parties) not in tied | enemies
            and not f.attrs.get("frontier")
        ):  # troops sent to the host's border face it, they do not help it
            _plain(out, f, ledger, kind="alliance")
