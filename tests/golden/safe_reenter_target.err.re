^safe_reenter_target\.lua:5: cannot change plan 'r' while it is being evaluated
