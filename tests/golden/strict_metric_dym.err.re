^strict_metric_dym\.lua:5: metric 'GDPP' does not exist \(did you mean 'GDP'\?\)
