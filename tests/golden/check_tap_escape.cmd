"$DECARB" check --format tap check_tap_escape.lua | od -c | grep -c "\\\\r"; "$DECARB" check --format tap check_tap_escape.lua | sed -n 3,4p
