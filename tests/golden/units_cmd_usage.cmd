"$DECARB" units a b c
