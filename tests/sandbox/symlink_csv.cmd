t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
cp symlink_csv.lua "$t/"
mkdir "$t/data"; printf 'year,v\n2020,1\n2021,2\n' > "$t/data/real.csv"
ln -s data/real.csv "$t/inside.csv"
ln -s /proc/self/environ "$t/env.csv"
ln -s /etc "$t/sub"
SECRET_MARK=do-not-print-me "$DECARB" --timeout 2 --max-mem 64M "$t/symlink_csv.lua" > "$t/out" 2>&1
rc=$?
grep -q do-not-print-me "$t/out" && echo "a byte of the environment was shown"
grep -q 'root:' "$t/out" && echo "a byte of /etc/passwd was shown"
real=$(cd "$t" && pwd -P)
sed -e "s|$real|TMP|g" -e 's|/proc/[0-9]*/environ|/proc/PID/environ|' "$t/out"
exit $rc
