"$DECARB" explain explain_energy.lua
