"""Where each drafted value came from: a quote with its sentence and span, or an assumption.

The draft's YAML can only hold the quote (``source:``/``sources:``); the ledger keeps the
sentence number and exact character span too, for the JSON sidecar and the HTML report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sim.seeding.findings import Finding
from sim.seeding.text import Document


@dataclass(frozen=True)
class Use:
    """One value of the draft and the span of the document it came from (None: assumption)."""

    path: str
    value: Any
    source: str
    sentence: int | None = None
    span: tuple[int, int] | None = None


@dataclass
class Ledger:
    """Every value's provenance, filled while the draft is built."""

    doc: Document
    uses: list[Use] = field(default_factory=list)

    def quote(self, path: str, value: Any, span: tuple[int, int]) -> str:
        """Record that ``value`` at ``path`` came from the span; return the exact quote."""
        text = self.doc.quote(*span)
        sentence = self.doc.sentence_at(span[0]).number
        self.uses.append(Use(path, value, text, sentence, span))
        return text

    def finding(self, path: str, value: Any, f: Finding) -> str:
        """Record that ``value`` came from finding ``f``; return its quote."""
        return self.quote(path, value, (f.start, f.end))

    def mention(self, path: str, value: Any, start: int, end: int, width: int = 45) -> str:
        """Quote a mention with some words around it (within its sentence) as its source."""
        s = self.doc.sentence_at(start)
        text = self.doc.text
        left, right = max(s.start, start - width), min(s.end, end + width)
        while s.start < left < start and not text[left - 1].isspace():
            left += 1  # start on a word boundary
        while right < s.end and not text[right].isspace():
            right += 1
        return self.quote(path, value, (left, right))

    def same_as(self, path: str, value: Any, other: str) -> str:
        """Record that ``value`` has the same source as the value at path ``other``."""
        use = next(u for u in reversed(self.uses) if u.path == other)
        self.uses.append(Use(path, value, use.source, use.sentence, use.span))
        return use.source

    def assume(self, path: str, value: Any, reason: str) -> str:
        """Record that ``value`` is a default; return ``assumption: <reason>``."""
        text = reason if reason.startswith("assumption:") else f"assumption: {reason}"
        self.uses.append(Use(path, value, text))
        return text

    def assumptions(self) -> list[Use]:
        return [u for u in self.uses if u.span is None]

    def records(self) -> list[dict[str, Any]]:
        """Plain mappings for the sidecar: path, value, source, sentence, span."""
        return [
            {
                "path": u.path,
                "value": u.value,
                "source": u.source,
                "sentence": u.sentence,
                "span": list(u.span) if u.span else None,
            }  # fmt: skip
            for u in self.uses
        ]
