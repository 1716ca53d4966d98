^strict_inf_bound\.lua:4: target 'cap': at_most is infinite; give a finite value
