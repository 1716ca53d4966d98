^safe_reenter_metric\.lua:4: cannot change plan 'r' while it is being evaluated
