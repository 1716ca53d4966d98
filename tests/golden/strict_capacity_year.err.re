^strict_capacity_year\.lua:4: capacity 'PV': \[2040\] is outside the plan's years 2020-2030 \(give capacity for years of the plan\)
