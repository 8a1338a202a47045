"""`python -m planner` runs the command line."""

from planner.cli import cli

if __name__ == "__main__":
    cli()
