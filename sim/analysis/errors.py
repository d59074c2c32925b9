"""Errors of the analysis stage: results folders that are missing, incomplete or incomparable."""

from __future__ import annotations

from sim.domain.errors import WargameError


class ResultsError(WargameError):
    """A folder that is not a complete results folder, or results that cannot be compared."""
