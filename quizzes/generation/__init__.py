"""Quiz question generation from a language-pipeline Analysis (pure Python, no Django).

`generate(analysis)` returns GeneratedQuestion objects in each language of the document;
`find_leaks` and `find_problems` are the quality checks every question passes.
"""

from .generate import generate, generate_report, question_key
from .model import QUESTION_TYPES, Dropped, GeneratedQuestion, GenerationReport
from .quality import find_leaks, find_problems

__all__ = [
    "QUESTION_TYPES",
    "Dropped",
    "GeneratedQuestion",
    "GenerationReport",
    "find_leaks",
    "find_problems",
    "generate",
    "generate_report",
    "question_key",
]
