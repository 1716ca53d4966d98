^strict_nan_sector\.lua:4: 'nan': emissions: not a number \(NaN\) in 2020; give a finite value for every year of the plan
