# --output writes the whole report to the file, nothing to stdout; a file
# that cannot be written is exit 2 and leaves nothing behind
t=$(mktemp -d); "$DECARB" check --format json --output "$t/r.json" check_output.lua; rc=$?
echo "exit $rc"; python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["schema"], d["version"], d["summary"])' "$t/r.json"
{ "$DECARB" check --output "$t/no/such/dir/r.txt" check_output.lua; echo "exit $?"; } 2>&1 | sed "s|$t|TMP|"
ls "$t"; rm -rf "$t"
