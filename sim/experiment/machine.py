"""What this machine offers a run: the CPU cores this process may use."""

from __future__ import annotations

import os


def cores() -> int:
    """The CPU cores this process may use (its affinity: a SLURM allocation, a taskset)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1
