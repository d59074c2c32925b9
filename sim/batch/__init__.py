"""The batched engine: every replicate of a block stepped together, as arrays over replicates.

The per-actor Mesa model (``sim/abm``) is the readable specification; this package plays the
same turn (``sim/abm/model.py``'s order) for a block of replicates at once, each mechanism a
function over arrays with a leading replicate axis. Tests compare the two (identical decisions
on a table of situations; milestone probabilities within Monte Carlo error).
"""
