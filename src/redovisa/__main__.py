"""``python -m redovisa`` runs the command line."""

from redovisa.cli import main

main()
