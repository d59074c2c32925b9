"""A property-based fuzzer of scenario YAML *text*, through the path ``wargame scenario=FILE`` takes.

Hypothesis edits the shipped scenario's text the way a person or an attacker could: values
replaced by tags (``!!set``, ``!!int word``, ``!!python/...``, custom tags), anchors and aliases
(undefined, recursive, exponential), ``${...}`` interpolations, deep nesting, huge scalars, odd
numbers (``.inf``, ``1e309``), duplicated lines and arbitrary text. Every edited file is run with
``wargame scenario=FILE replicates=1 steps=1 plots=false`` in this process. The property: the
command either finishes with a complete run folder (exit 0) or refuses with exit 2 and a message
that names the file, and never prints a traceback or leaves ``run.json`` behind.

``crash_of`` is shared with ``scripts``-style use: ``python -m tests.hardening.test_yaml_fuzz N``
runs N examples and prints the crash count (docs/security.md records the last figure).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import KURSK, Result

LINES = KURSK.read_text(encoding="utf-8").splitlines()
VALUE_LINES = [
    i for i, line in enumerate(LINES) if ": " in line and not line.lstrip().startswith("#")
]

TAGS = ["!!set {a, b}", "!!int word", "!!float x", "!!binary aGk=", "!!timestamp 2024-01-01",
        "!!python/name:os.system", "!!python/object/apply:os.system ['true']", "!custom x",
        "!!str 5", "!!map {a: 1}", "!!seq [1, 2]", "!!null ''", "!!bool maybe", "!!omap [a: 1]"]  # fmt: skip
NUMBERS = [".inf", "-.inf", ".nan", ".NaN", "1e309", "-0", "0x1F", "0o17", "1_000", "+12", "1e-400"]
ALIASES = ["*undefined", "&a [1, *a]", "&loop {k: *loop}", "&x 5", "*x"]
INTERPOLATIONS = ['"${oc.env:HOME}"', "${unknown}", "${oc.decode:1}", '"$${x}"', "${now:%Y}",
                  "'${actors.russia.name}'", "${oc.env:WARGAME_FUZZ_SECRET,none}"]  # fmt: skip


def nested(depth: int, kind: str) -> str:
    return ("[" * depth + "]" * depth) if kind == "seq" else ("{a: " * depth + "1" + "}" * depth)


values_plain = st.one_of(
    st.sampled_from(TAGS),
    st.sampled_from(NUMBERS),
    st.sampled_from(ALIASES),
    st.builds(nested, st.integers(1, 400), st.sampled_from(["seq", "map"])),
    st.builds(lambda n: "x" * n, st.sampled_from([10, 1_000, 99_999, 100_001, 300_000])),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
)
values_interpolated = st.sampled_from(INTERPOLATIONS)


def edit(lines: list[str], index: int, value: str, how: str) -> list[str]:
    """Replace, duplicate or append at one ``key: value`` line, keeping its indentation."""
    out = list(lines)
    line = out[index]
    key = line.split(": ", 1)[0]
    if how == "replace":
        out[index] = f"{key}: {value}"
    elif how == "duplicate":
        out.insert(index + 1, f"{key}: {value}")
    else:  # a new key beside it
        indent = key[: len(key) - len(key.lstrip())]
        out.insert(index + 1, f"{indent}fuzz_{index}: {value}")
    return out


def documents(values) -> st.SearchStrategy[str]:
    edits = st.lists(
        st.tuples(
            st.sampled_from(VALUE_LINES), values, st.sampled_from(["replace", "duplicate", "add"])
        ),
        min_size=1,
        max_size=3,
    )
    anchor_bomb = st.just(
        "\n".join(
            ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
            + [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 9)]
        )
    )

    def build(changes, with_bomb):
        lines = LINES
        for index, value, how in changes:
            lines = edit(lines, index, value, how)
        text = "\n".join(lines) + "\n"
        return (with_bomb + "\n" + text) if with_bomb else text

    return st.builds(build, edits, st.one_of(st.just(""), anchor_bomb))


def crash_of(text: str, folder: Path, run) -> str | None:
    """Run ``wargame scenario=FILE`` on ``text``; the reason it is a crash, or None if it is not."""
    path = folder / "fuzzed.yaml"
    path.write_text(text, encoding="utf-8")
    out = folder / "run"
    res: Result = run([f"scenario={path}", f"hydra.run.dir={out}", "replicates=1", "steps=1",
                       "plots=false"])  # fmt: skip
    both = res.err + res.out
    if "Traceback" in both or "Error executing job" in both:
        return "traceback: " + both[-400:]
    if res.code == 0:
        return None if (out / "run.json").is_file() else "exit 0 without run.json"
    if res.code != 2:
        return f"exit {res.code}: {both[-300:]}"
    if (out / "run.json").exists():
        return "refused, but run.json was written"
    if "fuzzed.yaml" not in res.err and "scenario" not in res.err:
        return "message names neither the file nor the scenario: " + res.err[-300:]
    return None


FUZZ = settings(max_examples=25, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])  # fmt: skip


@pytest.fixture
def run_cli(capsys):
    from .conftest import run_wargame

    return lambda argv: run_wargame(argv, capsys)


@FUZZ
@given(text=documents(values_plain))
def test_fuzzed_yaml_text_never_crashes(text, tmp_path_factory, run_cli):
    folder = tmp_path_factory.mktemp("fuzz")
    assert crash_of(text, folder, run_cli) is None


@FUZZ
@given(text=documents(values_interpolated))
def test_fuzzed_interpolations_are_plain_text(text, tmp_path_factory, run_cli):
    folder = tmp_path_factory.mktemp("fuzz")
    assert crash_of(text, folder, run_cli) is None


def main(n: int) -> int:  # pragma: no cover - run by hand for the report's figure
    """Run ``n`` fuzzed documents (plain and interpolated) and print the crash count."""
    import io
    import tempfile
    from contextlib import redirect_stderr, redirect_stdout

    from hypothesis import find  # noqa: F401 - keeps hypothesis' strategies importable

    from .conftest import run_wargame

    class _Cap:
        def readouterr(self):
            out, err = self.out.getvalue(), self.err.getvalue()
            self.out.seek(0), self.out.truncate(), self.err.seek(0), self.err.truncate()
            return type("C", (), {"out": out, "err": err})()

    cap = _Cap()
    cap.out, cap.err = io.StringIO(), io.StringIO()
    crashes: dict[str, int] = {}
    strategy = st.one_of(documents(values_plain), documents(values_interpolated))
    for i in range(n):
        text = strategy.example()
        with (
            tempfile.TemporaryDirectory() as tmp,
            redirect_stdout(cap.out),
            redirect_stderr(cap.err),
        ):
            reason = crash_of(text, Path(tmp), lambda argv: run_wargame(argv, cap))
        if reason:
            kind = reason.split(":")[0]
            crashes[kind] = crashes.get(kind, 0) + 1
            print(f"#{i}: {reason[:200]!r}", file=sys.__stderr__)
    print(f"{n} fuzzed scenarios, {sum(crashes.values())} crashes: {crashes}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
