"""Runs and sweeps: seeding replicates, running them, writing results, Hydra callbacks."""
