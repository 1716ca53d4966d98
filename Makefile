# Makefile — builds ./decarb and ./decarb.so (the module for stock Lua 5.4),
# runs every test, the demo and the benchmarks; `make deb` builds the package.
# Dependencies come from Debian packages through pkg-config; `make deps`
# installs the missing ones (as root) or prints the command to run.

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(DESTDIR)$(PREFIX)/bin
MANDIR   = $(DESTDIR)$(PREFIX)/share/man/man1
# Lua 5.4's C module path under PREFIX (the interpreter's default cpath has
# PREFIX/lib/lua/5.4 for /usr/local; Debian's package passes its own)
LUA_CMOD_DIR ?= $(PREFIX)/lib/lua/5.4
LUADIR   = $(DESTDIR)$(LUA_CMOD_DIR)
SHAREDIR = $(DESTDIR)$(PREFIX)/share/decarb
COMPDIR  = $(DESTDIR)$(PREFIX)/share/bash-completion/completions

CC      ?= cc
PKGS     = lua5.4 readline jansson
WARN     = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS) \
             $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(if $(LUA_INCDIR),-I$(LUA_INCDIR)) -Istdlib -Ivm -Ivm/report
LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
TEST_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

# Debian packages the build and the tests need; the benchmarks add peers.
DEB_BUILD = gcc make pkg-config liblua5.4-dev libreadline-dev libcmocka-dev libjansson-dev
DEB_TEST  = python3 python3-pint python3-jsonschema time libxml2-utils perl tmux valgrind chromium fonts-wqy-microhei
DEB_TEST += lua5.4 lua-busted luarocks dpkg-dev debhelper bash-completion clang libclang-rt-14-dev
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
# the library boundary: the cores and bindings, built once as position-
# independent objects with hidden symbols, linked into both ./decarb and
# decarb.so (which exports luaopen_decarb only and links no liblua: the
# interpreter that loads it provides Lua)
LIBA     = $(BUILD)/libdecarb.a
SO      ?= $(dir $(BIN))decarb.so
$(LIB_OBJ): PIC = -fPIC -fvisibility=hidden
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: unit-bins decarb-asan all deps deps-bench deps-fuzz test unit golden demo asan bench fuzz fuzz-bin fault fault-bin \
        install install-module uninstall clean valgrind module deb

BIN ?= decarb

all: $(BIN) $(SO)
module: $(SO)

# EXTRA_OBJ: linked in by test builds only (the fault-injection hook)
EXTRA_OBJ ?=
$(BIN): $(VM_OBJ) $(LIBA) $(EXTRA_OBJ)
	@echo "  LD      $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $(VM_OBJ) $(EXTRA_OBJ) $(LIBA) $(LIBS) $(LDFLAGS)

$(LIBA): $(LIB_OBJ)
	@echo "  AR      $@"
	@rm -f $@ && ar rcs $@ $^

$(SO): $(OBJ_DIR)/stdlib/decarb_module.o $(LIBA)
	@echo "  LD      $@"
	@$(CC) $(ALL_CFLAGS) -shared -o $@ $^ -lm $(LDFLAGS)

$(OBJ_DIR)/%.o: %.c $(wildcard stdlib/*.h vm/*.h vm/report/*.h) | $(BUILD)/gen
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) $(PIC) -I$(BUILD)/gen -c -o $@ $<

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
	@$(MAKE) --no-print-directory $(BIN) $(SO) unit-bins $(BUILD)/decarb-fault
	@sh tests/run_all.sh ./$(BIN) $(UNIT_BIN)

unit-bins: $(UNIT_BIN)

asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan BIN=build-asan/decarb CC=gcc \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  LDFLAGS="-fsanitize=address,undefined" decarb-asan
decarb-asan: $(BIN) $(SO) unit-bins $(BUILD)/decarb-fault
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  sh tests/run_all.sh ./$(BIN) $(UNIT_BIN)

# $(BUILD)/decarb-fault: the same objects relinked with the fault hook, for
# the sampled sweep of tests/fault_alloc.test.sh (seconds to link)
$(BUILD)/decarb-fault: $(VM_OBJ) $(LIB_OBJ) $(OBJ_DIR)/tests/fuzz/fault_alloc.o
	@echo "  LD      $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS) $(LDFLAGS) $(FAULT_WRAP)

# build-fault/decarb: ASan + UBSan, no small-block cache, and every
# allocation through tests/fuzz/fault_alloc.c (DECARB_FAIL_ALLOC=k fails the
# k-th). A test build only: the release binary has no such hook.
FAULT_WRAP = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup
fault-bin: deps
	@$(MAKE) --no-print-directory BUILD=build-fault BIN=build-fault/decarb CC=gcc \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -DDC_SMALL_CACHE=0" \
	  LDFLAGS="-fsanitize=address,undefined $(FAULT_WRAP)" \
	  EXTRA_OBJ=build-fault/obj/tests/fuzz/fault_alloc.o build-fault/decarb

# the whole sweep of allocation faults (make test samples it)
fault: fault-bin
	@FAULT_SAMPLE=0 sh tests/fuzz/fault_sweep.sh build-fault/decarb

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

fuzz: deps-fuzz fuzz-bin fault-bin
	@sh tests/fuzz/run.sh
	@FAULT_SAMPLE=0 sh tests/fuzz/fault_sweep.sh build-fault/decarb

# build-fuzz/fuzz_script: the whole-script libFuzzer target (ASan + UBSan),
# built incrementally from clang objects; run by tests/fuzz/run.sh and, for
# 30 s, by tests/fuzz_script.test.sh in make test (clang does not see that
# some error helpers never return: hence -Wno-sometimes-uninitialized)
FUZZ_CFLAGS = -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer \
              -Wno-sometimes-uninitialized
fuzz-bin:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang CFLAGS="$(FUZZ_CFLAGS)" build-fuzz/fuzz_script
build-fuzz/fuzz_script: tests/fuzz/fuzz_script.c $(CORE_OBJ)
	@echo "  CCLD    $@"
	@$(CC) $(ALL_CFLAGS) -I$(BUILD)/gen -fsanitize=fuzzer,address,undefined -o $@ $< $(CORE_OBJ) $(LIBS)

install: $(BIN) install-module
	install -d $(BINDIR) $(MANDIR) $(COMPDIR)
	install -m 755 $(BIN) $(BINDIR)/decarb
	install -m 644 docs/decarb.1 $(MANDIR)/decarb.1
	install -m 644 contrib/completion/decarb.bash $(COMPDIR)/decarb

# the module and its annotations: also what the rockspec's make backend
# installs (LuaRocks passes LUA_CMOD_DIR = its LIBDIR, PREFIX = the rock's folder)
install-module: $(SO)
	install -d $(LUADIR) $(SHAREDIR)/library $(SHAREDIR)/host
	install -m 644 $(SO) $(LUADIR)/decarb.so
	install -m 644 types/decarb.lua $(SHAREDIR)/library/decarb.lua
	install -m 644 types/host/globals.lua $(SHAREDIR)/host/globals.lua

uninstall:
	rm -f $(BINDIR)/decarb $(MANDIR)/decarb.1 $(LUADIR)/decarb.so $(COMPDIR)/decarb
	rm -f $(SHAREDIR)/library/decarb.lua $(SHAREDIR)/host/globals.lua
	rmdir $(SHAREDIR)/library $(SHAREDIR)/host $(SHAREDIR) 2>/dev/null || true

# the Debian package, built from this tree into ../decarb_*.deb (see debian/)
deb: deps
	dpkg-buildpackage -us -uc -b

clean:
	rm -rf build build-asan build-fault build-fuzz decarb decarb.so
