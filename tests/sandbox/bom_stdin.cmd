{ printf '\357\273\277'; cat bom_stdin.lua; } | "$DECARB" --timeout 2 -
