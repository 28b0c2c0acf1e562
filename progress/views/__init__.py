"""The progress app's views: the dashboard and a class's progress (dashboard), a learner's own
data (account)."""
