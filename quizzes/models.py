"""Questions, quizzes, attempts and flashcards (issues 4–9 fill this in)."""
