"""The password every test user has (tests/conftest.py's users, tests/support/world.py's)."""

PASSWORD = "correct horse battery staple"
