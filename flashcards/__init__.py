"""Flashcards on an FSRS schedule: bilingual and cloze cards from a document's terms and facts."""
