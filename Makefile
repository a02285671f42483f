# netan — make demo runs the main job, make test runs the tests.
# Both first install missing system packages (scripts/install-deps.sh).
SWIFT ?= swift

# Homebrew's libxml2 is keg-only: point pkg-config at it on macOS.
ifeq ($(shell uname -s),Darwin)
export PKG_CONFIG_PATH := $(shell brew --prefix libxml2 2>/dev/null)/lib/pkgconfig:$(PKG_CONFIG_PATH)
endif

.PHONY: all deps test-deps build release test lint format docs demo clean bench bench-quick bench-live bench-userpath fuzz

all: build

deps:
	@./scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product netan

test-deps:
	@./scripts/install-test-deps.sh

# The whole suite (CI runs this): lint first, then every test with the outside tools installed.
test: deps test-deps lint
	$(SWIFT) test

# Style: swift-format from the toolchain with .swift-format (110 columns, public API documented).
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift

# DocC for every library module (swift-docc-plugin); warnings fail the build.
DOC_TARGETS = NetGraph NetGraphIO NetGraphRender NetGraphReports NetGraphLive
docs: deps
	for t in $(DOC_TARGETS); do \
		$(SWIFT) package generate-documentation --target $$t --warnings-as-errors || exit 1; \
	done

demo: deps
	$(SWIFT) build --product netan
	.build/debug/netan demo

clean:
	rm -rf .build notebooks-out/demo

# Speed against igraph and networkit (not part of `make test`): the kernels (bench/run.py), then
# the user's path (bench/userpath.py). Quick about 3 minutes, full about 35 (2026-12-07: 24 + 8).
bench: deps
	$(SWIFT) build -c release --product netan
	python3 bench/run.py
	python3 bench/userpath.py

bench-quick: deps
	$(SWIFT) build -c release --product netan
	python3 bench/run.py --quick --runs 1

# The user's path: folder reading, analyze, compare over 42 regions, report (quick: medium graph).
bench-userpath: deps
	$(SWIFT) build -c release --product netan
	python3 bench/userpath.py

# Change-to-view latency of `netan serve`: 100 actors, 30 live views (about 30 seconds).
bench-live: deps
	$(SWIFT) build -c release --product netan
	python3 bench/live.py

# Seeded random-mutation fuzzing of every reader for FUZZ_SECONDS (a crash is a bug).
FUZZ_SECONDS ?= 60
fuzz: deps
	$(SWIFT) build --product netan
	.build/debug/netan fuzz Tests/TestSupport/Fixtures/fuzz-seeds --seconds $(FUZZ_SECONDS) --seed $$(date +%s)
