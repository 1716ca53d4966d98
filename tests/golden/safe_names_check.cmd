$DECARB check safe_names_check.lua
