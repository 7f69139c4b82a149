"""The command line: the frame (Command, errors, exit codes), the parser, and one module per command group."""
