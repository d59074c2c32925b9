"""Who takes part in the crisis beyond the findings: event clauses, helpers and backers.

A state named only in passing becomes an actor only when it takes part in a relation or an
event. An event clause makes its parties take part unless:

- it is denied ("Russia said it would not send peacekeepers");
- the act is only asked for, weighed or offered ("Pakistan is considering a Saudi request to
  send troops", "urged both sides to pull back", "offered to mediate");
- it is talk with no party named ("would inform the public", "the Security Council was set to
  meet"; mediating is taking part: "Egypt, which also mediated");
- it deplores violence nobody is named for ("condemned the bloodshed and called for calm");
- it is history ("the Islamists who seized northern Mali last year", "a war decades ago").

Helpers and backers take part too, though no event verb carries them: "with non-operational
support from the Netherlands, Canada and Bahrain", "strikes on the Iran-backed group".
"""

from __future__ import annotations

from sim.seeding.findings import NEGATED
from sim.seeding.verb_sense import verb_lemma
from sim.seeding.verbs import VerbClass

SIDE_TIES = {"consultation", "partnership"}
_WEIGHED = {"consider", "weigh", "mull", "request", "ask", "urge", "propose", "discuss", "offer"}
_VIOLENCE = {"bloodshed", "violence", "escalation", "fighting", "hostility", "clash", "killing",
             "loss", "death", "unrest", "tension"}  # fmt: skip
_MEDIATING = {"mediate", "broker"}


def takes_part(v, cls: VerbClass, targets: list, modality: str) -> bool:
    """Whether the clause of verb ``v`` (its class, its targets' actors, its modality) makes
    its parties take part, by the rules in the module docstring."""
    if modality == NEGATED or any(a.lemma_.lower() in _WEIGHED for a in v.ancestors):
        return False
    if _long_ago(v):
        return False
    if cls.kind in SIDE_TIES:  # their parties take part through the findings (``parties``)
        return verb_lemma(v) in _MEDIATING
    if targets:
        return True
    deplored = any(c.dep_ == "dobj" and c.lemma_.lower() in _VIOLENCE for c in v.children)
    return not (cls.kind == "condemnation" and deplored)


_ARMS = {"weapon", "arm", "ammunition", "munition", "missile", "rocket", "drone", "shell",
         "tank", "artillery", "jet", "plane", "aircraft", "helicopter", "warship"}  # fmt: skip


def arms_without_recipient(v, cls: VerbClass) -> bool:
    """A supplier of arms takes part though the text names no recipient ("Azerbaijan alleges
    that Armenia has smuggled in weapons", "Britain is providing two transport planes");
    "provided support for the operation" names no arms, so no part by it alone."""
    objs = [c for c in v.children if c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ == "in"]
    return cls.kind == "supply" and any(t.lemma_.lower() in _ARMS for c in objs for t in c.subtree)


def parties(findings: list) -> set[str]:
    """The actors the findings make parties: every party to a finding, except to talks and
    partnerships between actors that have no other part in the crisis ("Argentina, Brazil,
    Chile and the United States said their envoys would meet", "Russia and China have sided
    with Belgrade" in a report on NATO troops in Kosovo)."""
    core = {a for f in findings if f.kind not in SIDE_TIES for a in f.parties if a}
    return core | {a for f in findings if f.kind in SIDE_TIES and (not core or core & {*f.parties})
                   for a in f.parties if a}  # fmt: skip


def places_only(findings: list, parsed: list, kinds: dict[str, str]) -> set[str]:
    """Territories the text names only as the land an attack is feared or planned against
    ("the Kremlin warned that Ukraine could attack Transnistria"): places, not parties (a
    deployment planned to one is still drafted as such). A territory acts when it is the
    subject of an event, the first party to a finding, or a party to one the text states as a
    fact ("Azerbaijan shelled Nagorno-Karabakh", "Karabakh agreed to a ceasefire")."""
    from sim.seeding.findings import FACT

    acting = {a for p in parsed for subjects in p.verb_subjects.values() for a in subjects}
    out = set()
    for a in (a for a, k in kinds.items() if k == "territory" and a not in acting):
        mine = [f for f in findings if a in f.parties]
        if mine and all(f.kind == "war" and f.parties[0] != a and f.modality != FACT
                        for f in mine):  # fmt: skip
            out.add(a)
    return out


_HOSTILE = {"war", "doctrine", "deployment"}  # "troops crossed into Lebanon" to hunt the group


def hosts_only(findings: list, actors: dict, parsed: list = ()) -> set[str]:
    """States only ever the place where an armed group based there is struck ("Israel's first
    direct attack on Yemen" in a report on its strikes on the Houthis; ``based_in`` in the
    gazetteer's ``actors``): targets of those who fight the group, and nothing else in the
    findings; troops sent or crossing into it after the group are the same fight ("Israeli
    troops crossed into Lebanon to hunt for the captives"). Such a state does nothing in the
    text (the group attacking it makes it a party: "HTS attacked Syrian army positions"; so
    does any event it is the subject of: "the Lebanese army pulled back from the border")."""
    acting = {a for p in parsed for subjects in p.verb_subjects.values() for a in subjects}
    out = set()
    for state in {f.parties[1] for f in findings} - acting:
        groups = {g for g, k in actors.items() if state in k.based_in}
        foes = {a for f in findings if f.kind == "war" and groups & {*f.parties}
                for a in f.parties} - groups  # fmt: skip
        mine = [f for f in findings if state in f.parties]
        if groups and all(f.kind in _HOSTILE and f.parties[1] == state and f.parties[0] in foes
                          for f in mine):  # fmt: skip
            out.add(state)
    return out


_EPISODES = {"war", "deployment", "naval_deployment", "combat", "ceasefire", "withdrawal"}


def recalled(findings: list, parsed: list) -> set:
    """Acts of war and deployments the text dates to years past ("Rwanda ... last year sent
    hundreds of troops to the unstable country", "the Islamists who seized northern Mali last
    year"): background, so they make no one take part (``parties``). A deal or a pact signed
    last year still stands ("signed a deal with France last year to buy radars")."""
    out = set()
    by_number = {p.sentence.number: p for p in parsed}
    for f in (f for f in findings if f.kind in _EPISODES):
        p = by_number.get(f.sentence)
        verbs = [v for v in p.doc if v.pos_ in ("VERB", "AUX")] if p else []
        if any(f.start <= p.offset(v) < f.end and p.offset(v.left_edge) <= f.start and _long_ago(v)
               for v in verbs):  # fmt: skip
            out.add(f)
    return out


def _long_ago(v) -> bool:
    """ "the Islamists who seized control of northern Mali last year", "a war decades ago":
    what the text recalls from years past is background."""
    for c in v.children:
        words = [t.lower_ for t in c.subtree]
        if c.dep_ in ("npadvmod", "advmod", "prep") and (
            words[-2:] == ["last", "year"] or words[-1:] == ["ago"] and len(words) > 1
            and words[-2] in ("years", "decades")):  # fmt: skip
            return True
    return False


# a go-between's work, as mediating is, and paying for another's fight
_PERSUADING = {"persuade", "convince", "fund", "finance", "bankroll"}
_HELP = {"support", "backing", "help", "assistance", "participation", "contribution"}
_GROUP_HEADS = {"group", "militia", "militias", "rebels", "rebel", "fighters", "forces",
                "movement", "militants", "proxies", "proxy", "insurgents"}  # fmt: skip


def helpers_and_patrons(p) -> set[str]:
    """Actors a sentence shows helping an act, backing a group or persuading a party: "took
    action along with non-operational support from the Netherlands, Canada and Bahrain",
    "attacks on the Iran-backed group", "government forces backed by African Union troops",
    "the presidents of Guinea and Mauritania will fly to Banjul to try to persuade Jammeh", "has
    pledged $300 million to fund the mission", "the ceasefire, proposed by Russian peacekeepers".
    They take part, though only as partners or go-betweens."""
    from sim.seeding.resolver import Resolver
    from sim.seeding.roles import subject_of

    out: set[str] = set()
    for v in (v for v in p.doc if v.lemma_.lower() in _PERSUADING):
        doers = subject_of(p, v, Resolver())
        if not doers and v.dep_ in ("relcl", "acl") and v.head.head.pos_ == "VERB":
            doers = subject_of(p, v.head.head, Resolver())  # "pledged $300 million to fund"
        out.update(doers)
    for t in p.doc:
        if t.lemma_.lower() in _HELP:
            out.update(
                p.actor_at[c.i]
                for c in t.children  # "US support", "Iran's backing"
                if c.dep_ in ("compound", "poss", "amod") and c.i in p.actor_at
            )
            for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ == "from"):
                for g in (c for c in prep.children if c.dep_ == "pobj"):
                    out.update(p.actor_at[x.i] for x in (g, *g.conjuncts) if x.i in p.actor_at)
        if t.dep_ == "acl" and t.lower_ in _BACKING:  # "forces backed by African Union troops"
            out.update(_agents(p, t))
        if t.dep_ in ("acl", "relcl") and _brokered(t):  # "the truce, proposed by Russian
            out.update(_agents(p, t))  # peacekeepers"
        if t.lower_ in _GROUP_HEADS:
            for c in t.children:
                if c.dep_ in ("amod", "compound") and _backed(c):
                    out.update(p.actor_at[x.i] for x in c.subtree if x.i in p.actor_at)
    return out


_BACKING = ("backed", "sponsored", "funded", "supported", "armed")
_BROKERING = {"broker", "mediate", "negotiate"}
_PROPOSING = {"propose", "draft", "offer"}
_DEALS = {"ceasefire", "truce", "deal", "agreement", "accord", "plan", "armistice", "pact"}


def _brokered(t) -> bool:
    """ "a deal brokered by Belarus", "the ceasefire agreement, proposed by Russian
    peacekeepers": whoever brokers or proposes a settlement is a go-between."""
    lemma = t.lemma_.lower()
    return lemma in _BROKERING or lemma in _PROPOSING and t.head.lemma_.lower() in _DEALS


def _agents(p, verb) -> list[str]:
    """The actors a passive participle's "by" names ("backed by A and B")."""
    return [a for agent in verb.children if agent.dep_ == "agent"
            for g in agent.children if g.dep_ == "pobj"
            for x in (g, *g.conjuncts) for a in _named_in(p, x)]  # fmt: skip


def _named_in(p, head) -> list[str]:
    """The actors a phrase names in its own words (head and modifiers)."""
    return [p.actor_at[x.i] for x in head.subtree if x.i in p.actor_at
            and x.dep_ not in ("relcl", "appos")]  # fmt: skip


def _backed(c) -> bool:
    """ "Iran-backed" (one word or three tokens) on a group noun; "Iran-aligned" says less, and
    "armed" on its own ("the Sahrawi Armed Forces") says nothing of a backer."""
    return any(
        x.lower_.endswith(tuple("-" + b for b in _BACKING))
        or x.lower_ in _BACKING
        and (x.lower_ != "armed" or x.i > 0 and x.nbor(-1).text == "-")
        for x in c.subtree
    )  # "the Sahrawi Armed Forces", "armed groups": no backer
