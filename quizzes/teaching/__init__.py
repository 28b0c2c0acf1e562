"""The teacher's area: the question bank (review, author, import and export questions)."""
