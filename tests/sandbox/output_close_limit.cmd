t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
cp output_close_limit.lua "$t/"
printf 'the old report\n' > "$t/report.txt"
"$DECARB" check --max-mem 64M --timeout 5 --output "$t/report.txt" "$t/output_close_limit.lua" 2> "$t/err"
echo "exit $?"
grep -q "memory limit of 64 MiB reached while closing the script" "$t/err" && echo "the limit's message"
cat "$t/report.txt"
ls "$t"
