"""The teacher's pages, one module per area: the question bank (questions), its GIFT and Moodle
XML import and export (interchange), the quiz builder (quizzes), assignments to classes
(assignments), each quiz's statistics (statistics) and the documents a teacher added
(documents). Teachers only; every object is fetched through teaching.access."""
