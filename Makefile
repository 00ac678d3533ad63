# Arbiter — every target a new Debian machine needs. `make run` and `make test`
# install libyaml-dev and pkg-config first when they are missing.

PREFIX ?= /usr/local
SWIFT ?= swift
CONFIG ?= release
BIN = .build/$(CONFIG)/arbiter
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DOSSIER ?= Fixtures/projects/rs-belgrade-safe-city.yaml
BENCH_FILES ?= 10000
FUZZ_SECONDS ?= 60

.PHONY: deps build test run bench install uninstall lint clean

deps:
	@if ! pkg-config --exists yaml-0.1 2>/dev/null; then \
		echo "installing libyaml-dev and pkg-config"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libyaml-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG) --product arbiter

test: deps
	$(SWIFT) build --product arbiter
	$(SWIFT) test

run: build
	$(BIN) score $(DOSSIER) --rules Rules

lint: build
	$(BIN) lint --rules Rules Fixtures/projects

bench: deps
	$(SWIFT) build -c release --product arbiter --product arbiter-bench
	.build/release/arbiter-bench --files $(BENCH_FILES) --arbiter .build/release/arbiter

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/arbiter/rules
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/arbiter
	install -m 644 Rules/*.yaml $(DESTDIR)$(PREFIX)/share/arbiter/rules/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/arbiter
	rm -rf $(DESTDIR)$(PREFIX)/share/arbiter

clean:
	$(SWIFT) package clean
