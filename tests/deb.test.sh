#!/bin/sh
# deb.test.sh — debian/ builds the package: `dpkg-buildpackage -us -uc -b`
# (what `make deb` runs) on a copy of this tree gives decarb_*.deb, which
# dpkg installs (into an empty root, so the test touches nothing of the
# machine); the installed decarb checks an installed example, and lua5.4
# loads the installed module.
set -e
root=$(pwd)
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
mkdir "$t/src"
# the tree as it is (new files too): dpkg-buildpackage builds in place, so
# never in the working tree itself. The build that `make test` made comes
# along (times kept) and -nc skips the clean, so the package's `make` has
# nothing to compile: this tests the packaging; `make deb` builds afresh.
tar -C "$root" --exclude=./.git --exclude=./build-asan --exclude=./debian/decarb \
    --exclude=./debian/.debhelper -cf - . | tar -C "$t/src" -xf -
if ! (cd "$t/src" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u CFLAGS -u LDFLAGS -u CC -u BUILD -u BIN DEB_BUILD_OPTIONS="noautodbgsym parallel=2" \
      dpkg-buildpackage -us -uc -b -nc) \
     > "$t/build.log" 2>&1; then
  tail -n 30 "$t/build.log"; exit 1
fi
deb=$(ls "$t"/decarb_*.deb)
dpkg-deb --field "$deb" Package | grep -qx decarb
r=$t/root
mkdir -p "$r/var/lib/dpkg/info" "$r/var/lib/dpkg/updates" "$r/var/log"
: > "$r/var/lib/dpkg/status"
dpkg --root="$r" --force-depends --force-script-chrootless -i "$deb" > "$t/install.log" 2>&1 ||
  { cat "$t/install.log"; exit 1; }
dpkg --root="$r" -s decarb | grep -qx 'Status: install ok installed'
for f in usr/bin/decarb usr/share/man/man1/decarb.1.gz usr/share/decarb/library/decarb.lua \
         usr/share/decarb/host/globals.lua usr/share/bash-completion/completions/decarb \
         usr/share/doc/decarb/examples/zhangye.lua; do
  test -e "$r/$f" || { echo "the package lacks /$f"; exit 1; }
done
# the Zhangye plan misses one target on purpose: exit 1, with the verdicts
rc=0; "$r/usr/bin/decarb" check "$r/usr/share/doc/decarb/examples/zhangye.lua" > "$t/check.out" || rc=$?
[ "$rc" -eq 1 ] || { echo "decarb check exited $rc, expected 1"; cat "$t/check.out"; exit 1; }
grep -q '✘' "$t/check.out" && grep -q '✔' "$t/check.out"
so=$r/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null)/lua/5.4
LUA_CPATH="$so/?.so" lua5.4 -e 'print(require("decarb").q"1 tce":to"kWh")' | grep -qx '8141 kWh'
