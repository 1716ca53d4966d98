"$DECARB" diff diff_old.lua diff_more.lua
