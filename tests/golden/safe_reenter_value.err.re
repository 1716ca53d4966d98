^safe_reenter_value\.lua:8: cannot evaluate plan 'r' while it is being evaluated \(a function metric gets the earlier metrics of the year as its second argument\)
