"$DECARB" check --no-color check_text.lua
