"$DECARB" diff diff_old.lua diff_old.lua
