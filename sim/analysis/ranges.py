"""Parameter ranges for sensitivity analysis and calibration: the knob registry's plausible
ranges by default, or ranges given on the command line (``KEY=LO:HI``).

``knob_ranges`` is the one adaptor to the registry in ``sim/domain/params.py``: it reads each
numeric field's ``metadata["plausible"]`` (and ``["valid"]``) when the registry declares them.
Where a knob declares no plausible range yet, it is taken as half to one and a half times the
default, cut to the knob's valid range (``RULE_RANGES`` / ``COMBAT_RANGES``).
"""

from __future__ import annotations

import math
from dataclasses import MISSING, dataclass, fields

from sim.domain.errors import ConfigError
from sim.domain.params import COMBAT_RANGES, RULE_RANGES, CombatParams, RuleParams


@dataclass(frozen=True)
class Range:
    """A config key and the interval to sample it in."""

    key: str
    low: float
    high: float
    doc: str = ""


def knob_ranges() -> dict[str, Range]:
    """Every numeric rule and combat knob with its plausible range, keyed by its config key."""
    out = {}
    for group, cls, valid in (
        ("rules", RuleParams, RULE_RANGES),
        ("combat", CombatParams, COMBAT_RANGES),
    ):
        for f in fields(cls):
            if f.name not in valid and "valid" not in f.metadata:
                continue
            lo, hi = f.metadata.get("plausible") or _guess(
                f.default, f.metadata.get("valid") or valid[f.name]
            )
            out[f"{group}.{f.name}"] = Range(
                f"{group}.{f.name}", float(lo), float(hi), f.metadata.get("doc", "")
            )
    return out


def _guess(default, valid: tuple[float, float]) -> tuple[float, float]:
    if default is MISSING or not isinstance(default, int | float):
        raise ConfigError(f"no default to derive a plausible range from (valid {valid})")
    lo, hi = float(f"{0.5 * default:.6g}"), float(f"{1.5 * default:.6g}")
    lo, hi = max(lo, valid[0]), min(hi, valid[1])
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        lo, hi = valid[0], min(valid[1], 1.0)
    return lo, hi


def parse_ranges(specs: list[str] | None, prefixes: list[str] | None = None) -> list[Range]:
    """Ranges from ``KEY=LO:HI`` or ``KEY`` (the registry's range) specs; none: every knob
    (or every knob under ``prefixes``, e.g. ``rules``)."""
    registry = knob_ranges()
    if not specs:
        chosen = [r for k, r in registry.items() if not prefixes or k.startswith(tuple(prefixes))]
        if not chosen:
            raise ConfigError(f"--only {prefixes}: no knob matches; knobs: {', '.join(registry)}")
        return chosen
    out = []
    for spec in specs:
        key, _, interval = spec.partition("=")
        if not interval:
            if key not in registry:
                raise ConfigError(
                    f"--param {spec}: {key!r} has no declared range; give one as "
                    f"{key}=LO:HI, or use a knob of: {', '.join(registry)}"
                )
            out.append(registry[key])
            continue
        lo, sep, hi = interval.partition(":")
        try:
            low, high = float(lo), float(hi)
        except ValueError:
            low = high = math.nan
        if not sep or not low < high:
            raise ConfigError(
                f"--param {spec}: expected KEY=LO:HI with numbers LO < HI, e.g. rules.noise=0.1:0.8"
            )
        out.append(Range(key, low, high))
    if len({r.key for r in out}) != len(out):
        raise ConfigError("--param: each key may appear only once")
    return out
