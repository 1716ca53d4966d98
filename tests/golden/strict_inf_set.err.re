^strict_inf_set\.lua:5: measure 'm': abates must be a finite value, not inf
