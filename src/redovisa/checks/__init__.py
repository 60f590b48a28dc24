"""redovisa.checks."""
