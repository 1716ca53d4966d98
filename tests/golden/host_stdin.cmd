echo "print(\"from stdin\", 6 * 7)" | "$DECARB"; echo "print(1)" | "$DECARB" -
