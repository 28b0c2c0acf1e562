"""Dongxi's tests. `tests/<app>/<subpackage>/test_<module>.py` mirror the code, one test module
per source or view module (tests/quizzes/test_taking.py for quizzes/taking.py,
tests/config/test_htmx.py for config/htmx.py); a module too large for one file is split as
test_<module>_<aspect>.py beside it. The tests at the top are project-wide checks (import layers,
permission matrix, catalogs, accessibility, unique ids, title languages, the shipped snapshot,
fonts, several servers, the site's promises). Shared fixtures are in conftest.py, shared helpers
in tests/support/: no test module imports another test module or a conftest."""
