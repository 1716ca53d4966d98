t=$(mktemp -d); o=$(mktemp -d); trap 'rm -rf "$t" "$o"' EXIT
cp symlink_require.lua "$t/"
ln -s /etc/passwd "$t/outside.lua"
printf 'return {answer = "secret module"}\n' > "$o/mod.lua"
ln -s "$o" "$t/lib"
mkdir "$t/real"; printf 'return {answer = 42}\n' > "$t/real/near.lua"
ln -s real/near.lua "$t/near.lua"
"$DECARB" --timeout 2 --max-mem 64M "$t/symlink_require.lua" > "$t/out" 2>&1
rc=$?
grep -q 'root:' "$t/out" && echo "a byte of /etc/passwd was shown"
grep -q 'secret' "$t/out" && echo "a byte of the outside module was shown"
sed -e "s|$(cd "$t" && pwd -P)|TMP|g" -e "s|$(cd "$o" && pwd -P)|OUT|g" "$t/out"
exit $rc
