"$DECARB" check --no-color report_cjk_names.lua
