^safe_reenter_scenario\.lua:4: cannot change plan 'r' while it is being evaluated
