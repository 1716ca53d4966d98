^check_fn\.lua:7: no data for 2023$
