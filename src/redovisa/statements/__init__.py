"""redovisa.statements."""
