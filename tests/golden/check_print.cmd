"$DECARB" check --format json check_print.lua | python3 -c 'import json, sys; d = json.load(sys.stdin); print(d["schema"], d["summary"]["met"], "of", d["summary"]["targets"], "met")'
