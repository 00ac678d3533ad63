args: lint --strict --rules Rules
