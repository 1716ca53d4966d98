^strict_nan_fn\.lua:4: metric 'ratio': its function returned for 2020 a value that is NaN \(return a finite quantity\)
