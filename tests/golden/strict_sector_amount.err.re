^strict_sector_amount\.lua:4: sector 'amount': emissions must be a rate of emissions such as "1\.2 MtCO2e/yr"; this one is an amount of emissions without a per year
