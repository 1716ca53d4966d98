"$DECARB" --timeout 0.3 -e 'for i = 1, 3 do print(i) end while true do end' | cat
