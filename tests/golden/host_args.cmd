"$DECARB" host_args.lua first "second word"
