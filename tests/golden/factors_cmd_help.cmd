"$DECARB" factors --help
