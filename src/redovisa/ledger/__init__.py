"""redovisa.ledger."""
