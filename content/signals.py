"""Signals other apps listen to, so content knows nothing of what is built on its documents."""

from django.dispatch import Signal

# Sent inside the transaction that stores a created or updated document, with
# `document` (content.models.Document) and `analysis` (content.lang.model.Analysis). A receiver
# that raises rolls the whole load back.
document_analysed = Signal()
