args: serve --help
