$DECARB --timeout 20 --max-mem 16M plan_mem_desc.lua
