"""Who a pronoun or a bare group noun stands for, by recency and kind (no coreference model).

"it"/"they" are the latest subjects; "the group"/"the alliance"/"the bloc"/"the junta" the latest
actor of that kind (or the actor the noun was last said of: "the Niger junta"); "the two
countries"/"both sides" the latest pair; "the five countries" the five states named last before
the sentence; "the government"/"the army" with no owner (and "government forces", "army jets")
the state whose official says the clause ("..., an Ecuadorean officer said"), else the state the
sentence puts it in ("rebels in Ethiopia say government forces ..."), else the state of the
dateline's capital when the document names it; a bare "rebels"/"separatists" with no earlier
actor of its kind the document's only non-state party; "the coalition" the latest coalition's
leader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sim.seeding.phrases import GROUP_NOUNS, PAIR_WORDS, PRONOUNS, Parsed, antecedents

_KIND_OF_NOUN = {"alliance": "alliance", "bloc": "alliance", "organisation": "alliance",
                 "organization": "alliance", "group": "armed_group", "militia": "armed_group",
                 "movement": "armed_group", "island": "territory", "militant": "armed_group",
                 "rebel": "armed_group", "insurgent": "armed_group", "jihadist": "armed_group",
                 "guerrilla": "armed_group", "separatist": "territory"}  # fmt: skip


@dataclass
class Resolver:
    """Who "it", "they", "the group" and "the two countries" stand for: the latest subjects;
    a group noun ("the alliance", "the bloc", "the group") the latest actor of its kind; "the
    strike" or "the attack" the latest attacker."""

    kinds: dict[str, str] = field(default_factory=dict)  # actor id -> kind
    subjects: list[str] = field(default_factory=list)  # latest last
    mentioned: list[str] = field(default_factory=list)  # subjects and targets, latest last
    pairs: list[tuple[str, str]] = field(default_factory=list)
    named_by: dict[str, str] = field(default_factory=dict)  # "junta" -> the "Niger junta"
    attackers: list[str] = field(default_factory=list)  # "the strike killed": whose strike
    home: str | None = None  # the dateline's state, when the document names it
    present: tuple[str, ...] = ()  # every actor the document names, in order
    coalition: list[str] = field(default_factory=list)  # the latest coalition's leader
    victims: list[str] = field(default_factory=list)  # hit by an attack nobody was named for
    struck: list[str] = field(default_factory=list)  # the latest attack's targets
    states_seen: list[str] = field(default_factory=list)  # states named before this sentence
    introduced: frozenset[str] = frozenset()  # actors the document itself introduces
    fighting: list[tuple[str, str]] = field(default_factory=list)  # pairs at war, latest last

    def read(self, p: Parsed) -> None:
        """Remember which actor a group noun was last said of ("the Niger junta"), and the
        states the sentence named."""
        for _, a in sorted(p.actor_at.items()):
            if self.kinds.get(a) == "state":
                if a in self.states_seen:
                    self.states_seen.remove(a)
                self.states_seen.append(a)
        for t in p.doc:
            if t.lemma_.lower() in GROUP_NOUNS:
                mods = [c for c in t.children if c.dep_ in ("compound", "amod", "poss")]
                owners = [p.actor_at[c.i] for c in mods if c.i in p.actor_at]
                if owners:
                    self.named_by[t.lemma_.lower()] = owners[0]

    def heard(self, subjects: list[str], targets: list[str]) -> None:
        """Remember a clause's subjects (and the pair it joins, if any)."""
        for a in reversed(subjects):  # the first named is the most salient
            if a in self.subjects:
                self.subjects.remove(a)
            self.subjects.append(a)
        for a in [*targets, *reversed(subjects)]:
            if a in self.mentioned:
                self.mentioned.remove(a)
            self.mentioned.append(a)
        if subjects and targets and subjects[0] != targets[0]:
            self.pairs.append((subjects[0], targets[0]))

    def of_kind(self, p: Parsed, noun) -> list[str]:
        """The latest actor of the kind a group noun names, this sentence's included."""
        if noun.lemma_.lower() in self.named_by:
            return [self.named_by[noun.lemma_.lower()]]
        kind = _KIND_OF_NOUN.get(noun.lemma_.lower(), "state")
        # "the separatists": a territory's forces or a group the document introduces
        kinds = {kind, "armed_group"} if kind == "territory" and noun.lemma_.lower() not in (
            "separatist",) else {kind}  # fmt: skip
        here = [a for i, a in sorted(p.actor_at.items()) if i < noun.i]
        for a in reversed(self.mentioned + here):
            if self._is(a, kinds, noun):
                return [a]
        return []

    def _is(self, actor: str, kinds: set[str], noun) -> bool:
        """Whether an actor is of the kind a noun names; rebels, separatists, insurgents and
        militants are also a coalition the document introduces ("the Coalition of Patriots for
        Change, an alliance of six armed groups"), never a well-known organisation."""
        if noun.lemma_.lower() in _FIGHTER_NOUNS and actor in self.introduced:
            return True
        return self.kinds.get(actor) in kinds

    def _speaking_state(self, p: Parsed, token) -> list[str]:
        """The state whose official says the clause holding ``token`` ("..., an Ecuadorean
        officer said"): an unowned "the army" in it is the speaker's own."""
        for v in (a for a in token.ancestors if a.lemma_.lower() in _SAYING):
            for subj in (c for c in v.children if c.dep_ == "nsubj" and token not in c.subtree):
                own = [p.actor_at[t.i] for t in subj.subtree if t.i in p.actor_at]
                if own and self.kinds.get(own[0]) == "state":
                    return own[:1]
        return []

    def _reporting_for(self, p: Parsed, token) -> list[str]:
        """The state an unnamed "the military" reports for when it says what the sentence's
        own subject did: that subject's one state ("Kenyan troops pushed into southern Somalia
        on Sunday, the military said": Kenya's military, not Somalia's)."""
        verb = token.head
        if token.dep_ != "nsubj" or verb.lemma_.lower() not in _SAYING | {"call", "claim"}:
            return []
        told = [c for c in verb.children if c.dep_ == "ccomp"]
        told += [verb.head] if verb.dep_ in ("parataxis", "relcl", "advcl") else []
        told += [verb.head.head] if verb.dep_ == "pcomp" else []  # "in what the military called"
        states = {p.actor_at[t.i] for v in told for c in v.children
                  if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
                  if t.i in p.actor_at and self.kinds.get(p.actor_at[t.i]) == "state"}  # fmt: skip
        return list(states) if len(states) == 1 else []

    def resolve(self, p: Parsed, token) -> list[str]:
        """The actors a pronoun or a bare group noun stands for; [] when unsure."""
        phrase = " ".join(t.text for t in token.subtree)
        if PAIR_WORDS.match(phrase):
            # the two the sentence named before it ("Bhutan protested to China ... agreements
            # the two countries signed"), else the latest pair at war, else the latest pair
            here = [a for i, a in sorted(p.actor_at.items()) if i < token.i]
            if len(set(here)) == 2:
                return list(dict.fromkeys(here))
            pairs = self.fighting or self.pairs
            return list(pairs[-1]) if pairs else self.subjects[-2:]
        counted = _COUNTED.match(phrase)
        if counted:  # "the five countries": the five states named last, not in this sentence
            here = set(p.actor_at.values())
            named = [a for a in self.states_seen if a not in here]
            n = _NUMBERS[counted.group(1).lower()]
            return named[-n:] if len(named) >= n else []
        word = token.lower_
        kind = PRONOUNS.get(word) if token.i not in p.actor_at else None  # "the US"
        lemma = token.lemma_.lower()
        bare = not any(c.dep_ in ("det", "poss", "amod", "compound") and c.lower_ != "the"
                       or c.dep_ == "prep" and c.lower_ == "of"
                       for c in token.children)  # fmt: skip
        if kind is None and (lemma in _HOME_NOUNS and bare or _state_forces(token)):
            speaker = self._speaking_state(p, token) or self._reporting_for(p, token)
            if speaker:  # "The army has sent 5,000 troops, an Ecuadorean officer said"
                return speaker
            hosts = [p.actor_at[g.i] for g in p.doc[: token.i] if g.i in p.actor_at
                     and g.dep_ == "pobj" and g.head.lower_ in ("to", "into", "in")
                     and self.kinds.get(p.actor_at[g.i]) == "state"]  # fmt: skip
            if hosts:  # "deployed to Mali to fight alongside the army": the host's
                return hosts[-1:]
            if self.home in self.present:  # "help the government repel": the dateline's state
                return [self.home]
        if kind is None and lemma == "coalition" and self.coalition:
            return list(self.coalition)
        if kind is None and lemma in _FIGHTER_NOUNS and token.tag_ == "NNS":
            found = self.of_kind(p, token)  # "shelling by Russian-backed separatists"
            others = [a for a in self.present
                      if self._is(a, {"armed_group", "territory"}, token)]  # fmt: skip
            if len(others) > 1:  # the group the document itself introduces, if only one
                others = [a for a in others if a in self.introduced]
            return found or (others if len(others) == 1 else [])
        if (
            kind is None
            and (token.lemma_.lower() in GROUP_NOUNS or token.lemma_.lower() == "force")
            and any(c.lower_ == "the" for c in token.children)
        ):
            return self.of_kind(p, token)  # "the armed forces": the latest state
        if kind in ("rel", "speaker"):  # "we" is only ever the reporter (see clauses)
            return []
        if kind is None:
            return []
        if token.dep_ not in ("nsubj", "nsubjpass", "poss"):  # an object: the nearest actor
            return antecedents(p, token.i, kind == "one")[-1:]
        here = [subj for i, subj in sorted(p.verb_subjects.items()) if i < token.i and subj]
        if here and token.dep_ == "nsubj":  # "Puntland's forces pressed an offensive, where
            return here[-1]  # they say they have seized bases": this sentence's last subject
        if not self.subjects:
            return []
        return self.subjects[-1:] if kind == "one" else self.subjects[-2:]


_FORCE_NOUNS = {"force", "troop", "soldier", "unit", "jet", "aircraft", "warplane", "plane",
                "helicopter", "drone", "artillery", "tank"}  # fmt: skip
_OF_THE_STATE = {"government", "army", "military", "federal", "regime", "junta"}


def _state_forces(token) -> bool:
    """ "government forces", "army jets", "federal troops": a state's forces its text does not
    name, read as "the army" is (the speaker's state, the host's, the dateline's)."""
    mods = [c for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
    return (token.lemma_.lower() in _FORCE_NOUNS and len(mods) == 1
            and mods[0].lemma_.lower() in _OF_THE_STATE)  # fmt: skip


_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_COUNTED = re.compile(r"^(?:the|all|those) (two|three|four|five|six|seven|eight) "
                      r"(?:countries|states|nations|governments|members)$", re.I)  # fmt: skip
_HOME_NOUNS = {"government", "army", "military"}
_SAYING = {"say", "tell", "add", "announce", "report", "confirm", "state"}
_FIGHTER_NOUNS = {"rebel", "separatist", "insurgent", "militant"}
