-- Twin of gccycles.py: 2.8 million pairs of tables pointing at each other.
local function person(name, age) return {name = name, age = age, friend = false} end
local total, keep = 0, {}
for i = 0, 2799999 do
  local a = person("a", i)
  local b = person("b", i + 1)
  a.friend = b
  b.friend = a
  total = total + a.friend.age - b.friend.age
  if i % 100000 == 0 then keep[#keep + 1] = a end
end
print(total, #keep, keep[#keep].friend.age)
