"""wargame's design sweeper: a Hydra Sweeper plugin that launches the rows of a design file."""
