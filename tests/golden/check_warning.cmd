"$DECARB" check --format junit check_warning.lua && "$DECARB" check --no-color check_warning.lua
