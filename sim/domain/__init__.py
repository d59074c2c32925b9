"""The world as data and pure functions: no Mesa, no Hydra, no file writing."""
