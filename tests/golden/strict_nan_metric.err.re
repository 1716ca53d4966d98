^strict_nan_metric\.lua:4: 'bad': values: not a number \(NaN\) in 2020; give a finite value for every year of the plan
