"""The command line: the only place typer, click, stdout and exit codes live."""
