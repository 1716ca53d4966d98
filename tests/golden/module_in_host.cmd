"$DECARB" --unsafe module_in_host.lua "$(dirname "$DECARB")"
