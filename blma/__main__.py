"""`python -m blma` runs the command line."""

from blma.cli import main

main()
