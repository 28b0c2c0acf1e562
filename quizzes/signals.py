"""Signals the quiz side sends for other parts (the teacher's area) to act on: notifications
only, nothing is returned."""

from django.dispatch import Signal

# Sent inside the transaction that stores a document, once its generated questions are in sync,
# with `document` (content.models.Document), `analysis` (content.lang.model.Analysis) and
# `report` (quizzes.generation.model.GenerationReport): what generation made of the document.
questions_generated = Signal()
