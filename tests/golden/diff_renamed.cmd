"$DECARB" diff diff_old.lua diff_renamed.lua
