"""The results contract, as the experiment layer sees it: defined once in ``sim.domain.tables``."""

from sim.domain.tables import COLUMNS, REQUIRED_FILES, SCHEMAS, TIME_TABLES

__all__ = ["COLUMNS", "REQUIRED_FILES", "SCHEMAS", "TIME_TABLES"]
