^mc_capacity_point\.lua:6: capacity 'wind': \[2025\] = uncertain\{\.\.\.\}: a point of a capacity cannot be uncertain .*give capacity = uncertain\{\.\.\.\} \(one value for every year\)
