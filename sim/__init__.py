"""wargame: a Mesa agent-based model of escalation dynamics, seeded from documents."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("wargame")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
