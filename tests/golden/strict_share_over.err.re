^strict_share_over\.lua:5: target 'PV share': at_least = 130 % is outside \[0 %, 100 %\] \(give a fraction in \[0, 1\] or a percentage such as "20 %"\)
