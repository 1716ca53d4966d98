^strict_tolerance_negative_abs\.lua:4: target 'nz': tolerance must not be negative
