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

.PHONY: deps build test run serve measure-serve test-api test-browser test-precommit bench install uninstall lint clean fuzz fuzz-build test-sanitize
HOST ?= 127.0.0.1
PORT ?= 8080

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

# The service on the shipped packs; Ctrl-C stops it gracefully.
serve: build
	$(BIN) serve --host $(HOST) --port $(PORT) --rules Rules

# schemathesis (from PyPI, in .build-api/) against a live `arbiter serve` with the committed
# OpenAPI document: every check, MAX_EXAMPLES examples an operation. Needs the network for
# PyPI on its first run; not part of `make test`.
MAX_EXAMPLES ?= 100
test-api: deps
	$(SWIFT) build --product arbiter
	MAX_EXAMPLES=$(MAX_EXAMPLES) Tests/API/run.sh

# The analyst's page end to end in Debian's Chromium (installed with chromium-driver and
# python3-selenium when missing); screenshots in .build-browser/. Not part of `make test`.
test-browser: deps
	$(SWIFT) build --product arbiter
	Tests/Browser/run.sh

# This repository's .pre-commit-hooks.yaml through pre-commit itself (from PyPI, into
# .build-precommit/), in a scratch repository of Fixtures dossiers. pre-commit builds the
# package in release mode on its first run (minutes). Not part of `make test`.
test-precommit: deps
	Tests/PreCommit/run.sh

lint: build
	$(BIN) lint --rules Rules Fixtures/projects

# The service under the hardening issue's attacks, measured on a release build: resident
# memory around five 1 MiB audits, /healthz latency under two heavy audits, connections
# held by trickling bodies past the deadline, and the time a graceful stop takes.
measure-serve: deps
	$(SWIFT) build -c release --product arbiter
	python3 Tests/Service/hostile.py

bench: deps
	@command -v wrk > /dev/null || { echo "installing wrk"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; }
	$(SWIFT) build -c release --product arbiter
	$(SWIFT) build -c release --product arbiter-bench
	.build/release/arbiter-bench --files $(BENCH_FILES) --arbiter .build/release/arbiter

# libFuzzer targets (Tests/Fuzz/*.swift) over the loader, the expression language, expressions
# over edge-case dossier values, packs and dossiers, each run for FUZZ_SECONDS with seeds from Fixtures. Crashes land in
# .build-fuzz/crashes; each becomes a regression test before it is fixed. Leak detection
# is off: the harnesses build their schema and packs once in a global initialiser,
# which LeakSanitizer reports at exit although it is reachable for the whole run.
FUZZ_TARGETS = YAMLLoader Expression ExpressionValues Pack Dossier
# The object of each current source file, so an object left by a deleted source is never linked.
FUZZ_MODULES = ArbiterCore ArbiterYAML ArbiterReport
FUZZ_OBJECTS = $(foreach module,$(FUZZ_MODULES),$(addprefix .build-fuzz/debug/$(module).build/,$(addsuffix .o,$(notdir $(shell find Sources/$(module) -name '*.swift')))))

fuzz-build: deps
	$(SWIFT) build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address --target ArbiterReport
	$(SWIFT) build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address --target ArbiterYAML
	mkdir -p .build-fuzz/bin
	for target in $(FUZZ_TARGETS); do \
		swiftc -sanitize=fuzzer,address -parse-as-library -module-name $${target}Fuzz \
			-I .build-fuzz/debug/Modules -I Sources/CYAML Tests/Fuzz/$${target}Fuzz.swift $(FUZZ_OBJECTS) -lyaml \
			-o .build-fuzz/bin/fuzz-$$target 2>/dev/null || exit 1; \
	done

# Besides the libFuzzer targets, two generative fuzzers (Sources/arbiter-fuzz): requests
# byte for byte against an in-process `arbiter serve` with a token, and generated folder
# trees through `audit`, `gate` and `lint`. Each prints its seed; `--seed N` replays it.
fuzz: fuzz-build
	$(SWIFT) build --product arbiter
	$(SWIFT) build --product arbiter-fuzz
	.build/debug/arbiter-fuzz http --seconds $(FUZZ_SECONDS)
	.build/debug/arbiter-fuzz tree --seconds $(FUZZ_SECONDS)
	python3 Tests/Fuzz/seed.py .build-fuzz/corpus
	mkdir -p .build-fuzz/crashes
	for target in $(FUZZ_TARGETS); do \
		echo "== $$target ($(FUZZ_SECONDS) s)"; \
		ASAN_OPTIONS=detect_leaks=0 .build-fuzz/bin/fuzz-$$target -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=5 -rss_limit_mb=2048 \
			-detect_leaks=0 -print_final_stats=1 -artifact_prefix=.build-fuzz/crashes/$$target- .build-fuzz/corpus/$$target 2>&1 \
			| grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|==[0-9]+==ERROR|SUMMARY)' || exit 1; \
	done

# The test suite under AddressSanitizer, then the batch runner under ThreadSanitizer.
# LeakSanitizer is off: Swift stores pointers inside enums with tag bits, which its
# conservative scan cannot follow, so it reports reachable values as leaked.
test-sanitize: deps
	$(SWIFT) build --scratch-path .build-asan --sanitize=address --product arbiter
	ASAN_OPTIONS=detect_leaks=0 ARBITER_BIN=$(CURDIR)/.build-asan/debug/arbiter $(SWIFT) test --scratch-path .build-asan --sanitize=address
	$(SWIFT) build --scratch-path .build-tsan --sanitize=thread --product arbiter
	.build-tsan/debug/arbiter audit Fixtures/projects --jobs 4 --format json --as-of 2026-11-29 > /dev/null
	.build-tsan/debug/arbiter gate Fixtures/projects Fixtures/invalid --jobs 4 --format sarif --as-of 2026-11-29 > /dev/null; \
		test $$? -eq 2

# The binary, the packs with their tests, and the real cases those tests name
# (../../Fixtures/projects from rules/tests), so an installed `arbiter test` runs every check.
install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/arbiter/rules
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/arbiter
	install -d $(DESTDIR)$(PREFIX)/share/arbiter/rules/tests
	install -m 644 Rules/*.yaml $(DESTDIR)$(PREFIX)/share/arbiter/rules/
	install -m 644 Rules/tests/*.yaml $(DESTDIR)$(PREFIX)/share/arbiter/rules/tests/
	install -d $(DESTDIR)$(PREFIX)/share/arbiter/Fixtures/projects
	install -m 644 Fixtures/projects/*.yaml $(DESTDIR)$(PREFIX)/share/arbiter/Fixtures/projects/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/arbiter
	rm -rf $(DESTDIR)$(PREFIX)/share/arbiter

clean:
	$(SWIFT) package clean
