"""The programs behind the make targets, by subsystem (``python -m scripts.<subsystem>.<program>``)."""
