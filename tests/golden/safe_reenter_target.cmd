$DECARB check safe_reenter_target.lua
