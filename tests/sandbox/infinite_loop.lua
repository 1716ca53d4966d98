-- a bare infinite loop ends at the time limit
while true do end
