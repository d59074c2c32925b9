"""What every entity of a scenario file obeys, whatever it describes.

An entity refuses keys it does not know and cannot be changed once read (``Strict``). Every
value set in a scenario file names where it came from (``Sourced``): a quote from the seed
document, or ``assumption: <reason>``, of at least three characters. An entity's ``source``
covers all its fields; ``sources: {field: ...}`` gives one field its own, and must name fields
the entity has. Fields that hold entities of their own (an actor's doctrine, a scenario's
actors) are exempt: their entities carry their own sources.

The ranges its numbers must lie in are named once here: a probability and a share in [0, 1],
a strength of zero or more, a quality above zero and at most 5. ``When`` is a set of named
conditions (``sim.domain.conditions``) with their arguments.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

Probability = Annotated[float, Field(ge=0.0, le=1.0)]
Share = Annotated[float, Field(ge=0.0, le=1.0)]
Strength = Annotated[float, Field(ge=0.0)]
Quality = Annotated[float, Field(gt=0.0, le=5.0)]
When = dict[str, dict[str, Any] | None]


class Strict(BaseModel):
    """An entity with no unknown keys, frozen once read."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(Strict):
    """An entity whose every value names where it came from (``source`` or ``sources``)."""

    _unsourced: ClassVar[frozenset[str]] = frozenset()
    source: str | None = None
    sources: dict[str, str] = {}

    @model_validator(mode="after")
    def _every_value_has_a_source(self) -> Sourced:
        fields = set(type(self).model_fields) - {"source", "sources"} - self._unsourced
        unknown = sorted(set(self.sources) - fields)
        if unknown:
            raise ValueError(
                f"sources names unknown field(s) {', '.join(unknown)}; "
                f"fields are {', '.join(sorted(fields))}"
            )
        if self.source is None:
            missing = sorted((self.model_fields_set & fields) - set(self.sources))
            if missing:
                raise ValueError(
                    f"no source for {', '.join(missing)}: add `source:` (a quote from the seed "
                    "document or 'assumption: <reason>') or `sources: {field: ...}`"
                )
        named = [("source", self.source), *((f"sources.{k}", v) for k, v in self.sources.items())]
        for where, text in named:
            if text is not None and len(text.strip()) < 3:
                raise ValueError(
                    f"{where}: a source must be a quote or 'assumption: <reason>' of at least "
                    f"3 characters, got {text!r}"
                )
        return self
