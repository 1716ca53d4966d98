"$DECARB" check --format junit check_junit.lua
