"$DECARB" diff diff_old.lua diff_new.lua
