"""The project's own error types: every bad input ends in one of these, with a message for
people."""


class WargameError(Exception):
    """A problem the user can fix (bad scenario, bad config, missing results); never a bug."""


class ScenarioError(WargameError):
    """A scenario file that does not validate: names the file, each field path and what is
    allowed."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"Scenario {source} is not valid:\n{lines}")


class ConfigError(WargameError):
    """A configuration value or command-line override that is not allowed."""
