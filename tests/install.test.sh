#!/bin/sh
# install.test.sh — make install / uninstall honour PREFIX and DESTDIR.
set -e
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
make --no-print-directory -s install DESTDIR="$d" PREFIX=/opt/dc >/dev/null
test -x "$d/opt/dc/bin/decarb"
test -f "$d/opt/dc/share/man/man1/decarb.1"
"$d/opt/dc/bin/decarb" -e 'print("installed")' | grep -qx installed
make --no-print-directory -s uninstall DESTDIR="$d" PREFIX=/opt/dc >/dev/null
test ! -e "$d/opt/dc/bin/decarb"
test ! -e "$d/opt/dc/share/man/man1/decarb.1"
