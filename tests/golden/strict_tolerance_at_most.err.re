^strict_tolerance_at_most\.lua:4: target 'cap': tolerance = has no meaning for at_most/at_least targets and would be ignored \(tolerance = is for peak_by and net_zero\)
