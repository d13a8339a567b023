# DiploGraph: `make run` draws the default dataset into output/, `make test` runs the tests.
SWIFT ?= swift
DATA := graphs/korean-peninsula
REPORT_ARGS := $(DATA).events.csv --actors $(DATA).actors.csv --kinds-file $(DATA).kinds.csv \
	--focus moon-jae-in --dyad ROK,DPRK --third US --roles-by group --size-by brokerage \
	--title "The US, Moon Jae-in and the two Koreas, 2016-2020"

.PHONY: run test deps test-deps build bench fuzz browser-check clean docs examples

## Installs libgraphviz-dev (and pkg-config) when libgvc cannot be found.
deps:
	@if ! pkg-config --exists libgvc 2>/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing libgraphviz-dev with apt-get"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgraphviz-dev pkg-config; \
		else \
			echo "libgvc (Graphviz) is missing. Install it with:"; \
			echo "  sudo apt-get install -y libgraphviz-dev pkg-config"; \
			exit 1; \
		fi; \
	fi

build: deps
	$(SWIFT) build -c release --product diplograph

## The article the default dataset codes: the report matches the second coding's rows to the
## first by their quotes in it when it is there (../shared may be absent), else on date, source,
## target and kind (and then compares only the about field).
SOURCE_TEXT := ../shared/sources/trump-inter-korean-relations.txt
EVIDENCE_ARGS := --second-coding $(DATA).coder-b.events.csv $(if $(wildcard $(SOURCE_TEXT)),--text $(SOURCE_TEXT))

run: build
	.build/release/diplograph report $(REPORT_ARGS) $(EVIDENCE_ARGS) --out output
	@echo "Report: output/report.html"

## Python packages the tests read files back with (Scripts/test/requirements.txt), via pip when missing.
test-deps:
	@Scripts/test/python-deps.sh

test: deps test-deps
	$(SWIFT) test
	@if command -v chromium >/dev/null 2>&1; then $(MAKE) --no-print-directory browser-check; \
	else echo "chromium not installed: skipping the browser check of report.html"; fi

## Renders a fresh report in headless Chromium and checks the screenshot and the DOM.
browser-check: build
	Scripts/browser-check.sh

## Compiles the C shim (Sources/CGraphviz/shim.h) with cc and clang against the installed
## Graphviz headers; Scripts/check-graphviz-headers.sh also takes other versions' headers.
.PHONY: check-graphviz-headers
check-graphviz-headers: deps
	Scripts/check-graphviz-headers.sh "$$(pkg-config --variable=includedir libgvc)"

## Builds the DocC documentation of the library modules, combined (so that links between
## them resolve), into .build/docs/DiploGraph.doccarchive; a warning (a broken symbol link, an
## undocumented parameter) fails the build.
docs: deps
	@mkdir -p .build/docs
	$(SWIFT) package --disable-sandbox generate-documentation --target DiploGraph --target DiploGraphText \
		--target DiploGraphOutput --target DiploGraphReading --target DiploGraphExport --target DiploGraphDiagram \
		--target DiploGraphReport --target DiploGraphIO --target DiploGraphviz --enable-experimental-combined-documentation --warnings-as-errors \
		--output-path .build/docs/DiploGraph.doccarchive

## Builds and runs the example package (Examples/), which uses the public API only: the DocC
## Getting Started article's code (writes .build/examples/figures/2018.svg), and Moon Jae-in's
## yearly brokerage table with the 2018 diagram (.build/examples/korean/2018.svg).
examples: deps
	mkdir -p .build/examples && ln -sfn ../../graphs .build/examples/graphs
	cd .build/examples && $(SWIFT) run --package-path ../../Examples getting-started
	$(SWIFT) run --package-path Examples korean-brokerage graphs .build/examples/korean

bench: build
	Scripts/benchmark.sh

fuzz:
	Scripts/fuzz.sh

## Removes the build and what DiploGraph wrote into output/ (the files its marker lists); files
## of yours in output/ stay.
clean:
	rm -rf .build
	@if [ -f output/.diplograph-output ]; then \
		grep -v '^#' output/.diplograph-output | while IFS= read -r name; do \
			case "$$name" in */*|.|..|"") ;; *) rm -f -- "output/$$name" ;; esac; \
		done; \
		rm -f output/.diplograph-output; \
	fi
