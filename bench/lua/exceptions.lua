-- Twin of exceptions.py: error() caught by pcall.
local function check(i)
  if i % 3 == 0 then error({code = i}) end
  return i
end
local d = {[1] = 10, [2] = 20}
local function lookup(k) local v = d[k] if v == nil then return -1 end return v end
local caught, total, fin = 0, 0, 0
for i = 0, 1549999 do
  local ok, r = pcall(check, i)
  if ok then total = total + r else caught = caught + 1; total = total + r.code end
  total = total + lookup(i & 3)
  local ok2, r2 = pcall(function()
    local ok3, r3 = pcall(function()
      if i & 1 == 0 then error("division by zero") end
      return 10 // (i & 1)
    end)
    fin = fin + 1
    if not ok3 then error(r3, 0) end
    return r3
  end)
  if ok2 then total = total + r2 else caught = caught + 1 end
end
print(caught, total, fin)
