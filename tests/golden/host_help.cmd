"$DECARB" --help | head -n 1; "$DECARB" -h | grep -c "exit codes"; "$DECARB" --version | grep -Ec "^decarb [0-9]+\.[0-9]+\.[0-9]+ \(Lua 5\.4\.[0-9]+\)$"
