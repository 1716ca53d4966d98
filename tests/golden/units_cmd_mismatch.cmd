"$DECARB" units "1 tce" kg
