^interrupted$
