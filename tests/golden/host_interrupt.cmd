"$DECARB" -e "while true do end" & pid=$!; sleep 0.5; kill -INT $pid; wait $pid; echo "exit $?"
