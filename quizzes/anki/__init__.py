"""Anki (.apkg) export: Dongxi's note types, stable ids, and decks built from study items.

Pure domain code, no HTTP. quizzes.anki.sources turns rows (terms, facts, published choice
questions) into plain items; quizzes.anki.deck builds any deck from items (build_decks) and
writes the package; quizzes.anki.choice lays out a choice question; quizzes.anki.documents is
a document's deck, quizzes.anki.quizzes a quiz's, quizzes.anki.classes a class's (its assigned
quizzes'); quizzes.anki.jobs builds large decks in the background. See
quizzes.anki.ids for how ids are derived.
"""
