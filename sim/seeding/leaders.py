"""Leaders by name: who "Putin", "President Ramaphosa" or "Lee" speaks for.

The table (``data/leaders.yaml``) lists heads of state and government, foreign and defence
ministers and a few leaders of armed groups, with their state and years in office: what a news
reader knows. The rules:

- A full name the table lists ("Cyril Ramaphosa", "Kim Jong-un", another spelling such as
  "Tayyip Erdogan") names the person's state, unless the text says "former" or "late" before
  it, or the text's own year (when it dates itself) falls outside the person's years in office.
- A title and a name ("President Ramaphosa", "Defence Minister Pedro Sanchez") names the state
  of the person of that name whose office the title is, in office in the text's year.
- Two such people of different states (two Pedro Sanchezes, a Spanish prime minister and a
  Colombian minister, named without a title): no state. A later bare surname ("Ramaphosa said")
  is the person's once the document has named him or her (``mentions``).
"""

from __future__ import annotations

import datetime as dt
import re

from sim.seeding.date_words import MONTHS, WEEKDAYS
from sim.seeding.leader_table import Leader, by_any_name, by_name, key, leaders, name_pattern
from sim.seeding.text import ABBREVIATIONS, Document

__all__ = ["KnownPeople", "Leader", "leaders", "named_leaders", "titled_leader",
           "known_surnames", "later_names", "former", "text_year"]  # fmt: skip


_TITLE_OFFICES = {
    "president": {"president"},
    "vice president": {"vice_president"},
    "general": {"military"},
    "admiral": {"military"},
    "chief of staff": {"military"},
    "prime minister": {"prime_minister"},
    "pm": {"prime_minister"},
    "premier": {"prime_minister"},
    "chancellor": {"prime_minister"},
    "foreign minister": {"foreign_minister"},
    "foreign secretary": {"foreign_minister"},
    "secretary of state": {"foreign_minister"},
    "defence minister": {"defence_minister"},
    "defense minister": {"defence_minister"},
    "defence secretary": {"defence_minister"},
    "defense secretary": {"defence_minister"},
    "minister": {"prime_minister", "foreign_minister", "defence_minister"},
    "supreme leader": {"leader"},
    "leader": {"leader"},
    "king": {"leader"},
    "emir": {"leader"},
    "crown prince": {"leader"},
    "secretary-general": {"leader"},
    "secretary general": {"leader"},
    "spokesman": {"official"},
    "spokeswoman": {"official"},
    "spokesperson": {"official"},
    "ambassador": {"official"},
    "national security adviser": {"official"},
}
# "former", "the late", "ex-", "then-", before the name or its title ("former U.S. President")
_FORMER = re.compile(r"\b(?i:former|late|ex-|then-)\s*(?:[A-Z][\w.-]*\s+){0,3}$")


def former(text: str, start: int) -> bool:
    """Whether "former", "late", "ex-" or "then-" stands before ``start`` (a title between)."""
    return _FORMER.search(text, max(0, start - 50), start) is not None


def _one_state(people: list[Leader]) -> Leader | None:
    """The first person when all are of one state, else None."""
    return people[0] if people and len({p.state for p in people}) == 1 else None


def named_leaders(text: str, year: int | None) -> list[tuple[int, int, Leader]]:
    """Full names of people of the table, each with the person (start, end, leader)."""
    out = []
    for m in name_pattern().finditer(text):
        if not m.group()[0].isupper() or former(text, m.start()):
            continue
        found = _one_state([p for p in by_name().get(key(m.group()), ()) if p.in_office(year)])
        if found is not None:
            out.append((m.start(), m.end(), found))
    return out


def titled_leader(title: str, person: str, year: int | None) -> Leader | None:
    """The person a title and a name ("President", "Ramaphosa") stand for: of that name (full,
    a spelling or the surname; the longest run of the name's first words that is one), holding
    that office in ``year``; None when none or people of two states are."""
    offices = _TITLE_OFFICES.get(title.strip().lower())
    if not offices:
        return None
    words = person.split()
    for k in range(len(words), 0, -1):
        people = [p for p in by_any_name().get(key(" ".join(words[:k])), ())
                  if p.offices & offices and p.in_office(year)]  # fmt: skip
        if people:
            return _one_state(people)
    return None


def known_surnames(text: str, year: int | None) -> dict[str, str]:
    """Surnames a reader knows without an introduction ("Putin vowed"): the surname (three
    letters at least) of one person of the table, or of one person in office in the text's
    ``year`` ("Lee" in 2025 is Lee Jae-myung, not Lee Myung-bak), which the text never writes
    in lower case ("may"), after another capitalised first name ("Mohammed Saleh, a
    spokesman") nor as a first name ("Petro Poroshenko" is no Petro): surname -> state."""
    people: dict[str, list[Leader]] = {}
    for p in leaders():
        people.setdefault(p.surname, []).append(p)
    out: dict[str, str] = {}
    index = _word_index(text)
    for surname, ps in people.items():
        found = [p for p in ps if p.in_office(year)]
        one = len(ps) == 1 or year is not None and len({(p.name, p.state) for p in found}) == 1
        if len(surname) < 3 or not found or not one or surname not in text:
            continue
        word = re.escape(surname)
        own = (found[0].name, *found[0].spellings)
        if not re.search(rf"(?<![\w'’-]){word}(?![\w'’-])", text) or not alone_in(
            text, surname, own, index
        ):
            continue  # "may"; a first name: "Petro Poroshenko", "Abbas Araqchi"
        names = {key(n) for n in (found[0].name, *found[0].spellings)}
        before = re.finditer(rf"((?:[A-Z][\w.'’-]*\s+)+){re.escape(surname)}(?![\w'’-])", text)
        # "Russian President Vladimir Putin" and "President Putin" are his; "Ahmed Saleh" is not
        if all(_ends_with(key(m.group()), names) or _is_title(m.group(1))
               or _sentence_end(m.group(1)) for m in before):  # fmt: skip
            out[surname] = found[0].state
    return out


_CALENDAR = {w.capitalize() for w in MONTHS + WEEKDAYS}


def alone_in(text: str, name: str, own: tuple[str, ...] = (), index: tuple | None = None) -> bool:
    """Whether a one-word name can stand alone for its person in this text: three letters at
    least, not a month or a weekday ("May"), never written in lower case ("may"), never the
    first name of someone else ("Ali Khamenei" beside Irfaan Ali, "Petro Poroshenko"; the
    person's ``own`` full names do not count: "Kim Jong-un" is Kim's). ``index``: the text's
    words, built once (``_word_index``)."""
    if len(name) < 3 or name in _CALENDAR:
        return False
    lower, first = index if index is not None else _word_index(text)
    if name.lower() in lower:
        return False
    return all(any(text.startswith(n, i) for n in own) for i in first.get(name, ()))


def _word_index(text: str) -> tuple[set[str], dict[str, list[int]]]:
    """The text's lower-case words, and where each capitalised word stands before another."""
    lower = set(re.findall(r"(?<![\w-])[a-z][\w'’-]*", text))
    first: dict[str, list[int]] = {}
    for m in re.finditer(r"(?<![\w'’-])([A-Z][\w'’-]*)\s+(?=[A-Z])", text):
        first.setdefault(m.group(1), []).append(m.start())
    return lower, first


def later_names(text: str, names: list[str], memo: dict | None = None) -> list[str]:
    """The names a later sentence may use for a person the text named: every name of more than
    one word, and a one-word name only when it can stand alone in this text (``alone_in``;
    ``memo`` keeps the text's word index for the next call on the same text)."""
    memo = {} if memo is None else memo
    if "index" not in memo:
        memo["index"] = _word_index(text)
    own = tuple(n for n in names if " " in n.strip())
    return [n for n in names if " " in n.strip() or alone_in(text, n, own, memo["index"])]


class KnownPeople:
    """The people a text names, by the names a later sentence may use for them (``later_names``;
    first the surnames a reader knows, ``known_surnames``): name -> actor. A name the text gives
    people of two actors stands for neither ("Kim" beside Kim Jong Un and Kim Yong-hyun)."""

    def __init__(self, text: str, year: int | None) -> None:
        self.text, self.memo, self.shared = text, {}, set()
        self.known: dict[str, str] = known_surnames(text, year)

    def learn(self, names: list[str], actor: str) -> None:
        """The text names a person of ``actor`` by these names (full name first)."""
        names = later_names(self.text, names, self.memo)  # not "May"
        self.shared |= {n for n in names if self.known.get(n, actor) != actor}
        self.known.update(dict.fromkeys(names, actor))

    def names(self) -> dict[str, str]:
        return {n: a for n, a in self.known.items() if n not in self.shared}


def _ends_with(name: str, names: set[str]) -> bool:
    return any(f" {name}".endswith(f" {n}") for n in names)


def _sentence_end(words: str) -> bool:
    """Whether capitalised words before a surname end a sentence ("on Thursday. Lee said")."""
    last = words.split()[-1]
    return last.endswith((".", "!", "?")) and not last.endswith(ABBREVIATIONS)


def _is_title(words: str) -> bool:
    """Whether capitalised words before a surname end with a title ("President", "Mr")."""
    last = words.split()[-1].rstrip(".")
    return last in {"Mr", "Mrs", "Ms", "Dr", "Sheikh", "King"} or any(
        key(words).endswith(t) for t in _TITLE_OFFICES
    )


def text_year(doc: Document, published: dt.date | None = None) -> int | None:
    """The year the text dates itself in (a dateline or a full date), else the year of the
    publication date the user gave; None when neither (a year the extractor only assumes is
    no year here)."""
    from sim.seeding.dates import date_of  # dates reads headlines, which read mentions' parses

    when = date_of(doc)
    if not when.source.startswith("assumption"):
        return when.date.year
    return published.year if published else None
