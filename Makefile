# yipin: the two commands a newcomer needs are `make serve` and `make test`.
GO      ?= go
BIN     := bin/yipin
N       ?= 10000
RUNS    ?= 5
# Outputs of `make bench` go to memory when the machine has /dev/shm, so the
# figures measure yipin rather than the disk; BENCH_TMP= measures the disk.
BENCH_TMP ?= $(shell [ -d /dev/shm ] && echo /dev/shm)
CORPUS  := corpus/$(N)

.PHONY: build serve test fixtures bench bench-hugo bench-serve bench-go corpus clean $(BIN)

## build: build the demo site into public/
build: $(BIN)
	$(BIN) build

## serve: preview the demo site at http://127.0.0.1:1313/, rebuilt and reloaded on every save
serve: $(BIN)
	$(BIN) serve

$(BIN):
	$(GO) build -o $(BIN) ./generator/cmd/yipin

## test: everything CI checks
test:
	@unformatted=$$(gofmt -l generator); if [ -n "$$unformatted" ]; then echo "未按 gofmt 格式化:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) test ./...

## fixtures: download what the browser tests need (axe-core, checked against pinned hashes)
fixtures:
	$(GO) run ./generator/cmd/fixtures

## corpus: write a realistic N-page Chinese test site into corpus/N
corpus:
	$(GO) run ./generator/cmd/corpus -n $(N) -o $(CORPUS) -theme $(CURDIR)/themes/default

## bench: build the N-page corpus RUNS times; print pages per second, peak memory and the ratio to goldmark alone
bench: $(BIN)
	@[ -f $(CORPUS)/site.yaml ] || $(MAKE) --no-print-directory corpus N=$(N)
	$(GO) run ./generator/cmd/benchsite -bin $(BIN) -site $(CORPUS) -runs $(RUNS) -tmp "$(BENCH_TMP)"

## bench-hugo: make bench, with Hugo building the same corpus after each build (HUGO=path of a hugo binary)
HUGO ?= hugo
bench-hugo: $(BIN)
	@[ -f $(CORPUS)/site.yaml ] || $(MAKE) --no-print-directory corpus N=$(N)
	$(GO) run ./generator/cmd/benchsite -bin $(BIN) -site $(CORPUS) -runs $(RUNS) -tmp "$(BENCH_TMP)" -hugo "$(HUGO)"

## bench-serve: save-to-reload latency of yipin serve on the corpus (make corpus N=10000 first)
bench-serve:
	YIPIN_BENCH_SITE=$(abspath $(CORPUS)) $(GO) test -run '^$$' -bench SaveToReload -benchtime 40x ./generator/serve/

## bench-go: the Go benchmarks of the Markdown and render stages
bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./generator/markdown/ ./generator/render/

## clean: remove build output, binaries and corpora
clean:
	rm -rf public public.yipin-new public.yipin-old bin corpus
