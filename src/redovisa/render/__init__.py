"""redovisa.render."""
