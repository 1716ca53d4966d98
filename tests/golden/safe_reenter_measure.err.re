^safe_reenter_measure\.lua:7: cannot change plan 'r' while it is being evaluated
