^strict_reduce_zero\.lua:4: target 'cut': reduce = 0 is outside \(0 %, 100 %\] \(give a fraction in \(0, 1\] or a percentage such as "20 %"\)
