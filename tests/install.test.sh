#!/bin/sh
# install.test.sh — make install / uninstall honour PREFIX and DESTDIR: the
# binary, the man page, the Lua module (loadable by lua5.4 from there), the
# LuaLS annotations and the bash completion.
set -e
# the plain build, also under `make asan` (whose variables would otherwise
# reach this make: lua5.4 cannot load an ASan-built module)
clean_make() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u CFLAGS -u LDFLAGS -u CC -u BUILD -u BIN make "$@"; }
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
clean_make --no-print-directory -s install DESTDIR="$d" PREFIX=/opt/dc >/dev/null
test -x "$d/opt/dc/bin/decarb"
test -f "$d/opt/dc/share/man/man1/decarb.1"
test -f "$d/opt/dc/share/decarb/library/decarb.lua"
test -f "$d/opt/dc/share/decarb/host/globals.lua"
test -f "$d/opt/dc/share/bash-completion/completions/decarb"
"$d/opt/dc/bin/decarb" -e 'print("installed")' | grep -qx installed
LUA_CPATH="$d/opt/dc/lib/lua/5.4/?.so" lua5.4 -e 'print(require("decarb").q"1 tce":to"kWh")' | grep -qx '8141 kWh'
clean_make --no-print-directory -s uninstall DESTDIR="$d" PREFIX=/opt/dc >/dev/null
test ! -e "$d/opt/dc/bin/decarb"
test ! -e "$d/opt/dc/share/man/man1/decarb.1"
test ! -e "$d/opt/dc/lib/lua/5.4/decarb.so"
test ! -e "$d/opt/dc/share/decarb"
test ! -e "$d/opt/dc/share/bash-completion/completions/decarb"
