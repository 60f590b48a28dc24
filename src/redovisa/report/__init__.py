"""redovisa.report."""
