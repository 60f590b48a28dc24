"""redovisa.coa."""
