t=$(mktemp -d); e=$(mktemp -d); trap 'rm -rf "$t" "$e"' EXIT
chmod 755 "$t"
cp output_full.lua "$t/"; chmod 644 "$t/output_full.lua"
printf 'the old report\n' > "$t/report.json"
# a full disk: writes past 4 KiB fail with EFBIG (SIGXFSZ ignored)
( trap '' XFSZ; ulimit -f 8; "$DECARB" check --format json --output "$t/report.json" "$t/output_full.lua" ) 2> "$e/err"
echo "full disk: exit $?"
grep -q "cannot write the report to $t/report.json" "$e/err" && echo "full disk: message names the file"
cat "$t/report.json"
ls "$t"
# /dev/full, as an unprivileged user (as root, decarb check would rename its
# temporary file over the device node today: see the report of issue 10)
if [ "$(id -u)" = 0 ]; then as="setpriv --reuid=65534 --regid=65534 --clear-groups"; else as=""; fi
$as "$DECARB" check --format json --output /dev/full "$t/output_full.lua" 2> "$e/err"
echo "/dev/full: exit $?"
grep -q "cannot write the report to /dev/full" "$e/err" && echo "/dev/full: message names it"
[ -c /dev/full ] && echo "/dev/full is still a device"
