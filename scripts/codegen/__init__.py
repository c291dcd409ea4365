"""Code generation: the bundle, the generated packages, the sync client, the reference page."""
