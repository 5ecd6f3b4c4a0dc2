-- Twin of binarytrees.py: trees of two-element tables.
local function make(d)
  if d == 0 then return {false, false} end
  d = d - 1
  return {make(d), make(d)}
end
local function check(t)
  if not t[1] then return 1 end
  return 1 + check(t[1]) + check(t[2])
end
local n, reps = 14, 4
local mind = 4
local maxd = math.max(mind + 2, n)
local stretch = maxd + 1
print(string.format("stretch tree of depth %d\t check: %d", stretch, check(make(stretch))))
local long_lived = make(maxd)
for d = mind, maxd, 2 do
  local iters = reps * 2 ^ (maxd - d + mind)
  local c = 0
  for _ = 1, iters do c = c + check(make(d)) end
  print(string.format("%d\t trees of depth %d\t check: %d", iters, d, c))
end
print(string.format("long lived tree of depth %d\t check: %d", maxd, check(long_lived)))
