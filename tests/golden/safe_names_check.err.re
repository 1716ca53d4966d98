^safe_names_check\.lua:5: p:target\{\.\.\.\}: its name must be printable text, without control characters \(such as ESC, CR, BEL or NUL\) and in valid UTF-8; it has the control character 0x1B$
