"""Integration tests: the mock server over real HTTP."""
