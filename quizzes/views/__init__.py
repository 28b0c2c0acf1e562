"""The quizzes app's pages (URL namespace "quizzes", quizzes/urls.py): home (the landing and
home pages), take (quizzes and attempts), anki (deck downloads and export jobs), classes (a
teacher's classes and their students' pages). Templates in templates/quizzes/."""
