print("a byte order mark is skipped")
