"$DECARB" check ../../examples/china_peak.lua
