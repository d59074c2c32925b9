"""A seed document as numbered sentences with exact character spans, and the checks on input.

A document must be UTF-8 text, not empty, not binary and written in English: the patterns and
the gazetteer are English. Sentences are numbered from 1; every span is a pair of character
offsets into the original text, so that ``text[start:end]`` is the exact quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sim.seeding.errors import BadDocumentError

# abbreviations whose dot ends no sentence (also no sentence end before a name: leaders.py)
ABBREVIATIONS = ("U.S.", "U.K.", "U.N.", "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Lt.", "Col.",
                  "St.", "e.g.", "i.e.", "No.", "Sen.", "Rep.", "Adm.", "approx.", "Jan.",
                  "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "Maj.", "Capt.",
                  "Brig.", "Sgt.", "Cpl.", "Pvt.", "Cmdr.", "Gov.", "Prof.", "Pres.", "Jr.",
                  "Sr.")  # fmt: skip
MAX_DOCUMENT_BYTES = 1_000_000  # about 150,000 words: a long report; docs/security.md
_MARKUP = re.compile(r"<(?:!doctype|html|head|body|p|div|span|script|table|br|a\s)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*(?=\s+|$)")
_WORD = re.compile(r"[^\W\d_]+")
# a lone capital is an initial, never a sentence's end: "Gerald R. Ford", "W. Africans", "N. Korea"
_INITIAL = re.compile(r"(?:^|[\s(\"“‘'])[A-Z]\.$")
_ENGLISH_FUNCTION_WORDS = frozenset(
    ["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "by", "at",
     "from", "was", "were", "are", "has", "have", "it", "its", "this", "be", "been", "an", "or",
     "which", "their", "they", "not", "but", "will", "would", "could", "should", "said",
     "after", "over"]
)  # fmt: skip


@dataclass(frozen=True)
class Sentence:
    """One sentence: its number (from 1), its text and where it starts in the document."""

    number: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    """The whole seed: its path as given, its text and its sentences."""

    path: str
    text: str
    sentences: tuple[Sentence, ...]

    def quote(self, start: int, end: int) -> str:
        """The exact text between two offsets, trimmed of surrounding blanks."""
        return self.text[start:end].strip()

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence that holds character ``offset``."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return self.sentences[-1]


_STOPPED = re.compile(r"[.!?][\"”’)]*$")


def ends_sentence(line: str) -> bool:
    """Whether a line ends as a sentence does: a full stop, question or exclamation mark, maybe
    inside closing quotes or brackets (a headline usually does not)."""
    return bool(_STOPPED.search(line))


def read_document(path: Path | str) -> Document:
    """Read and check a seed document; raise BadDocumentError with a hint when it is unusable."""
    where = str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise BadDocumentError(
                where, f"it is {size:,} bytes; the limit is {MAX_DOCUMENT_BYTES:,} bytes",
                "Split the document, or keep the part that describes the situation.",
            )  # fmt: skip
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise BadDocumentError(where, "the file does not exist", "Check the path.") from None
    except IsADirectoryError:
        raise BadDocumentError(where, "it is a directory", "Give one text file.") from None
    return parse_document(raw, where)


def parse_document(raw: bytes, where: str = "<document>") -> Document:
    """Check raw bytes (empty, binary, UTF-8, English) and split the text into sentences."""
    if not raw.strip():
        raise BadDocumentError(where, "the file is empty",
                               "Paste the text of a news report or briefing into it.")  # fmt: skip
    if b"\x00" in raw[:8192]:
        raise BadDocumentError(where, "it looks like a binary file (it contains NUL bytes)",
                               "Save the document as plain UTF-8 text (.txt or .md).")  # fmt: skip
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadDocumentError(
            where, "it is not UTF-8 text", "Save the document as plain UTF-8 text (.txt or .md)."
        ) from None
    if len(_MARKUP.findall(text[:100_000])) >= 2:
        raise BadDocumentError(
            where, "it looks like an HTML page (it has tags like <p> or <html>)",
            "Save the page's text only (Save as: Text, or copy and paste it into a .txt file).",
        )  # fmt: skip
    _check_english(text, where)
    return Document(where, text, split_sentences(text))


def _check_english(text: str, where: str) -> None:
    """The gazetteer and patterns are English: refuse text with too few English function words."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 4:
        raise BadDocumentError(where, "it holds too few words to describe a situation",
                               "Give at least a few sentences of a report.")  # fmt: skip
    english = sum(w in _ENGLISH_FUNCTION_WORDS for w in words)
    latin = sum(w.isascii() for w in words)
    too_few_english = len(words) >= 12 and english / len(words) < 0.08
    if too_few_english or latin / len(words) < 0.7:
        raise BadDocumentError(
            where,
            "it does not look like English text",
            "The extraction patterns are English only; translate the document first.",
        )


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences end at . ! ? (not after a known abbreviation, nor after a lone capital, an
    initial: "the USS Gerald R. Ford", "W. African troops") or at a line break."""
    out: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for m in _SENTENCE_END.finditer(para.group()):
            end = para.start() + m.end()
            if text[start:end].rstrip().endswith(ABBREVIATIONS) or _INITIAL.search(text[start:end]):
                continue
            _add(out, text, start, end)
            start = end
        _add(out, text, start, para.end())
    return tuple(out)


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    chunk = chunk.strip()
    if chunk:
        s = start + lead
        out.append(Sentence(len(out) + 1, s, s + len(chunk), chunk))
