"""Releasing: the contract diff, the breaking-change gate, release records, the changelog, publishing."""
