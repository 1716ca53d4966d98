^strict_target_dup\.lua:5: target 'cap' is defined twice \(give each target its own name\)
