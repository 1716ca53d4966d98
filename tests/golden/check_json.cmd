"$DECARB" check --format json check_json.lua
