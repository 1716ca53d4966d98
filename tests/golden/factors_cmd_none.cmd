"$DECARB" factors xyzzy
