"$DECARB" factors raw coal
