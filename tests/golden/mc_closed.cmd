"$DECARB" check --samples 2000 --seed 7 mc_closed.lua > a.txt && "$DECARB" check --samples 2000 --seed 7 mc_closed.lua | cmp - a.txt && cat a.txt; rm -f a.txt
