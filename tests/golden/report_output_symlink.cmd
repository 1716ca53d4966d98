# --output through a symbolic link writes the link's target and keeps the link
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
printf 'old\n' > "$t/target.txt"; ln -s target.txt "$t/link.txt"
"$DECARB" check --output "$t/link.txt" check_text.lua > /dev/null 2>&1
echo "exit $?"
[ -L "$t/link.txt" ] && echo "the link is still a link"
grep -q "old" "$t/target.txt" || echo "the target holds the report"
ls "$t"
