"""The classroom: one server on the instructor's laptop, every team in a browser (issue 12)."""
