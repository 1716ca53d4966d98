"$DECARB" units "1 tCO2e" tCO2
