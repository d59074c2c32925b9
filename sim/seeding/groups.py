"""Armed groups and organisations a document names itself, beyond the gazetteer.

News copy introduces the actors it expects a reader not to know, in five regular ways; each
becomes an actor with all its names, so later mentions ("the ELN", "HTS strongholds") find it:

- an acronym defined in brackets after a capitalised name: "the National Liberation Army
  (ELN)", "Tehrik-i-Taliban Pakistan (TTP)", "the Alliance of Sahel States (AES)";
- a capitalised name whose head is a group noun: "the Syrian National Army", "the Rapid Support
  Forces", "the Three Brotherhood Alliance", "the Islamic Resistance in Iraq";
- an acronym directly before a group word: "M23 rebels", "the Kurdish YPG militia";
- a capitalised name an indefinite apposition describes as a group, or one right after a group
  word: "the Fano, a loose network of ethnic Amhara militias", "Viv Ansanm, a coalition of
  armed gangs", "the Islamic State-linked group Ansar al-Sunna";
- a region with forces or a government of its own: "Tigray regional forces", "the
  semi-autonomous region of Puntland" (kind territory);
- a people or place the gazetteer does not know, before "rebels", "separatists", "insurgents",
  "militants", "jihadists" or "guerrillas": "Tuareg rebels" (one actor by that name), unless
  the document names the one armed group that bears that people's name ("Kurdish rebels" in a
  report that names the Kurdistan Workers' Party, PKK: the description is the PKK).

Not a name: a numbered unit of an army ("the 1st Brigade Combat Team") and capitals read only
off a title-case headline ("Clash with Unidentified Group"): see ``name_checks``. A name that is
a state's own military ("Israel Defense Forces (IDF)", "the People's Liberation Army Navy
(PLAN)") makes its acronym a name of that state (``state_names``); a possessive ends a name
("Haftar's Libyan National Army"), save "People's". Offices, agencies, courts, companies and
the press are never actors. The kind follows the head noun: an alliance
("Alliance", "Community", "Task Force"), a government ("Government of National Accord") or else
an armed group. It is drafted only if it takes part in a relation or event, like any other.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sim.seeding.acronyms import initials_spell
from sim.seeding.date_words import MONTHS, WEEKDAYS
from sim.seeding.gazetteer import Gazetteer, KnownActor, slug
from sim.seeding.name_checks import numbered_unit, only_in_title_case
from sim.seeding.splinters import add_splinters
from sim.seeding.state_names import bare_service, owned_government, state_military

_CONNECTORS = {"of", "the", "for", "and", "in", "al", "wal", "de", "del", "la", "du", "des", "el"}
_PATRONAGE = re.compile(r"-(?:backed|led|linked|aligned|allied|based|run|controlled)$", re.I)
_HEADS = re.compile(r"^(?:Army|Forces|Front|Movement|Brigades?|Militias?|Resistance|Alliance|"
                    r"Corps|Group|Units|Force|Community|Confederation|Coalition|Liberation|"
                    r"Mujahideen|Taliban|Organi[sz]ation|Union|Party|Cartel)$")  # fmt: skip
_NOT_ACTORS = re.compile(r"\b(?:Ministry|(?<!Transitional )Council|Agency|News|Commission|"
                         r"Office|Court|Parliament|Bank|Company|Committee|Press|Media|Institute|Centre|"
                         r"Center|Observatory|Programme|Program|Fund|Foundation|University|"
                         r"Department|Authority|Service|Agreement|Treaty|Act|Declaration|"
                         r"Conference|Summit|Operation|Corporation|Airlines?|Health|Atomic|Trade|Monetary|"
                         r"Maritime|Red Cross|Red Crescent|Human Rights|Soviet)\b")  # fmt: skip
_ALLIANCE = re.compile(
    r"^(?:Alliance|Community|Union|Force|Confederation|Coalition|Organi[sz]ation)$"
)
_GOVERNMENT = re.compile(r"^(?:Government|Republic|Administration|Transitional)\b")
_ACRONYM_DEFINED = re.compile(r"\(\s*(?P<acr>[A-Z][A-Za-z0-9-]{0,8}[A-Z0-9])\s*\)")
_WORD_BEFORE = re.compile(r"([^\s(]+)\s*$")
_GROUP_WORD = r"(?:rebels?|militias?|militants?|fighters|guerrillas?|insurgents?|group|movement)"
_ACRONYM_BEFORE_GROUP = re.compile(rf"(?<![\w.])(?P<acr>[A-Z][A-Z0-9]{{1,5}})\s+{_GROUP_WORD}\b")
_NAMED_FIGHTERS = re.compile(
    r"(?<![\w’'-])(?P<people>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+"
    r"(?:rebels|separatists|insurgents|militants|jihadists|guerrillas)\b"
)
_CAPITALISED = re.compile(r"[A-Z0-9][\w'’.-]*")
_DESCRIBED = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]+(?:\s+(?:al|al-|de|[A-Z][\w'’-]+)){0,3}),\s+an?\s+"
    r"(?:[\w-]+\s+){0,5}?(?:armed\s+)?(?:group|militias?|network|coalition|alliance|movement|"
    r"faction|gangs?|cartel|insurgency|rebels|insurgents)\b"
)  # "the Fano, a loose network of ethnic Amhara militias"
_NAMED_AFTER_GROUP = re.compile(
    r"\b(?:group|militia|faction|outfit|gang|cartel)\s+(?P<name>[A-Z][\w’'-]+"
    r"(?:\s+(?:[a-z]{1,3}-[A-Z][\w’'-]*|al|wal|de|del|la|el|du|des|da|do|[A-Z][\w’'-]+)"
    r"(?![\w’'-])){0,3})"
)  # "the Islamic State-linked group Ansar al-Sunna", "the rebel group M23"
_REGIONAL = re.compile(
    r"(?<![\w’'-])(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+regional\s+"
    r"(?:forces|government|administration|authorities|state|troops|militias?)\b"
    r"|\bsemi-autonomous\s+(?:region\s+of\s+|state\s+of\s+)?(?P<semi>[A-Z][a-z]+)\b"
)  # "Tigray regional forces", "the semi-autonomous region of Puntland"
_CALENDAR_WORDS = "|".join(w.capitalize() for w in WEEKDAYS + MONTHS)
_NOT_NAMES = re.compile(rf"^(?:{_CALENDAR_WORDS}|Meanwhile|However|Since|Then|Today)\b")


def with_document_groups(text: str, gaz: Gazetteer) -> Gazetteer:
    """The gazetteer plus the actors the document defines (see the module docstring)."""
    actors = dict(gaz.actors)
    aliases = dict(gaz.aliases)
    for name, acr in _named(text):
        if acr is None:  # "the Rapid Support Forces in Omdurman": the RSF, in a place
            name = _without_place(name, aliases)
            if numbered_unit(name) or only_in_title_case(name, text):
                continue  # "the 1st Brigade", a headline's "Clash with Unidentified Group"
        _add(name, acr, gaz, actors, aliases)
        owned_government(text, name, acr, actors, aliases)
    for m in _DESCRIBED.finditer(text):  # "the Fano, a network of militias"
        name = re.split(r"['’]s\s+", re.sub(r"^The\s+", "", m.group("name")))[-1]  # "Iraq's"
        if not (_NOT_NAMES.match(name) or _TITLE_WORDS.match(name.split()[0])):
            _add(name, None, gaz, actors, aliases)
    for m in _REGIONAL.finditer(text):  # a region with forces or a government of its own
        name = m.group("name") or m.group("semi")
        if name not in aliases and not _NOT_NAMES.match(name) and not _TITLE_WORDS.match(name):
            aliases[name] = (slug(name), "n")
            actors.setdefault(slug(name), KnownActor(slug(name), name, "territory"))
    for m in _NAMED_AFTER_GROUP.finditer(text):  # "the militant group Ansar al-Sunna"
        name = m.group("name")
        if not (_NOT_NAMES.match(name) or _TITLE_WORDS.match(name.split()[0])):
            _add(name, None, gaz, actors, aliases)
    for m in _ACRONYM_BEFORE_GROUP.finditer(text):
        acr = m.group("acr")
        if acr not in aliases:
            _add(acr, acr, gaz, actors, aliases)
    for m in _NAMED_FIGHTERS.finditer(text):  # "Tuareg rebels", "Baloch separatists"
        people = m.group("people")
        named = re.match(r"\s+of\s+the\s+[A-Z]", text[m.end() : m.end() + 12])
        first = people.split()[0]
        if (
            people not in aliases
            and not _TITLE_WORDS.match(first)
            and not named
            and not (_DIRECTION.match(first))
        ):  # "Southern separatists": where they are, not who
            same = _group_of_people(people, text, actors, aliases)
            if same is not None:  # "Kurdish rebels" in a report that names the PKK
                aliases.setdefault(m.group(), (same, "n"))
                continue
            _add(m.group(), None, gaz, actors, aliases)
            plural = f"{people}s"  # "Ninja rebels" ... "the Ninjas"
            if m.group() in aliases and re.search(rf"\b{re.escape(plural)}\b", text):
                aliases.setdefault(plural, aliases[m.group()])
    add_splinters(text, actors, aliases)  # "FARC dissidents": not the FARC
    if len(aliases) == len(gaz.aliases):
        return gaz
    return replace(gaz, actors=actors, aliases=aliases)


def _group_of_people(people: str, text: str, actors: dict[str, KnownActor],
                     aliases: dict[str, tuple[str, str]]) -> str | None:  # fmt: skip
    """The one armed group the document names whose name is its people's ("Kurdish rebels"
    and the PKK, the "Kurdistan Workers' Party"; "Baloch separatists" and the "Baloch
    Liberation Army"): the description is that group. None when the text names none."""
    stem = people.split()[0][:4]
    named = {aid for alias, (aid, _) in aliases.items()
             if aid in actors and actors[aid].kind == "armed_group"
             and re.search(rf"(?<![\w'’-]){re.escape(alias)}(?![\w'’-])", text)}  # fmt: skip
    own = sorted(a for a in named if any(w.startswith(stem) for w in actors[a].name.split()))
    return own[0] if len(own) == 1 else None


_REGIONS = re.compile(r"\b(?:Africa|Arabia|Sahel|Levant|Maghreb|Sinai|Caucasus|Peninsula)\b")


def _without_place(name: str, aliases: dict) -> str:
    """A group's name without an "in" complement that only says where it is ("the Rapid Support
    Forces in Omdurman", "the Sinaloa Cartel in Culiacan"); a state or region in the name stays
    ("the Islamic Resistance in Iraq", "al Qaeda in the Arabian Peninsula")."""
    head, _, tail = name.partition(" in ")
    if not tail or tail in aliases or tail.removeprefix("the ") in aliases:
        return name
    return name if _REGIONS.search(tail) else head


def _named(text: str) -> list[tuple[str, str | None]]:
    """(name, acronym or None): defined acronyms first, then capitalised group names."""
    out: list[tuple[int, str, str | None]] = []
    for m in _ACRONYM_DEFINED.finditer(text):
        name = _name_before(text, m.start())
        acr = m.group("acr")
        if not name:
            continue
        words = name.split()  # the longest tail spelt by the acronym: "Forces of the [GNA]"
        tails = [" ".join(words[i:]) for i in range(len(words)) if words[i][0].isupper()]
        name = (
            next((t for t in tails if initials_spell(acr, t, strict=True)), None)
            or next((t for t in tails if t[0] == acr[0] and initials_spell(acr, t)), None)
            or next((t for t in tails if initials_spell(acr, t)), name)
        )  # "Ansar Dine and the Movement for Oneness ... (MUJAO)": the Movement's
        if initials_spell(acr, name) or _abbreviates(name):
            out.append((m.start(), name, acr))
    for start, name in _group_names(text):
        out.append((start, name, None))
    return [(n, a) for _, n, a in sorted(out, key=lambda x: (x[2] is None, x[0]))]


def _name_before(text: str, end: int) -> str | None:
    """The capitalised name that ends at ``end`` (connectors inside it, none at its ends)."""
    words: list[str] = []
    pos = end
    while len(words) < 14:
        m = _WORD_BEFORE.search(text, 0, pos)
        if m is None:
            break
        w = m.group(1)
        if w.endswith(".") and w[-2:-1].islower() or w.endswith(","):
            break  # the previous sentence or clause ("... Mohamed Bazoum. The Economic ...")
        if not _in_name(w):
            break
        words.insert(0, w)
        pos = m.start()
    while words and (words[0].lower() in _CONNECTORS or words[0][0].islower()
                     and not words[0].lower().startswith("al-")):  # fmt: skip
        words.pop(0)
    return " ".join(words) or None


def _in_name(w: str) -> bool:
    """Whether a word can stand in a name read back from its acronym."""
    if _PATRONAGE.search(w) or w.endswith(("'s", "’s")) and w[:-2] != "People":
        return False  # "Turkey-backed", "Haftar's": the patron ("People's" is in names)
    lower = w.lower()
    prefixed = lower.startswith(("al-", "wal-"))
    return bool(_CAPITALISED.fullmatch(w)) or lower in _CONNECTORS or prefixed


def _abbreviates(name: str) -> bool:
    """A group's name of two words or more may take an acronym from another language (PKK)."""
    return len(name.split()) >= 2 and any(_HEADS.match(w) for w in name.split())


def _group_names(text: str) -> list[tuple[int, str]]:
    """Capitalised names whose head is a group noun ("the Syrian National Army"): the head, up
    to four capitalised words before it (no possessive, no title-case function word), and an
    "in"/"of" complement after it ("the Islamic Resistance in Iraq")."""
    out = []
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
    for i, (_, raw) in enumerate(words):
        head = raw.rstrip(",.;:)\"”’'")
        if not _HEADS.match(head) or head in ("Party", "Liberation"):
            continue
        if raw == head and i + 1 < len(words) and _name_word(words[i + 1][1].rstrip(",.;:")):
            continue  # the name goes on ("National Democratic Alliance Army")
        first = i
        while first > i - 4 and first > 0 and _name_word(words[first - 1][1]):
            first -= 1
        while first < i and re.fullmatch(r"[\d,.]+", words[first][1]):
            first += 1  # "killed 12 Afghan Taliban fighters": a count, not a name
        name = [w for _, w in words[first:i]] + [head]
        if raw == head and i + 2 < len(words) and words[i + 1][1] in ("in", "of"):
            tail = []
            for _, w in words[i + 2 : i + 5]:
                bare = w.rstrip(",.;:)\"”’'")
                if not _CAPITALISED.fullmatch(bare):
                    break
                tail.append(bare)
                if bare != w:
                    break
            if tail:
                name += [words[i + 1][1], *tail]
        if len(name) >= 2 and not re.match(r"Group of", " ".join(name)):
            out.append((words[first][0], " ".join(name)))
    return out


_DIRECTION = re.compile(
    r"^(?:Northern|Southern|Eastern|Western|Central|North|South|East|West|"
    r"Islamist|Jihadist|Sunni|Shia|Shiite|Shi'ite|Muslim|Christian|Marxist|"
    r"Maoist|Communist|Rebel|Armed|Militant)$"
)  # where or what, not who
# title-case headlines: words no name holds
_TITLE_WORDS = re.compile(r"^(?:To|As|On|In|At|For|And|Of|After|Before|With|Over|Amid|From|By|"
                          r"Says?|Is|Are|Will|The|A)$")  # fmt: skip


def _name_word(w: str) -> bool:
    """Whether a word can stand inside a group's name before its head (not one that ends a
    sentence: "... in Niger. Forces from Chad": "U.S." is an initialism, not an end)."""
    ends = w.endswith(".") and w.count(".") == 1 or w[-2:] in ("'s", "’s") and w[:-2] != "People"
    return (bool(_CAPITALISED.fullmatch(w)) and not _TITLE_WORDS.match(w) and not ends
            and not _PATRONAGE.search(w))  # fmt: skip


def _add(name: str, acr: str | None, gaz: Gazetteer, actors: dict[str, KnownActor],
         aliases: dict[str, tuple[str, str]]) -> None:  # fmt: skip
    """Register a name (and its acronym) as one actor, unless it names a known one (an article
    that opens a sentence is no part of a name: "An Indian Army officer")."""
    name = re.sub(r"^(?:An?|The) ", "", name)
    if not name or _NOT_ACTORS.search(name) or name in aliases and (acr is None or acr in aliases):
        return
    if re.match(r"\d+(?:st|nd|rd|th)\b", name) or bare_service(name):  # "1st Brigade", "the
        return  # Armed Forces": an army's unit, a service of a state the name does not give
    known = aliases.get(name) or state_military(name, gaz)
    if known is not None:  # "Israel Defense Forces (IDF)": another name of the state
        if acr and acr not in aliases:
            aliases[acr] = (known[0], "n")
        return
    if acr in aliases:  # the acronym is known: the full name is another of its names
        aliases.setdefault(name, aliases[acr])
        return
    aid = slug(acr or name)
    if aid in actors and actors[aid].name != name:
        aid = slug(name)
    heads = [w for w in name.split() if _HEADS.match(w)]
    kind = ("state" if _GOVERNMENT.match(name) else
            "alliance" if heads and _ALLIANCE.match(heads[-1]) else "armed_group")  # fmt: skip
    actors.setdefault(aid, KnownActor(aid, name, kind))
    aliases.setdefault(name, (aid, "n"))
    if acr:
        aliases.setdefault(acr, (aid, "n"))
