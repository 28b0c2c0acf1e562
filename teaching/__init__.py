"""The teacher's area: the question bank (review, author, import and export questions), the quiz
builder (building.py), assignments to classes, and each quiz's statistics (report.py)."""
