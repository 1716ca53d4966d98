#!/bin/sh
# rockspec.test.sh — `luarocks make --tree` with decarb-*.rockspec, on a copy
# of this tree, installs decarb.so (and its annotations) into a temporary
# tree from which lua5.4 loads it; the rockspec's version, debian/changelog's
# and `decarb --version` agree.
set -e
root=$(pwd)
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
spec=$(ls decarb-*.rockspec)
v=$(./decarb --version | sed -n 's/^decarb \([0-9.]*\) .*/\1/p')
[ "$spec" = "decarb-$v-1.rockspec" ] || { echo "$spec does not match decarb $v"; exit 1; }
grep -q "^version = \"$v-1\"$" "$spec" || { echo "$spec: version is not $v-1"; exit 1; }
head -n 1 debian/changelog | grep -q "^decarb ($v-1)" || { echo "debian/changelog is not at $v-1"; exit 1; }
mkdir "$t/src"
# the tree with the build `make test` made (times kept), so that the make
# backend finds its objects up to date and only links and installs
tar -C "$root" --exclude=./.git --exclude=./build-asan --exclude=./debian -cf - . | tar -C "$t/src" -xf -
if ! (cd "$t/src" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u CFLAGS -u LDFLAGS -u CC -u BUILD -u BIN HOME=$t luarocks --lua-version=5.4 make --tree "$t/tree" "$spec") > "$t/log" 2>&1; then
  tail -n 30 "$t/log"; exit 1
fi
test -f "$t/tree/lib/lua/5.4/decarb.so"
test -f "$t/tree/lib/luarocks/rocks-5.4/decarb/$v-1/share/decarb/library/decarb.lua"
eval "$(HOME=$t luarocks --lua-version=5.4 --tree "$t/tree" path)"
cd "$t"
lua5.4 -e 'print(require("decarb").q"1 tce":to"kWh")' | grep -qx '8141 kWh'
lua5.4 -e 'print(package.searchpath("decarb", package.cpath))' | grep -q "^$t/tree/"
