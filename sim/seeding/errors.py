"""Errors of the seeding stage: every bad document ends in one of these, with a plain message."""

from sim.domain.errors import WargameError


class SeedingError(WargameError):
    """A document that cannot become a scenario, or an output that may not be written."""


class BadDocumentError(SeedingError):
    """The input is empty, binary, not English, or names no actor the gazetteer knows."""

    def __init__(self, path: str, problem: str, hint: str):
        self.path = path
        self.problem = problem
        super().__init__(f"Cannot seed a scenario from {path}: {problem}. {hint}")
