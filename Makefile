# dateline - build, test and run.
#   make run       install what is missing, build, run on data/samples/ into output/
#   make test      install what is missing, build, run every test
#   make eval      score against ../shared/eval (when present)
#   make bench     throughput, memory and start-up benchmark
#   make sanitize  the tests under AddressSanitizer and UndefinedBehaviorSanitizer
#   make memcheck  the tests under valgrind, leaks as failures
#   make tsan      the threaded runs (-j N, tests/parallel.sh) under ThreadSanitizer
#   make fuzz      libFuzzer on the library entry point (FUZZ_SECONDS=N)
#   make install   PREFIX=/usr/local

CC ?= cc
PREFIX ?= /usr/local
BUILD ?= build

PKGS := libcgraph libgvc
# Project flags first, the user's CFLAGS after, so they can override.
BASE_CFLAGS := -std=c11 -D_GNU_SOURCE -O2 -g -Wall -Wextra -pedantic -MMD -MP \
               -Iinclude -Isrc -I$(BUILD)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(BASE_CFLAGS) $(PKG_CFLAGS) $(SAN) $(CFLAGS)
LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lutf8proc -ljansson -lpthread -lm
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null)

LIB_SRC := $(filter-out src/main.c src/output.c src/cli_%.c,$(wildcard src/*.c))
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/data_embed.o $(BUILD)/wordnet_table.o
CLI_OBJ := $(BUILD)/main.o $(BUILD)/output.o $(patsubst src/%.c,$(BUILD)/%.o,$(wildcard src/cli_*.c))
DATA := $(filter-out data/samples/%,$(wildcard data/*.tsv))
TESTS := $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/check_*.c))

.PHONY: all deps run test unit cases cli eval bench sanitize memcheck tsan fuzz fuzz-build fuzz-short install clean

# The program: ./dateline for the normal build; a build in another folder (make sanitize's
# build-san/) makes its own, so an instrumented binary never replaces ./dateline.
ifeq ($(BUILD),build)
PROG := dateline
else
PROG := $(BUILD)/dateline
endif

all: deps $(PROG)

# Installs missing Debian packages once; the stamp is remade when the script changes.
deps: $(BUILD)/.deps
$(BUILD)/.deps: scripts/install-deps
	@mkdir -p $(BUILD)
	@./scripts/install-deps
	@touch $@

$(BUILD)/%.o: src/%.c | $(BUILD)/.deps
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Generated sources: embedded data files and the WordNet table (no -pedantic: long strings).
$(BUILD)/embed: tools/embed.c | $(BUILD)/.deps
	$(CC) -O2 -o $@ $<
$(BUILD)/data_embed.c: $(BUILD)/embed $(DATA)
	$(BUILD)/embed $@ $(DATA)
$(BUILD)/gen_wordnet: tools/gen_wordnet.c src/hashfn.h | $(BUILD)/.deps
	$(CC) -O2 -w -o $@ $< -lwordnet
$(BUILD)/wordnet_table.c: $(BUILD)/gen_wordnet data/function-words.tsv
	$(BUILD)/gen_wordnet $@ data/function-words.tsv
$(BUILD)/data_embed.o: $(BUILD)/data_embed.c
	$(CC) $(filter-out -pedantic,$(ALL_CFLAGS)) -c -o $@ $<
$(BUILD)/wordnet_table.o: $(BUILD)/wordnet_table.c
	$(CC) $(filter-out -pedantic -O2 -g,$(ALL_CFLAGS)) -O1 -c -o $@ $<

$(BUILD)/libdateline.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(PROG): $(CLI_OBJ) $(BUILD)/libdateline.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

# ---------------------------------------------------------------- running

# Each sample on its own (output/<doc>.csv, .dot, .svg), then all of them merged into one
# timeline and one graph.
run: all
	./$(PROG) --manifest data/samples/dates.tsv -o output data/samples/
	./$(PROG) --merge --manifest data/samples/dates.tsv --csv output/timeline.csv \
	    --timex-tsv output/timex.tsv --actors-csv output/actors.csv \
	    --dot output/graph.dot --svg output/graph.svg --png output/graph.png data/samples/

# ---------------------------------------------------------------- tests

$(BUILD)/tests/%: tests/%.c $(BUILD)/libdateline.a tests/testutil.h
	@mkdir -p $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags check) -Itests -o $@ $< \
	    $(BUILD)/libdateline.a $(CHECK_LIBS) $(LIBS)

unit: all $(TESTS)
	@set -e; for t in $(TESTS); do echo "== $$t"; $(VALGRIND) $$t; done

$(BUILD)/run_cases: tests/run_cases.c | $(BUILD)/.deps
	$(CC) $(ALL_CFLAGS) -o $@ $< -lcsv

cases: all $(BUILD)/run_cases
	@$(BUILD)/run_cases ./$(PROG) tests/cases

cli: all
	@sh tests/cli.sh ./$(PROG)

test: unit cases cli fuzz-short
	@sh tests/parallel.sh ./$(PROG)
	@sh tests/spreadsheet.sh ./$(PROG)
	@echo "make test: all tests passed"

# ---------------------------------------------------------------- fuzzing

# libFuzzer (clang, libclang-rt-14-dev) on tests/fuzz_dateline.c, with the library built
# into build-fuzz/ under AddressSanitizer and UndefinedBehaviorSanitizer. New inputs go to
# build-fuzz/corpus; the seeds (tests/fuzz-seeds, the case texts, data/samples) are only
# read. A crash stops the run with a non-zero exit and its input in build-fuzz/crash-*:
# add that file to tests/fuzz-seeds/ and it becomes a regression test (check_fuzz_seeds).
# Inputs are kept under 8 KB for speed (longer seeds are cut); long inputs are covered by
# the seed replay (check_fuzz_seeds), check_limits and tests/cli.sh.
FUZZ_SECONDS ?= 600
FUZZ_TEST_SECONDS ?= 60
# A fixed seed makes the short run of make test the same run on every machine.
FUZZ_SEED ?= 1
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_RUN = build-fuzz/fuzz_dateline -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -dict=tests/fuzz_dateline.dict -artifact_prefix=build-fuzz/ \
    build-fuzz/corpus tests/fuzz-seeds tests/cases data/samples

$(BUILD)/fuzz_dateline: tests/fuzz_dateline.c $(BUILD)/libdateline.a
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(BUILD)/libdateline.a $(LIBS)

fuzz-build:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang CFLAGS="-O1 -gline-tables-only" \
	    SAN="-fsanitize=fuzzer-no-link $(FUZZ_SAN)" build-fuzz/fuzz_dateline

fuzz: fuzz-build
	@mkdir -p build-fuzz/corpus
	$(FUZZ_RUN) -max_total_time=$(FUZZ_SECONDS)

# The short run of `make test`: skipped (with a message) without clang's libFuzzer, and
# under `make sanitize`, whose `make test` would only repeat it.
fuzz-short:
	@mkdir -p build-fuzz/corpus
	@if [ -n "$(SAN)" ]; then echo "fuzz: skipped under make sanitize (make test runs it)"; exit 0; fi; \
	printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n)\n{ (void)d; (void)n; return 0; }\n' \
	    > build-fuzz/probe.c; \
	if ! clang -fsanitize=fuzzer,address,undefined -o build-fuzz/probe build-fuzz/probe.c >/dev/null 2>&1; then \
	    echo "fuzz: skipped: clang with libFuzzer is missing (install clang and libclang-rt-14-dev: scripts/install-deps)"; \
	    exit 0; fi; \
	$(MAKE) --no-print-directory fuzz-build >build-fuzz/build.log 2>&1 || { cat build-fuzz/build.log; exit 1; }; \
	echo "fuzz: $(FUZZ_TEST_SECONDS) s of libFuzzer (log: build-fuzz/fuzz.log)"; \
	if $(FUZZ_RUN) -seed=$(FUZZ_SEED) -max_total_time=$(FUZZ_TEST_SECONDS) >build-fuzz/fuzz.log 2>&1; then \
	    grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^Done' build-fuzz/fuzz.log; \
	else tail -n 60 build-fuzz/fuzz.log; echo "fuzz: FAILED (input in build-fuzz/crash-* or similar)"; exit 1; fi

# ---------------------------------------------------------------- checks

sanitize:
	$(MAKE) BUILD=build-san SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    CFLAGS="-O1" test

memcheck: all $(TESTS)
	@set -e; for t in $(TESTS); do echo "== valgrind $$t"; \
	    CK_FORK=no valgrind --quiet --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    --num-callers=40 --suppressions=tests/valgrind.supp $$t; done
	@VALGRIND_CLI=1 sh tests/cli.sh ./dateline

# -j N shares the engine between threads and hands documents over under a lock: this runs
# tests/parallel.sh (-j 2 against -j 1 on 10,000 documents, --jsonl streams) with a
# ThreadSanitizer build, stopping at the first report.
tsan:
	$(MAKE) BUILD=build-tsan SAN="-fsanitize=thread" CFLAGS="-O1" build-tsan/dateline
	TSAN_OPTIONS="halt_on_error=1" sh tests/parallel.sh build-tsan/dateline

eval: all
	@sh scripts/eval.sh

bench: all
	@sh scripts/bench.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include
	install -m 755 dateline $(DESTDIR)$(PREFIX)/bin/dateline
	install -m 644 $(BUILD)/libdateline.a $(DESTDIR)$(PREFIX)/lib/libdateline.a
	install -m 644 include/dateline.h $(DESTDIR)$(PREFIX)/include/dateline.h

clean:
	rm -rf build build-san build-tsan build-fuzz dateline

-include $(wildcard $(BUILD)/*.d $(BUILD)/tests/*.d)
