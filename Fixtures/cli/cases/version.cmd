args: --version
