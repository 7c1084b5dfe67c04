# Makefile — builds libsopcheck.a and the sopcheck binary, runs the tests; plain GNU make.
#
#   make            build build/sopcheck and build/libsopcheck.a
#   make run        check the bundled sample profiles against the bundled Zoetermeer rules
#   make check      run every test (unit suites, data-driven cases, end-to-end)
#   make check-asan the same under AddressSanitizer + UndefinedBehaviorSanitizer
#   make memcheck   the unit suites under valgrind (CK_FORK=no)
#   make mutants    mutation testing of the evaluator: each mutation in tools/mutants.txt applied to a
#                   copy of the tree in $(BUILD)/mutants, the unit suites run; fails below 95 % killed
#                   (tools/mutants.sh, docs/testing.md). Not part of `make check`: about 5 minutes.
#
# Missing build dependencies are installed by tools/deps.sh (apt-get as root or with sudo),
# or named exactly when that is not possible.

CC       ?= cc
BUILD    ?= build
OPT      ?= -O2
SAN      ?=
CFLAGS_COMMON = -std=c11 -D_POSIX_C_SOURCE=200809L -g $(OPT) $(SAN) -pthread -I. -I$(BUILD)/gen
WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
GENWARN  = -Wall -Wno-unused-function -Wno-sign-compare -Wno-unused-parameter

DEPS_STAMP := $(BUILD)/.deps-ok
PKG_CFLAGS = $(shell pkg-config --cflags yaml-0.1 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs yaml-0.1 2>/dev/null || echo -lyaml)
CHECK_CFLAGS = $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   = $(shell pkg-config --libs check 2>/dev/null)

LIB_SRC  := $(sort $(wildcard base/*.c dsl/*.c engine/*.c report/*.c api/*.c))
GEN_SRC  := $(BUILD)/gen/parser.c $(BUILD)/gen/lexer.c
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/parser.o $(BUILD)/gen/lexer.o
CLI_SRC  := $(sort $(wildcard cli/*.c))
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/bundled_rules.o
TEST_SRC := $(sort $(wildcard tests/unit/*.c))
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)
RULES    := $(sort $(wildcard rules/*.rules))

.PHONY: all deps run check check-unit check-e2e check-asan memcheck mutants clean
all: $(BUILD)/sopcheck $(BUILD)/libsopcheck.a

deps: $(DEPS_STAMP)
$(DEPS_STAMP): tools/deps.sh
	@sh tools/deps.sh
	@mkdir -p $(@D) && touch $@

# --- generated scanner and parser -------------------------------------------------------
$(BUILD)/gen/parser.c $(BUILD)/gen/parser.h: dsl/parser.y | $(DEPS_STAMP)
	@mkdir -p $(@D)
	bison -Wall -Werror --header=$(BUILD)/gen/parser.h -o $(BUILD)/gen/parser.c $<
$(BUILD)/gen/lexer.c $(BUILD)/gen/lexer.h: dsl/lexer.l | $(DEPS_STAMP)
	@mkdir -p $(@D)
	flex --header-file=$(BUILD)/gen/lexer.h -o $(BUILD)/gen/lexer.c $<
$(BUILD)/gen/%.o: $(BUILD)/gen/%.c $(BUILD)/gen/parser.h $(BUILD)/gen/lexer.h
	$(CC) $(CFLAGS_COMMON) $(GENWARN) -MMD -MP -c -o $@ $<

# the rules in rules/ are compiled into the binary as the default ruleset
$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARN) -O2 -o $@ $<
$(BUILD)/gen/bundled_rules.c: $(BUILD)/tools/embed $(RULES)
	@mkdir -p $(@D)
	$(BUILD)/tools/embed $@ $(RULES)

# --- our code ---------------------------------------------------------------------------
$(BUILD)/%.o: %.c $(BUILD)/gen/parser.h $(BUILD)/gen/lexer.h | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_COMMON) $(WARN) $(PKG_CFLAGS) $(CHECK_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/libsopcheck.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/sopcheck: $(CLI_OBJ) $(BUILD)/libsopcheck.a
	$(CC) $(SAN) -pthread -o $@ $(CLI_OBJ) $(BUILD)/libsopcheck.a $(PKG_LIBS) -lpthread -lm

# --- tests ------------------------------------------------------------------------------
# Every tests/unit/*.c defines `Suite *suite_NAME(void)`; the runner registers them all.
$(BUILD)/gen/suites.h: $(TEST_SRC)
	@mkdir -p $(@D)
	@sed -n 's/^Suite \*\(suite_[a-z0-9_]*\)(void)$$/SC_SUITE(\1)/p' $(TEST_SRC) > $@.tmp && mv $@.tmp $@
$(BUILD)/tests/run_unit.o: tests/run_unit.c $(BUILD)/gen/suites.h
# the CLI's parallel loop is tested on its own (tests/unit/test_parallel.c)
$(BUILD)/tests/run_unit: $(BUILD)/tests/run_unit.o $(TEST_OBJ) $(BUILD)/cli/parallel.o $(BUILD)/libsopcheck.a
	$(CC) $(SAN) -pthread -o $@ $^ $(PKG_LIBS) $(CHECK_LIBS) -lpthread -lm

# The example client of docs/library.md: built against the public header alone (-I include, no -I .)
# and libsopcheck.a; tests/e2e-library.sh runs it and compares its reports with the CLI's.
CLIENT := $(BUILD)/docs/examples/client
$(CLIENT): docs/examples/client.c include/sopcheck.h $(BUILD)/libsopcheck.a
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L -g $(OPT) $(SAN) -pthread $(WARN) -Iinclude -o $@ $< $(BUILD)/libsopcheck.a $(PKG_LIBS) -lpthread -lm
# A host locale with a decimal comma, for the tests that a number never follows LC_NUMERIC (tests/unit/test_num.c,
# tests/e2e-locale.sh): nl_NL.UTF-8, compiled here with localedef (the locales package has its sources) and found
# through LOCPATH, so that no root and no system-wide locale is needed. When it cannot be made, those tests fail
# and say so.
LOCALE_DIR = $(abspath $(BUILD)/locale)
$(BUILD)/locale/nl_NL.UTF-8/LC_NUMERIC:
	@mkdir -p $(BUILD)/locale
	@localedef -i nl_NL -f UTF-8 $(LOCALE_DIR)/nl_NL.UTF-8 >/dev/null 2>&1 || [ -f $@ ] || \
	    echo "sopcheck: localedef could not make the locale nl_NL.UTF-8 (apt-get install locales)" >&2

check: check-unit check-e2e
check-unit: $(BUILD)/tests/run_unit $(BUILD)/sopcheck $(BUILD)/locale/nl_NL.UTF-8/LC_NUMERIC
	LOCPATH=$(LOCALE_DIR) SC_BUILD=$(BUILD) $(BUILD)/tests/run_unit
# every tests/e2e*.sh takes the binary as $$1 and ends with 'NAME: N passed, N failed'
check-e2e: $(BUILD)/sopcheck $(CLIENT) $(BUILD)/locale/nl_NL.UTF-8/LC_NUMERIC
	@rc=0; for s in $(sort $(wildcard tests/e2e*.sh)); do LOCPATH=$(LOCALE_DIR) sh $$s $(BUILD)/sopcheck || { echo "FAILED: $$s"; rc=1; }; done; exit $$rc

check-asan:
	$(MAKE) BUILD=build-asan OPT=-O1 SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" check

# The whole suite under valgrind: the unit suites, then every end-to-end script with the binary run
# through valgrind (a memory error or a leak turns its exit status into 99, which the scripts catch).
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible
memcheck: $(BUILD)/tests/run_unit $(BUILD)/sopcheck $(CLIENT) $(BUILD)/locale/nl_NL.UTF-8/LC_NUMERIC
	CK_FORK=no LOCPATH=$(LOCALE_DIR) SC_BUILD=$(BUILD) $(VALGRIND) $(BUILD)/tests/run_unit
	@printf '#!/bin/sh\nexec %s "%s" "$$@"\n' '$(VALGRIND)' '$(abspath $(BUILD)/sopcheck)' > $(BUILD)/sopcheck-valgrind
	@chmod +x $(BUILD)/sopcheck-valgrind
	@printf '#!/bin/sh\nexec %s "%s" "$$@"\n' '$(VALGRIND)' '$(abspath $(CLIENT))' > $(BUILD)/client-valgrind
	@chmod +x $(BUILD)/client-valgrind
	@rc=0; for s in $(sort $(wildcard tests/e2e*.sh)); do SC_TSAN=0 LOCPATH=$(LOCALE_DIR) SC_CLIENT=$(abspath $(BUILD)/client-valgrind) sh $$s $(abspath $(BUILD)/sopcheck-valgrind) || { echo "FAILED under valgrind: $$s"; rc=1; }; done; exit $$rc

# Mutation testing: tools/mutants.sh copies the tree to $(BUILD)/mutants and never writes the working tree.
mutants:
	BUILD=$(BUILD) CC=$(CC) sh tools/mutants.sh

# The main job. The samples include a failing, an incomplete and an invalid profile on purpose,
# so sopcheck's exit status is 2 here; `make run` reports it instead of failing.
run: $(BUILD)/sopcheck
	@$(BUILD)/sopcheck check fixtures/samples; rc=$$?; \
	 echo; echo "sopcheck exit status: $$rc (0 all compliant, 1 not compliant or incomplete, 2 invalid input)"; \
	 [ $$rc -le 2 ]

clean:
	rm -rf build build-asan build-fuzz

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)

# ==== fuzzing (libFuzzer) ===============================================================
#   make fuzz FUZZ_SECONDS=N   build the harnesses in tests/fuzz/ with clang, libFuzzer, ASan and UBSan
#                              into build-fuzz/ (the library and the generated parser and scanner
#                              too) and run each target for N seconds, one after the other.
# Seeds are copied at run time into build-fuzz/corpus-<target> (kept between runs, never committed);
# crashes, leaks, timeouts and out-of-memory inputs land in build-fuzz/findings-<target>/. Save each
# as a regression case in tests/fuzz/regressions/<target>/ so that `make check` runs it.
FUZZ_BUILD   := build-fuzz
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_RUNOPTS ?= -timeout=5 -rss_limit_mb=512 -print_final_stats=1
FUZZ_TARGETS := rules profile
FUZZ_MAXLEN_rules   := 32768
FUZZ_MAXLEN_profile := 16384
FUZZ_SEEDS_rules   := rules tests/compile-pass tests/compile-fail tests/fuzz/regressions/rules
FUZZ_SEEDS_profile := fixtures/profiles fixtures/samples tests/bad tests/fuzz/regressions/profile

.PHONY: fuzz fuzz-build
fuzz-build:
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || { echo "make fuzz needs clang with libFuzzer: apt-get install clang" >&2; exit 1; }
	$(MAKE) BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) OPT=-O1 SAN="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" $(FUZZ_BUILD)/libsopcheck.a
	$(MAKE) $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(FUZZ_BUILD)/libsopcheck.a
	$(FUZZ_CC) -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 $(FUZZ_SAN) -fsanitize=fuzzer $(WARN) -I. \
	    -DSC_FUZZ_RULES_PATH='"$(CURDIR)/rules/zoetermeer-2023.rules"' \
	    -o $@ $< $(FUZZ_BUILD)/libsopcheck.a $(PKG_LIBS) -lm

fuzz: fuzz-build
	@status=0; for t in $(FUZZ_TARGETS); do \
	    corpus=$(FUZZ_BUILD)/corpus-$$t; mkdir -p $$corpus $(FUZZ_BUILD)/findings-$$t; \
	    case $$t in rules) seeds="$(FUZZ_SEEDS_rules)"; maxlen=$(FUZZ_MAXLEN_rules);; \
	                *) seeds="$(FUZZ_SEEDS_profile)"; maxlen=$(FUZZ_MAXLEN_profile);; esac; \
	    for d in $$seeds; do [ -d "$$d" ] || continue; \
	        find "$$d" -type f ! -name '*.md' | while IFS= read -r f; do \
	            cp "$$f" "$$corpus/seed-$$(printf '%s' "$$f" | tr '/' '_')"; done; done; \
	    echo "fuzz: $$t for $(FUZZ_SECONDS) s ($$(ls $$corpus | wc -l) inputs in $$corpus)"; \
	    $(FUZZ_BUILD)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=$$maxlen $(FUZZ_RUNOPTS) -dict=tests/fuzz/$$t.dict \
	        -artifact_prefix=$(FUZZ_BUILD)/findings-$$t/ $$corpus || status=1; \
	done; exit $$status
# ==== end of fuzzing ====================================================================

# ==== benchmark =========================================================================
#   make bench [BENCH_N=10000] [BENCH_RUNS=9]   generate BENCH_N synthetic profiles into $(BUILD)/bench/ and
#                                               measure `sopcheck check` against the floor (libyaml alone):
#                                               time, peak RSS, compile time, callgrind instructions per
#                                               profile (tools/bench.sh; docs/performance.md explains it).
# A benchmark only measures: nothing here fails on a number.
BENCH_N    ?= 10000
BENCH_RUNS ?= 9
BENCH_TOOLS := $(BUILD)/tools/genprofiles $(BUILD)/tools/yamlfloor $(BUILD)/tools/bench_compile $(BUILD)/tools/bench_bigmap

.PHONY: bench
$(BUILD)/tools/genprofiles: tools/genprofiles.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L $(OPT) $(WARN) -o $@ $<
$(BUILD)/tools/yamlfloor: tools/yamlfloor.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L -g $(OPT) $(WARN) $(PKG_CFLAGS) -o $@ $< $(PKG_LIBS)
$(BUILD)/tools/bench_compile: tools/bench_compile.c tools/bigrules.h $(BUILD)/libsopcheck.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_COMMON) $(WARN) -o $@ $< $(BUILD)/libsopcheck.a $(PKG_LIBS) -lm
$(BUILD)/tools/bench_bigmap: tools/bench_bigmap.c $(BUILD)/libsopcheck.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_COMMON) $(WARN) -o $@ $< $(BUILD)/libsopcheck.a $(PKG_LIBS) -lm

bench: $(BUILD)/sopcheck $(BENCH_TOOLS)
	BUILD=$(BUILD) BENCH_N=$(BENCH_N) BENCH_RUNS=$(BENCH_RUNS) sh tools/bench.sh
# ==== end of benchmark ==================================================================

# ==== install ===========================================================================
#   make install [PREFIX=/usr/local] [DESTDIR=]   the binary, libsopcheck.a and libsopcheck.so, the public
#                                                 header, sopcheck.pc, the man page, bash and zsh completions,
#                                                 the bundled rules and the documentation
#   make uninstall [PREFIX=...] [DESTDIR=]        removes exactly those files
# The man page and the completions are written by tools/genman.c from cli/options.c, the table that
# `sopcheck COMMAND --help` prints, so that they cannot drift apart.
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR    ?= $(PREFIX)/share
MANDIR     ?= $(DATADIR)/man
SC_VERSION_TEXT := $(shell sed -n 's/^\#define SC_VERSION "\(.*\)"/\1/p' cli/cli.h)
SOVERSION  := 0
SONAME     := libsopcheck.so.$(SOVERSION)
SHLIB      := $(BUILD)/libsopcheck.so.$(SC_VERSION_TEXT)
PIC_OBJ    := $(LIB_OBJ:$(BUILD)/%.o=$(BUILD)/pic/%.o)
DOCS_INSTALLED := $(sort $(wildcard docs/*.md)) docs/json-schema.json

.PHONY: install uninstall
$(BUILD)/pic/gen/%.o: $(BUILD)/gen/%.c $(BUILD)/gen/parser.h $(BUILD)/gen/lexer.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_COMMON) -fPIC $(GENWARN) -MMD -MP -c -o $@ $<
$(BUILD)/pic/%.o: %.c $(BUILD)/gen/parser.h $(BUILD)/gen/lexer.h | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_COMMON) -fPIC $(WARN) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<
$(SHLIB): $(PIC_OBJ)
	$(CC) $(SAN) -shared -pthread -Wl,-soname,$(SONAME) -o $@ $^ $(PKG_LIBS) -lpthread -lm

$(BUILD)/tools/genman: tools/genman.c cli/options.c cli/options.h cli/cli.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_COMMON) $(WARN) -o $@ tools/genman.c cli/options.c
$(BUILD)/man/sopcheck.1: docs/man/sopcheck.1.in $(BUILD)/tools/genman
	@mkdir -p $(@D)
	$(BUILD)/tools/genman --man $< | sed -e 's|@VERSION@|$(SC_VERSION_TEXT)|g' -e 's|@DATADIR@|$(DATADIR)|g' > $@.tmp && mv $@.tmp $@
$(BUILD)/completions/sopcheck.bash: $(BUILD)/tools/genman
	@mkdir -p $(@D)
	$(BUILD)/tools/genman --bash > $@.tmp && mv $@.tmp $@
$(BUILD)/completions/_sopcheck: $(BUILD)/tools/genman
	@mkdir -p $(@D)
	$(BUILD)/tools/genman --zsh > $@.tmp && mv $@.tmp $@
$(BUILD)/sopcheck.pc: Makefile cli/cli.h
	@mkdir -p $(@D)
	printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' \
	    'Name: sopcheck' 'Description: checks school support profiles against the basisondersteuning of a samenwerkingsverband' \
	    'Version: $(SC_VERSION_TEXT)' 'Requires.private: yaml-0.1' 'Libs: -L$${libdir} -lsopcheck' \
	    'Libs.private: -lpthread -lm' 'Cflags: -I$${includedir}' > $@

install: $(BUILD)/sopcheck $(BUILD)/libsopcheck.a $(SHLIB) $(BUILD)/man/sopcheck.1 $(BUILD)/sopcheck.pc \
         $(BUILD)/completions/sopcheck.bash $(BUILD)/completions/_sopcheck
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(DATADIR)/sopcheck/rules $(DESTDIR)$(DATADIR)/doc/sopcheck \
	    $(DESTDIR)$(DATADIR)/bash-completion/completions $(DESTDIR)$(DATADIR)/zsh/site-functions
	install -m 755 $(BUILD)/sopcheck $(DESTDIR)$(BINDIR)/sopcheck
	install -m 644 $(BUILD)/libsopcheck.a $(DESTDIR)$(LIBDIR)/libsopcheck.a
	install -m 755 $(SHLIB) $(DESTDIR)$(LIBDIR)/libsopcheck.so.$(SC_VERSION_TEXT)
	ln -sf libsopcheck.so.$(SC_VERSION_TEXT) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libsopcheck.so
	install -m 644 include/sopcheck.h $(DESTDIR)$(INCLUDEDIR)/sopcheck.h
	install -m 644 $(BUILD)/sopcheck.pc $(DESTDIR)$(LIBDIR)/pkgconfig/sopcheck.pc
	install -m 644 $(BUILD)/man/sopcheck.1 $(DESTDIR)$(MANDIR)/man1/sopcheck.1
	install -m 644 $(BUILD)/completions/sopcheck.bash $(DESTDIR)$(DATADIR)/bash-completion/completions/sopcheck
	install -m 644 $(BUILD)/completions/_sopcheck $(DESTDIR)$(DATADIR)/zsh/site-functions/_sopcheck
	install -m 644 $(RULES) $(DESTDIR)$(DATADIR)/sopcheck/rules/
	install -m 644 $(DOCS_INSTALLED) $(DESTDIR)$(DATADIR)/doc/sopcheck/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/sopcheck $(DESTDIR)$(LIBDIR)/libsopcheck.a $(DESTDIR)$(LIBDIR)/libsopcheck.so \
	    $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libsopcheck.so.$(SC_VERSION_TEXT) \
	    $(DESTDIR)$(INCLUDEDIR)/sopcheck.h $(DESTDIR)$(LIBDIR)/pkgconfig/sopcheck.pc $(DESTDIR)$(MANDIR)/man1/sopcheck.1 \
	    $(DESTDIR)$(DATADIR)/bash-completion/completions/sopcheck $(DESTDIR)$(DATADIR)/zsh/site-functions/_sopcheck
	rm -rf $(DESTDIR)$(DATADIR)/sopcheck $(DESTDIR)$(DATADIR)/doc/sopcheck

-include $(PIC_OBJ:.o=.d)
# ==== end of install ====================================================================
