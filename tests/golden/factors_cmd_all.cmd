"$DECARB" factors
