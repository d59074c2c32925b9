"""Memoising work that depends only on frozen scenario data, across the replicates of a job.

Every replicate of a job builds a model from the same frozen ``Scenario``; indexing its ties or
turning an actor's doctrine into rule-ready lines gives the same answer each time, so it is
done once per scenario object (keyed by identity, the object kept alive with its answer).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

_LIMIT = 512  # answers kept per function before the memo starts afresh


def by_identity[K, V](fn: Callable[[K], V]) -> Callable[[K], V]:
    """``fn`` memoised on its argument's identity (for frozen, unhashable scenario objects)."""
    memo: dict[int, tuple[K, V]] = {}

    @wraps(fn)
    def wrapper(obj: K) -> V:
        hit = memo.get(id(obj))
        if hit is not None and hit[0] is obj:
            return hit[1]
        value = fn(obj)
        if len(memo) >= _LIMIT:
            memo.clear()
        memo[id(obj)] = (obj, value)
        return value

    return wrapper
