"""The classroom: a briefing handout, a terminal game with human seats, inject decks, a live web
page and an after-action review (see docs/teaching.md)."""
