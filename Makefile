# Steady — build, run and test. `make run` and `make test` are all a newcomer
# needs; both install the system packages first (scripts/deps).

GO      ?= go
BIN     ?= bin/steady
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT  ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
LDFLAGS := -X main.version=$(VERSION) -X main.commit=$(COMMIT)

.PHONY: all deps build run test vet staticcheck fmt-check unit fuzz smoke bench screenshots clean report-sample

all: build

deps:
	scripts/deps

build: deps
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) .

run: build
	./$(BIN)

## test: everything — formatting, vet, unit and UI tests, fuzzing, the real binary under
## Xvfb, and the Linux and Windows packages (built, validated, installed, removed), the
## workflows (actionlint), the data and i18n tests compiled for Windows (with GOOS=windows
## go vet) and the Windows build, under Wine (packaging.mk).
test: deps fmt-check vet staticcheck unit fuzz build smoke test-package report-sample lint-workflows test-wine test-wine-go

fmt-check:
	@bad=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$bad" ]; then echo "not gofmt-clean: $$bad"; exit 1; fi

vet:
	$(GO) vet -tags ci ./...

## staticcheck: honnef.co/go/tools, pinned in scripts/deps (STATICCHECK=… to use another).
STATICCHECK ?= $(shell $(GO) env GOPATH)/bin/staticcheck
staticcheck:
	$(STATICCHECK) -tags ci ./...

## unit: every package as is, then the journal and the UI again under the race
## detector (scripts/unit; the ui package's tests in UI_SHARDS processes at once).
## The race pass leaves out the layout and translation matrices (every
## screen in every language and size): they test layout, not concurrency, and
## run in full in the first pass.
RACE_SKIP ?= TestLayout|TestEveryVisibleTextIsTranslated|TestWholeGuideIsShown|TestBodySectionLayoutAt800x600|TestFooterNoticeIsWholeOnGetHelp
unit:
	RACE_SKIP='$(RACE_SKIP)' GO='$(GO)' scripts/unit

## fuzz: every fuzz target for a number of inputs, ~15 s each (FUZZTIME=30s or =50000x to change).
fuzz:
	scripts/fuzz

## report-sample: the sample report for a clinician in en, es, zh-Hant-TW, th
## and ja, checked with pdftotext and pdftoppm (OUTDIR=… to keep them elsewhere).
report-sample:
	scripts/report-sample $(or $(OUTDIR),bin/report-sample)

## bench: start-up time and memory against a bare Fyne window, journal and
## language-switch benchmarks (prints the ratios; fails when a target is missed).
bench: build
	scripts/bench

smoke:
	scripts/smoke $(BIN) en
	scripts/smoke $(BIN) es
	scripts/smoke-network $(BIN)

## screenshots: regenerate the pictures under docs/.
screenshots: build
	scripts/docs-screenshots $(BIN)

clean:
	rm -rf bin

include packaging.mk
