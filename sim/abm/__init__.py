"""The Mesa model: actor and force agents, the turn, injects and what is recorded."""
