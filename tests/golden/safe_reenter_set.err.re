^safe_reenter_set\.lua:5: cannot change plan 'r' while it is being evaluated
