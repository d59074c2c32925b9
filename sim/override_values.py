"""Command-line values checked and cleaned before Hydra runs.

- A value of the wrong type (``rules.noise=abc``) is refused with the key, the value and what
  the key takes, instead of OmegaConf's raw error.
- A float ``range(start, stop, step)`` is written out as its list of values, rounded to the
  digits the user typed (``range(0.2,1.0,0.2)`` -> ``0.2,0.4,0.6,0.8``, never
  ``0.6000000000000001``), so logs, folder names, tables and figure labels show clean numbers.
  As in Python (and Hydra), the stop value is not included.
- A scenario value made invalid by an override is blamed on the override, not on the file.
"""

from __future__ import annotations

import re

from hydra.core.override_parser.types import Override, RangeSweep
from omegaconf import DictConfig, OmegaConf
from omegaconf.errors import OmegaConfBaseException

from sim.domain.errors import ConfigError, ScenarioError

_NODE_KINDS = {
    "FloatNode": "a number",
    "IntegerNode": "a whole number",
    "BooleanNode": "true or false",
    "StringNode": "text",
}


def clean_value(value: float, digits: int) -> float | int:
    """``value`` rounded to ``digits`` decimals (float noise of a range step removed)."""
    rounded = round(float(value), digits)
    return int(rounded) if digits == 0 else rounded


def _decimals(number_text: str) -> int:
    """Decimals a number was written with: '0.25' -> 2, '1e-3' -> 3, '5' -> 0."""
    text = number_text.strip().lower()
    if "e" in text:
        mantissa, exponent = text.split("e")
        return max(0, _decimals(mantissa) - int(exponent))
    return len(text.split(".")[1]) if "." in text else 0


def expand_float_range(override: Override) -> str | None:
    """``key=v1,v2,...`` for a float range override (None for anything else)."""
    value = override.value()
    if not isinstance(value, RangeSweep):
        return None
    if all(isinstance(v, int) for v in (value.start, value.stop, value.step)):
        return None
    inside = re.search(r"range\((.*?)\)", override.input_line)
    typed = inside.group(1).split(",") if inside else ["0." + "0" * 10]
    digits = max(_decimals(t) for t in typed)
    values = [clean_value(v, digits) for v in override.sweep_iterator()]
    listing = ",".join(repr(v) for v in values)
    if getattr(value, "shuffle", False):
        listing = f"shuffle({listing})"
    return f"{override.get_key_element()}={listing}"


def typed_values(override: Override) -> list:
    """The values an override gives its key: one, or each value of a discrete sweep."""
    if override.is_sweep_override():
        return list(override.sweep_iterator()) if override.is_discrete_sweep() else []
    return [override.value()]


def check_value_types(cfg: DictConfig, overrides: list[Override], keys: list[str]) -> None:
    """Refuse a value the typed schema cannot take, naming the key, the value and the type."""
    for o in [o for o in overrides if o.key_or_group in keys]:
        key = o.key_or_group
        for value in typed_values(o):
            try:
                OmegaConf.update(cfg, key, value, merge=True)
            except OmegaConfBaseException as exc:
                raise ConfigError(_type_message(cfg, key, value, exc)) from None


def _type_message(cfg: DictConfig, key: str, value: object, exc: Exception) -> str:
    parent_key, _, last = key.rpartition(".")
    parent = OmegaConf.select(cfg, parent_key) if parent_key else cfg
    node = parent._get_node(last) if isinstance(parent, DictConfig) else None
    kind = type(node).__name__
    if kind == "EnumNode":
        allowed = ", ".join(m.name for m in node.enum_type)
        wants = f"one of {allowed}"
    else:
        wants = _NODE_KINDS.get(kind) or str(exc).splitlines()[0]
    default = f" (default {node._value()})" if node is not None and kind != "EnumNode" else ""
    return f"override {key}={value}: {key} takes {wants}{default}, not {value!r}"


def blame_overrides(error: ScenarioError, overrides: list[Override]) -> None:
    """Raise a ConfigError naming the override when a scenario problem comes from one."""
    given = {
        o.key_or_group.removeprefix("scenario."): o
        for o in overrides
        if o.key_or_group.startswith("scenario.")
    }
    blamed = []
    for problem in error.problems:
        path = problem.split(":", 1)[0].strip()
        for key, o in given.items():
            if path == key or path.startswith(key + ".") or key.startswith(path + "."):
                reason = problem.split(":", 1)[1].strip() if ":" in problem else problem
                blamed.append(f"override {o.input_line}: {reason}")
    if blamed:
        raise ConfigError("; ".join(blamed) + f" (the scenario is {error.source})")
