"$DECARB" check --format json ../../examples/china_peak.lua
