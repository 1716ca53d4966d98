"$DECARB" factors CN-GS
