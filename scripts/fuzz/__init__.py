"""Fuzzing: the runner against the mock, the schemathesis hooks, the sandbox profile."""
