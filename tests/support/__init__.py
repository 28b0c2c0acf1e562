"""Helpers shared by tests of several apps (issue 15: nothing test-only inside the product)."""
