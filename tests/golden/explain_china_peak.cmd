"$DECARB" explain --target "non-fossil 20 % by 2025" ../../examples/china_peak.lua
