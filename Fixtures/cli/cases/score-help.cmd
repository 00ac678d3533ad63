args: score --help
