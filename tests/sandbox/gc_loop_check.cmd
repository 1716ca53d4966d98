# the time limit covers closing the state under check too: ends within 2 s + 1
start=$(date +%s)
"$DECARB" check --timeout 2 --format csv gc_loop_check.lua >/dev/null; rc=$?
end=$(date +%s)
[ $((end - start)) -le 3 ] || echo "took $((end - start)) s"
exit $rc
