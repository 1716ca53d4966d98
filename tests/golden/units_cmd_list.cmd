"$DECARB" units
