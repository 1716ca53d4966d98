"$DECARB" units "1 Nm3" m3
