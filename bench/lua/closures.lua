-- Twin of closures.py: counters in upvalues, adders, composition, map/filter by hand.
local function make_counter()
  local n = 0
  return function(k) n = n + k; return n end
end
local function make_adder(k) return function(x) return x + k end end
local function compose(f, g) return function(x) return f(g(x)) end end
local function apply_n(f, n, x) for _ = 1, n do x = f(x) end return x end
local function map(f, t) local r = {} for i = 1, #t do r[i] = f(t[i]) end return r end
local function filter(f, t) local r = {} for i = 1, #t do if f(t[i]) then r[#r + 1] = t[i] end end return r end
local c = make_counter()
for i = 0, 5399999 do c(i & 3) end
local add3 = make_adder(3)
local double = function(x) return x * 2 % 1000003 end
local r = apply_n(compose(add3, double), 5400000, 1)
local total = 0
local base = {}
for i = 1, 1000 do base[i] = i - 1 end
for i = 0, 1799 do
  local xs = map(make_adder(i), base)
  local ys = filter(function(v) return v % 3 == 0 end, xs)
  total = total + #ys + math.max(table.unpack(ys))
end
print(c(0), r, total)
