"""Signals the quiz side sends for other parts (flashcards, progress) to act on."""

from django.dispatch import Signal

# Sent when a learner missed facts in a quiz, or asked to practise what they missed.
# Arguments: user, fact_ids (a list of content.Fact primary keys).
facts_missed = Signal()
