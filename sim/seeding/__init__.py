"""Documents -> draft scenarios: a gazetteer, patterns and provenance for every value.

``wargame seed FILE`` reads a plain-text news report, finds actors, quantities, places,
relations, events and conditional statements with deterministic patterns, and writes a draft
scenario that validates with the same schema as a hand-written one, plus an HTML report that
shows which span of the document became which value.
"""
