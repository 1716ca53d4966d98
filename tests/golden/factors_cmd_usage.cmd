"$DECARB" factors --bogus
