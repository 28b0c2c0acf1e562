"""Anki (.apkg) export: Dongxi's note types, stable ids, and decks built from study items.

Pure domain code, no HTTP: quizzes.anki.documents reads a Document; quizzes.anki.deck turns plain
items into a genanki deck and writes the package. See quizzes.anki.ids for how ids are derived.
"""
