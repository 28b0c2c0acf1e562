"""Signals the quiz side sends for other parts (flashcards, progress, teaching) to act on."""

from django.dispatch import Signal

# Sent when a learner missed facts in a quiz, or asked to practise what they missed.
# Arguments: user, fact_ids (a list of content.Fact primary keys).
facts_missed = Signal()

# Sent inside the transaction that stores a document, once its generated questions are in sync,
# with `document` (content.models.Document), `analysis` (content.lang.model.Analysis) and
# `report` (quizzes.generation.model.GenerationReport): what generation made of the document.
questions_generated = Signal()
