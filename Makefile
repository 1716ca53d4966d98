# Makefile — builds ./decarb, runs every test, the demo and the benchmarks.
# Dependencies come from Debian packages through pkg-config; `make deps`
# installs the missing ones (as root) or prints the command to run.

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(DESTDIR)$(PREFIX)/bin
MANDIR   = $(DESTDIR)$(PREFIX)/share/man/man1

CC      ?= cc
PKGS     = lua5.4 readline
WARN     = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS) \
             $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -Istdlib -Ivm -Ivm/report
LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
TEST_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

# Debian packages the build and the tests need; the benchmarks add peers.
DEB_BUILD = gcc make pkg-config liblua5.4-dev libreadline-dev libcmocka-dev
DEB_TEST  = python3 libxml2-utils perl tmux valgrind python3-jsonschema time
DEB_BENCH = lua5.4 luajit python3-pint python3-numpy
DEB_FUZZ  = clang libclang-rt-14-dev

BUILD   ?= build
VM_SRC  = $(sort $(wildcard vm/*.c vm/report/*.c))
LIB_SRC = $(sort $(wildcard stdlib/*.c))
DATA_CSV = $(sort $(wildcard stdlib/data/*.csv))
OBJ_DIR = $(BUILD)/obj
VM_OBJ  = $(VM_SRC:%.c=$(OBJ_DIR)/%.o)
LIB_OBJ = $(LIB_SRC:%.c=$(OBJ_DIR)/%.o)
# everything but main(): what the cmocka tests link against
CORE_OBJ = $(LIB_OBJ) $(filter-out $(OBJ_DIR)/vm/main.o,$(VM_OBJ))
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: unit-bins decarb-asan all deps deps-bench deps-fuzz test unit golden demo asan bench fuzz \
        install uninstall clean valgrind

BIN ?= decarb

all: $(BIN)

$(BIN): $(VM_OBJ) $(LIB_OBJ)
	@echo "  LD      $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS) $(LDFLAGS)

$(OBJ_DIR)/%.o: %.c $(wildcard stdlib/*.h vm/*.h vm/report/*.h) | $(BUILD)/gen
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -I$(BUILD)/gen -c -o $@ $<

$(BUILD)/gen:
	@mkdir -p $@

# reference data: stdlib/data/*.csv embedded as text, parsed by factors.c
$(BUILD)/gen/dc_data.h: $(DATA_CSV) stdlib/data/embed.sh | $(BUILD)/gen
	@echo "  GEN     $@"
	@sh stdlib/data/embed.sh $(DATA_CSV) > $@.tmp && mv $@.tmp $@
$(OBJ_DIR)/stdlib/factors.o: $(BUILD)/gen/dc_data.h

$(BUILD)/tests/%: tests/unit/%.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	@echo "  CCLD    $@"
	@$(CC) $(ALL_CFLAGS) -I$(BUILD)/gen -Wno-missing-prototypes -o $@ $< $(CORE_OBJ) $(TEST_LIBS) $(LIBS) $(LDFLAGS)

# ---- set-up -----------------------------------------------------------------
define install_missing
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' \
	    || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "deps: installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 2; \
	  else \
	    echo "deps: missing Debian packages:$$missing"; \
	    echo "deps: run   sudo apt-get install -y$$missing   then make again"; exit 2; \
	  fi; fi
endef

deps:
	@command -v dpkg-query >/dev/null || { echo "deps: not a Debian system; install Lua 5.4, readline, cmocka and pkg-config by hand"; exit 2; }
	$(call install_missing,$(DEB_BUILD) $(DEB_TEST))

deps-bench: deps
	$(call install_missing,$(DEB_BENCH))

deps-fuzz: deps
	$(call install_missing,$(DEB_FUZZ))

# ---- tests ------------------------------------------------------------------
test: deps
	@$(MAKE) --no-print-directory $(BIN) unit-bins
	@sh tests/run_all.sh ./$(BIN) $(UNIT_BIN)

unit-bins: $(UNIT_BIN)

asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan BIN=build-asan/decarb CC=gcc \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  LDFLAGS="-fsanitize=address,undefined" decarb-asan
decarb-asan: $(BIN) unit-bins
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  sh tests/run_all.sh ./$(BIN) $(UNIT_BIN)

demo: deps
	@$(MAKE) --no-print-directory decarb
	@if [ -f examples/zhangye.lua ]; then \
	  ./decarb check examples/zhangye.lua; rc=$$?; \
	  if [ $$rc -le 1 ]; then echo "demo: decarb check exited $$rc ($$( [ $$rc = 0 ] && echo 'every target met' || echo 'a target missed'))"; exit 0; fi; exit $$rc; \
	else ./decarb examples/intro/hello.lua; fi

valgrind: decarb
	@sh tests/valgrind.sh ./decarb

bench: deps-bench
	@$(MAKE) --no-print-directory decarb
	@sh bench/run.sh ./decarb

fuzz: deps-fuzz
	@sh tests/fuzz/run.sh

install: decarb
	install -d $(BINDIR) $(MANDIR)
	install -m 755 decarb $(BINDIR)/decarb
	install -m 644 docs/decarb.1 $(MANDIR)/decarb.1

uninstall:
	rm -f $(BINDIR)/decarb $(MANDIR)/decarb.1

clean:
	rm -rf build build-asan decarb
