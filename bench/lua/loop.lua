local function main()
  local total = 0
  local i = 0
  while i < 22500000 do
    total = total + (i & 7)
    i = i + 1
  end
  print(total)
end
main()
