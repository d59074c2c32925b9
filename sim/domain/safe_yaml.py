"""Reading YAML the project's one way: plain data only, within documented limits.

A file the project reads (scenario, inject deck, exercise pack) may hold mappings, lists,
strings, integers, finite numbers, booleans and nulls, nothing else. Refused, each with the
file, the place in it and what is allowed:

- a tag that is not one of those (``!!set``, ``!!python/object``, ``!custom``) or a value its
  tag cannot hold (``!!int word``);
- a key written twice in one mapping (YAML keeps the last one silently; a duplicated actor id
  would otherwise never be reported);
- ``.inf`` and ``.nan`` (no quantity of a scenario is infinite);
- an alias that contains itself, more than ``MAX_NODES`` values once aliases are expanded (an
  "alias bomb"), nesting deeper than ``MAX_DEPTH``, a string longer than ``MAX_SCALAR`` characters
  and a file larger than ``MAX_FILE_BYTES``.

Dates stay text (the schema parses them). The limits are far above any real scenario (the
shipped Kursk scenario: 27 kB, depth 6, about 1,900 values) and documented in docs/security.md.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import yaml

MAX_FILE_BYTES = 8_000_000
MAX_DEPTH = 50
MAX_NODES = 1_000_000
MAX_SCALAR = 100_000

_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = {_CORE + t for t in ("map", "seq", "str", "int", "float", "bool", "null", "merge")}
_NON_FINITE = {".inf", "+.inf", "-.inf", ".nan"}


class YamlProblem(ValueError):
    """One reason a YAML text is refused, with where in the file it is."""


class _TextDatesLoader(yaml.SafeLoader):
    """A safe YAML loader that leaves dates as strings (OmegaConf cannot hold date objects)."""


_TextDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != _CORE + "timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_PATTERNS = {
    tag: rx
    for resolvers in _TextDatesLoader.yaml_implicit_resolvers.values()
    for tag, rx in resolvers
}
_KINDS = {_CORE + t: w for t, w in (("int", "an integer"), ("float", "a number"),
                                    ("bool", "true or false"), ("null", "null"))}  # fmt: skip


def read_text(path: Path) -> str:
    """A YAML file's text: refuses folders, files over the size limit and non-UTF-8 bytes."""
    path = Path(path)
    if path.is_dir():
        raise YamlProblem("is a folder, not a YAML file")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise YamlProblem("file not found") from None
    if size > MAX_FILE_BYTES:
        raise YamlProblem(f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YamlProblem("not a UTF-8 text file") from None
    except OSError as exc:
        raise YamlProblem(f"cannot be read: {(exc.strerror or str(exc)).lower()}") from None


def parse_text(text: str) -> Any:
    """Plain data from YAML text, or YamlProblem saying where and why it is refused."""
    if len(text) > MAX_FILE_BYTES:
        raise YamlProblem(f"text is {len(text):,} characters; the limit is {MAX_FILE_BYTES:,}")
    try:
        loader = _TextDatesLoader(text)  # the reader refuses control characters here
    except yaml.YAMLError as exc:
        raise YamlProblem(f"not valid YAML: {' '.join(str(exc).split())}") from None
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:
            raise YamlProblem(f"nested too deeply (the limit is {MAX_DEPTH} levels)") from None
        except yaml.YAMLError as exc:
            raise YamlProblem(f"not valid YAML: {' '.join(str(exc).split())}") from None
        if node is None:
            return None
        check_nodes(node)
        try:
            return loader.construct_document(node)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            raise YamlProblem(f"a value does not match its tag: {_one_line(exc)}") from None
    finally:
        loader.dispose()


def check_nodes(root: yaml.Node) -> None:
    """Walk the node graph (aliases expanded) and raise on the first refused construct."""
    count = 0
    stack: list[tuple[yaml.Node, str, int, frozenset[int]]]
    stack = [(root, "(top level)", 0, frozenset())]
    while stack:
        node, where, depth, ancestors = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise YamlProblem(
                f"more than {MAX_NODES:,} values once aliases are expanded (an alias bomb?)"
            )
        if depth > MAX_DEPTH:
            raise YamlProblem(f"{where}: nested deeper than {MAX_DEPTH} levels")
        if id(node) in ancestors:
            raise YamlProblem(f"{where}: an alias that contains itself")
        _check_tag(node, where)
        if isinstance(node, yaml.ScalarNode):
            continue
        inside = ancestors | {id(node)}
        if isinstance(node, yaml.SequenceNode):
            for i, child in enumerate(node.value):
                stack.append((child, f"{_join(where, str(i))}", depth + 1, inside))
            continue
        seen: set[tuple[str, str]] = set()
        for key, value in node.value:
            name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
            if isinstance(key, yaml.ScalarNode) and key.tag != _CORE + "merge":
                if (key.tag, key.value) in seen:
                    raise YamlProblem(f"{_join(where, name)}: key written twice in one mapping")
                seen.add((key.tag, key.value))
            stack.append((key, _join(where, name), depth + 1, inside))
            stack.append((value, _join(where, name), depth + 1, inside))


def _check_tag(node: yaml.Node, where: str) -> None:
    if node.tag not in ALLOWED_TAGS:
        allowed = "mappings, lists, strings, numbers, booleans and null"
        raise YamlProblem(
            f"{where}: not valid YAML for a wargame file: the tag {node.tag} is not allowed; "
            f"allowed: {allowed}"
        )
    if not isinstance(node, yaml.ScalarNode):
        return
    if len(node.value) > MAX_SCALAR:
        raise YamlProblem(
            f"{where}: a text of {len(node.value):,} characters; the limit is {MAX_SCALAR:,}"
        )
    rx = _PATTERNS.get(node.tag)
    if node.tag in _KINDS and rx is not None and not rx.match(node.value):
        raise YamlProblem(f"{where}: {node.value[:40]!r} is not {_KINDS[node.tag]} ({node.tag})")
    if node.tag == _CORE + "float" and node.value.strip().lower() in _NON_FINITE:
        raise YamlProblem(f"{where}: {node.value} is not allowed; numbers must be finite")


def _join(where: str, part: str) -> str:
    return part if where == "(top level)" else f"{where}.{part}"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]


def finite_problems(data: Any, where: str = "") -> list[str]:
    """Places in plain data (e.g. after command-line overrides) that hold inf or NaN."""
    if isinstance(data, float) and not math.isfinite(data):
        return [f"{where or '(top level)'}: {data} is not allowed; numbers must be finite"]
    if isinstance(data, dict):
        items = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return []
    return [p for k, v in items for p in finite_problems(v, f"{where}.{k}" if where else str(k))]
