"$DECARB" explain --format=json explain_json.lua
