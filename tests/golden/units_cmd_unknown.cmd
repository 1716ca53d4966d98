"$DECARB" units "3 kwh" MWh
