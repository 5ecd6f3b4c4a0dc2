-- Twin of strdict.py: word counts with string keys, string building, concatenation, join.
local words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
local counts, order = {}, {}
for i = 0, 2999999 do
  local w = words[i % 8 + 1] .. tostring(i % 13)
  if counts[w] then counts[w] = counts[w] + 1 else counts[w] = 1; order[#order + 1] = w end
end
local total = 0
for i = 0, 2999999 do total = total + counts[words[i % 5 + 1] .. tostring(i % 11)] end
local parts = {}
for i = 0, 1999999 do parts[#parts + 1] = words[(i & 7) + 1]:sub(1, 1) end
local s = table.concat(parts)
local _, na = s:gsub("a", "")
local kv = {}
for _, k in ipairs(order) do kv[#kv + 1] = k .. "=" .. counts[k] end
local text = table.concat(kv, ",")
print(#order, total, #s, na, #text, text:sub(1, 40))
print(text:upper():sub(-30), counts["gamma3"] ~= nil, counts["omega"] or 0)
