"""The teacher's area, a Django app with no models of its own (it works on the quizzes app's):
the question bank (review and author questions: curation.py; import and export them:
bank_exchange.py), the quiz builder (building.py), assignments to classes, each quiz's
statistics (report.py) and the report on a document (document_report.py). Who may see or change
what is decided in access.py; the pages are in views/, one module per area."""
