"""The whole suite's order: the test files with the most slow tests run first.

``make test`` spreads the files over the cores (pytest-xdist, ``--dist loadfile
--no-loadscope-reorder``: each file stays on one worker, so its module fixtures are made once
and the README's lines keep their order). Files are handed out in collection order, so the long
end-to-end files start at once and the many quick files fill the gaps at the end, instead of one
long file starting last while the other cores sit idle. The order inside a file is unchanged,
and a serial run (``pytest`` alone) runs the same tests in the same order.
"""

from __future__ import annotations

from collections import Counter

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Sort the collected tests by file, the file with the most ``slow`` tests first (a stable
    sort: files with equal counts keep their order, and so do the tests inside a file)."""
    slow = Counter(item.path for item in items if item.get_closest_marker("slow"))
    items.sort(key=lambda item: -slow[item.path])
