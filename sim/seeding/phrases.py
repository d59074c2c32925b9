"""A parsed sentence with its actors (``Parsed``; which token is which actor: ``tagging``), and
who a phrase is. A phrase's actors are those of its head and modifiers, coordination included
("the U.S. and Britain"), relative clauses and appositions left out; only when the phrase
itself names none are its "of" and then its "in" complements read ("bases of the Jaish al-Adl
group", "targets in Yemen", "in the region of Nagorno-Karabakh"), then its apposition ("Goma,
the largest city in eastern Congo").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sim.seeding.findings import Finding, load_data
from sim.seeding.gazetteer import KnownActor, standard_gazetteer
from sim.seeding.group_words import names_group, unnamed_group
from sim.seeding.text import Sentence

_OWN = {"relcl", "acl", "appos", "advcl", "ccomp", "xcomp", "punct", "prep", "agent", "parataxis"}
_PATRON_WORDS = {
    "back",
    "backed",
    "align",
    "aligned",
    "ally",
    "allied",
    "support",
    "supported",
    "sponsor",
    "sponsored",
    "fund",
    "funded",
    "arm",
    "armed",
    "lead",
    "led",
    "train",
    "trained",
    "equip",
    "equipped",
    "finance",
    "financed",
    "recognise",
    "recognised",
    "recognize",
    "recognized",
    "link",
    "linked",
    "affiliated",
    "inspired",
}
_AFFILIATES = {"affiliate", "offshoot", "branch", "proxy", "franchise"}  # "Al Qaeda affiliate"
PRONOUNS = {"it": "one", "its": "one", "they": "many", "them": "many", "their": "many",
            "he": "one", "she": "one", "his": "one", "her": "one", "which": "rel", "who": "rel",
            "that": "rel", "we": "speaker", "our": "speaker", "us": "speaker"}  # fmt: skip
GROUP_NOUNS = {"country", "group", "bloc", "alliance", "island", "junta", "government",
               "kingdom", "movement", "militia", "state", "nation", "organisation",
               "organization", "militant", "rebel", "insurgent", "jihadist",
               "guerrilla", "army", "military", "separatist"}  # fmt: skip
PAIR_WORDS = re.compile(
    r"^(?:the two (?:countries|sides|neighbours|neighbors|nations|states|"
    r"governments)|both (?:sides|countries|nations|governments))$",
    re.I,
)


@dataclass
class Parsed:
    """One sentence: its spaCy parse and the actor of each token that stands for one."""

    sentence: Sentence
    doc: object  # spacy.tokens.Doc
    actor_at: dict[int, str]
    new_actors: dict[str, KnownActor] = field(default_factory=dict)
    fallback: list[tuple[int, int, str]] = field(default_factory=list)  # entity spans, actor
    participants: set[str] = field(default_factory=set)  # subjects and targets of event verbs
    verb_subjects: dict[int, list[str]] = field(default_factory=dict)  # as read, pronouns resolved
    lead: int = 0  # characters of dateline before the parsed text ("SEOUL, Oct 31 (Reuters) - ")
    capital_at: dict[int, str] = field(default_factory=dict)  # "at Riyadh": token -> its state

    def offset(self, token) -> int:
        """The document offset of a token."""
        return self.sentence.start + self.lead + token.idx


def own_actors(p: Parsed, head) -> list[str]:
    """The actors the phrase itself names (head, modifiers, "from"), no complements or backers."""
    return _collect(p, head, keep={"from"})


def antecedents(p: Parsed, i: int, singular: bool = True) -> list[str]:
    """The actors named before token ``i`` that a pronoun there may stand for, in order. A
    singular pronoun ("it", "its") agrees in number: a name that only describes a plural noun
    ("Poland shot down suspected Russian drones in its airspace", "Tajikistan accused Kyrgyz
    forces of attacking its outposts") is not what "its" refers to."""
    return [a for j, a in sorted(p.actor_at.items()) if j < i and not (
            singular and p.doc[j].dep_ in ("amod", "compound", "nmod")
            and p.doc[j].head.tag_ == "NNS" and p.doc[j].head.i not in p.actor_at)]  # fmt: skip


def phrase_actors(p: Parsed, head) -> list[str]:
    """The actors a noun phrase names, by the priority in the module docstring."""
    group = unnamed_group(head)  # "militants from Afghanistan": not Afghanistan's
    bare = {a for a in _collect(p, head, keep=set()) if _state(a)} if group else set()
    own = _from(p, head, {"from"}, group, bare)  # "contractors from the Africa Corps"
    if own:
        return own
    # "bases of the Jaish al-Adl", "Iran-backed militias", "targets linked to X", "in Yemen"
    # ... then "Soleimani, the head of Iran's Quds Force", "the capital, Tskhinvali"
    for keep in ({"led"}, {"of"}, {"patron"}, {"to"}, {"in", "near", "across", "throughout", "of"},
                 {"appos", "of", "in"}):  # fmt: skip
        if "patron" in keep and group:
            continue  # "fought back against Rwanda-backed rebels": the rebels, not Rwanda
        deeper = _from(p, head, keep | {"from"}, group, bare)
        if deeper:  # "Islamist rebel bases across northern Mali": the rebels', not Mali's
            return deeper
    return []


def _from(p: Parsed, head, keep: set[str], group: bool, bare: set[str]) -> list[str]:
    """The actors ``_collect`` finds; of an unnamed armed group ("militants from Afghanistan",
    "rebel bases across northern Mali") no state but one its own words name."""
    found = _collect(p, head, keep=keep)
    return [a for a in found if a in bare or not _state(a)] if group else found


# "insurgents led by X", "a boat operated by X", "facilities used by X": X's
_HELD_BY = {"lead", "operate", "own", "run", "use", "hold", "control", "occupy", "man", "crew"}


def _collect(p: Parsed, head, keep: set[str]) -> list[str]:
    out: list[str] = []
    stack = [head]
    while stack:
        t = stack.pop()
        a = p.actor_at.get(t.i)
        if a and a not in out:
            out.append(a)
        named_group = names_group(p, t)
        for c in t.children:
            patron_head = t.lemma_.lower() in _AFFILIATES and c.dep_ in ("compound", "poss")
            if _flag(p, c):
                continue  # "a Liberian-flagged tanker": a flag of convenience, no party
            if named_group and c.dep_ in ("amod", "compound") and _state(
                    p.actor_at.get(c.i, "")) and p.actor_at[c.i] != a:  # fmt: skip
                continue  # "Russian Wagner mercenaries": the group's nationality, not Russia
            if _backer(c, _PLACE_WORDS):
                if "in" in keep:  # only when nothing else names the group, like "in Yemen"
                    stack.append(c)
                continue
            if patron_head or _backer(c):
                if "patron" in keep:  # the backer, only when nothing else names the group
                    stack.append(c)
                continue  # "the Iran-aligned group", "the Moscow-led CSTO": not the group
            if c.dep_ == "acl" and c.lemma_.lower() in _HELD_BY and "led" in keep:
                stack += [
                    g
                    for a in c.children
                    if a.dep_ == "agent"  # "insurgents led by X",
                    for g in a.children
                    if g.dep_ == "pobj"
                ]  # "facilities used by X"
                continue
            if c.dep_ == "acl" and "to" in keep:  # "linked to X", "loyal to X", "blamed on X"
                stack += [g for g in c.children if g.dep_ == "prep" and (g.lower_ == "to" or
                          g.lower_ == "on" and c.lemma_.lower() == "blame")]  # fmt: skip
                continue
            kept = c.dep_ == "prep" and c.lower_ in keep or c.dep_ == "appos" and "appos" in keep
            kept = kept or c.dep_ == "appos" and _listed(c)  # "A, B, C and D": a list
            if c.dep_ == "prep" and not kept:  # "bases of the PKK in Iraq and of the YPG":
                stack += [g for g in c.children if g.dep_ == "conj" and g.lower_ in keep]
            if c.dep_ in _OWN and not kept:
                continue
            if c.dep_ == "poss" and a and p.actor_at.get(c.i, a) != a:
                continue  # "Lebanon's Hezbollah", "Russia's Africa Corps": the group itself
            if c.dep_ == "poss" and named_group and _state(p.actor_at.get(c.i, "")):
                continue  # "Yemen's Houthi rebels": the group's home, not a side
            if c.dep_ in ("amod", "compound", "nmod") and _foreigners(t):
                continue  # "killing two Chinese nationals", "a British aid worker": victims
            if c.dep_ == "poss" and t.lemma_.lower() in OTHER_PARTY:
                continue  # "its northern neighbour", "Pakistan's rival": not the possessor
            if _people_of_rebels(p, t, c):
                continue  # "Syrian rebels", "Congolese insurgents": not the state they fight
            stack.append(c)
    return sorted(out, key=lambda a: min(i for i, x in p.actor_at.items() if x == a))


# people a demonym describes as victims or bystanders, not as their state's agents
_FOREIGNERS = {"national", "citizen", "worker", "journalist", "reporter", "tourist", "passenger",
               "hostage", "student", "engineer", "expatriate", "volunteer", "doctor", "nurse",
               "missionary", "businessman", "resident", "civilian", "villager"}  # fmt: skip


def _foreigners(head) -> bool:
    """A noun of victims or bystanders, alone ("seven Iraqi civilians"), not beside soldiers
    ("Israeli civilians and soldiers": the soldiers are the state's)."""
    return all(n.lemma_.lower() in _FOREIGNERS for n in (head, *head.conjuncts))


OTHER_PARTY = {"neighbour", "neighbor", "rival", "foe", "enemy", "adversary", "counterpart",
                "nemesis"}  # fmt: skip
REBEL_NOUNS = {"rebel", "insurgent", "separatist", "militant", "guerrilla", "dissident",
               "mutineer", "opposition", "jihadist"}  # fmt: skip
_OUTLAWS = {"gang", "cartel"}  # "a Venezuelan gang": of a people, not its state


def co_subjects(p: Parsed, v, subjects: list[str]) -> list[str]:
    """The subjects after the first that the sentence coordinates with another ("the U.S. and
    Britain", "U.S. and British warplanes", "Sudan's army and the RSF"): actors named side by
    side, in different conjuncts, not one phrase naming a group and its nationality ("Russian
    mercenaries from the Wagner Group")."""
    heads = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not heads:
        return []
    branch: dict[str, set[int]] = {}
    for t in heads[0].subtree:
        if t.i in p.actor_at:
            up = t
            while up.dep_ != "conj" and up.i != heads[0].i:
                up = up.head
            branch.setdefault(p.actor_at[t.i], set()).add(up.i)
    first = branch.get(subjects[0], set()) if subjects else set()
    return [a for a in subjects[1:] if branch.get(a) and branch[a] - first]


def _people_of_rebels(p: Parsed, head, c) -> bool:
    """A state's demonym on a noun of rebellion ("Syrian rebels", "separatist Armenian
    forces") or on armed groups outside the state ("irregular Colombian armed groups",
    "Venezuelan gangs"): it names their people, not the state, which they are fighting (or
    whose kin they are)."""
    rebels = head.lemma_.lower() in REBEL_NOUNS or any(
        m.dep_ in ("amod", "compound") and m.lemma_.lower() in REBEL_NOUNS for m in head.children
    )
    rebels = rebels or head.lemma_.lower() in _OUTLAWS or head.lemma_.lower() == "group" and any(
        m.dep_ == "amod" and m.lower_ == "armed" for m in head.children)  # fmt: skip
    if not rebels or c.dep_ != "amod" or c.i not in p.actor_at:
        return False
    return _state(p.actor_at[c.i])


def _state(actor: str) -> bool:
    known = standard_gazetteer().actors.get(actor)
    return known is not None and known.kind == "state"


def _listed(appos) -> bool:
    """An apposition that goes on as a list ("Saudi Arabia, the United Arab Emirates, Jordan
    and Bahrain"): the parse hangs the second name on the first as an apposition."""
    return any(g.dep_ == "conj" for g in appos.children) and any(
        g.dep_ == "cc" for c in (appos, *appos.conjuncts) for g in (*c.children, c.head)
    )  # the "and" may hang on the apposition itself: "Mali, Burkina Faso and Niger"


def _flag(p: Parsed, c) -> bool:
    """ "Liberian-flagged", "Panama-registered": an open registry's flag on a ship (see
    ``open_registries`` in the gazetteer), which names no party."""
    if c.dep_ not in ("amod", "compound") or c.lower_.rsplit("-", 1)[-1] not in (
        "flagged", "registered"):  # fmt: skip
        return False
    registries = set(load_data("gazetteer.yaml").get("open_registries", []))
    return any(p.actor_at.get(t.i) in registries for t in c.subtree)


def _backer(c, words: set[str] | frozenset[str] = frozenset(_PATRON_WORDS)) -> bool:
    """Whether a modifier names a backer: "aligned" in "Iran-aligned", or "Iran" itself when
    the parse hangs it on the noun beside its hyphenated patron word (with ``words``
    ``_PLACE_WORDS``: a place, "Yemen-based")."""
    if c.dep_ in ("amod", "compound") and c.lemma_.lower().rsplit("-", 1)[-1] in words:
        return True  # "Iran-aligned", and "U.N.-recognised" read as one word
    doc = c.doc
    return (c.i + 2 < len(doc) and doc[c.i + 1].text == "-"
            and doc[c.i + 2].lemma_.lower() in words)  # fmt: skip


# "the Yemen-based rebels", "Gaza-based militants": where the group is, not who
_PLACE_WORDS = frozenset({"base", "based", "headquartered"})


def finding_at(p: Parsed, kind: str, action: str, pair: tuple[str, str], modality: str,
             token, attrs: dict) -> Finding:  # fmt: skip
    """A finding quoting the clause around ``token`` (its subtree within the sentence); a verb
    the parse made a modifier ("had targeted bases") quotes the phrase it modifies."""
    if token.dep_ == "amod" and token.pos_ == "VERB" and token.head.dep_ != "ROOT":
        token = token.head
    sub = list(token.subtree) if token.dep_ != "ROOT" else [token]
    lo, hi = sub[0], sub[-1]
    if token.dep_ == "ROOT" or len(sub) > 40:
        kids = [c for c in token.children if c.dep_ in ("nsubj", "dobj", "prep", "nsubjpass")]
        lo = min([token, *(k.left_edge for k in kids)], key=lambda t: t.i)
        hi = max([token, *(k.right_edge for k in kids)], key=lambda t: t.i)
    start, end = p.offset(lo), p.offset(hi) + len(hi.text)
    quote = p.sentence.text[start - p.sentence.start : end - p.sentence.start]
    return Finding(kind, action, pair, modality, p.sentence.number, start, end, quote, attrs)
