"""Helpers shared by the seeding tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from sim.seeding.extract import extract
from sim.seeding.text import parse_document


def kept_and_passing(text: str) -> tuple[set[str], set[str]]:
    """The actors a text's draft keeps, and those it names only in passing."""
    ex = extract(parse_document(text.encode(), "t.txt"))
    return set(ex.actors), set(ex.passing)


def benchmark_script(name: str) -> ModuleType:
    """A script of ``benchmarks/`` loaded as a module (the folder is no package)."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
