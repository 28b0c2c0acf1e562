"""Moving questions to and from Moodle: GIFT (read and write) and Moodle XML (write).

Pure Python, no Django: `model.Item` is a question in our shapes (see quizzes.validation);
teaching.bank_exchange maps items to and from stored questions.
"""
