^strict_sector_power\.lua:4: sector 'power plant': emissions must be a rate of emissions such as "1\.2 MtCO2e/yr"; this one is power
