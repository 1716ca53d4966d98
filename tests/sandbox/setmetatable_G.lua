-- the globals keep their guard
setmetatable(_G, nil)
