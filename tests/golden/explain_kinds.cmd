"$DECARB" explain explain_kinds.lua
