"""What extraction produces: findings, each with the sentence and exact span it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

FACT, NEGATED, HEDGED, CONDITIONAL = "fact", "negated", "hedged", "conditional"


@dataclass(frozen=True)
class Finding:
    """One thing the document says: a relation, an event, a conditional (doctrine) statement.

    ``parties`` are actor ids ([actor, target]; for supply [supplier, recipient]); ``action`` is
    the ladder action it stands for; ``modality`` says whether it happened (fact), was denied
    (negated), is only possible or expected (hedged), or is conditional (a doctrine entry).
    """

    kind: str
    action: str
    parties: tuple[str | None, str | None]
    modality: str
    sentence: int
    start: int
    end: int
    quote: str
    attrs: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def as_record(self) -> dict[str, Any]:
        """A plain mapping for the JSON sidecar and the HTML report."""
        return {"kind": self.kind, "action": self.action, "parties": list(self.parties),
                "modality": self.modality, "sentence": self.sentence,
                "span": [self.start, self.end], "quote": self.quote, **self.attrs}  # fmt: skip


@cache
def load_data(name: str) -> dict[str, Any]:
    """One of the package's YAML data files (read safely, cached)."""
    return yaml.safe_load(files("sim.seeding").joinpath(f"data/{name}").read_text("utf-8"))
