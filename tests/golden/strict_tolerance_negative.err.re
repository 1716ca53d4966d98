^strict_tolerance_negative\.lua:4: target 'peak': tolerance = -5 % is outside \[0 %, 100 %\] \(give a fraction in \[0, 1\] or a percentage such as "20 %"\)
