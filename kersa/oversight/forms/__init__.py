"""Forms of the oversight room, one module per family."""
