-- Twin of methods.py: a vector class and particles, with method calls and field access.
local Vec = {}
Vec.__index = Vec
function Vec.new(x, y) return setmetatable({x = x, y = y}, Vec) end
function Vec:add(o) return Vec.new(self.x + o.x, self.y + o.y) end
function Vec:scale(k) return Vec.new(self.x * k, self.y * k) end
function Vec:dot(o) return self.x * o.x + self.y * o.y end

local Particle = {}
Particle.__index = Particle
function Particle.new(pos, vel) return setmetatable({pos = pos, vel = vel, steps = 0}, Particle) end
function Particle:step(dt)
  self.pos = self.pos:add(self.vel:scale(dt))
  self.steps = self.steps + 1
end
function Particle:energy() return self.vel:dot(self.vel) * 0.5 end

local ps = {}
for i = 0, 99 do ps[#ps + 1] = Particle.new(Vec.new(i, -i), Vec.new(1, i % 7)) end
local total = 0
for _ = 1, 24000 do
  for _, p in ipairs(ps) do
    p:step(2)
    total = total + p:energy()
  end
end
local x = 0
for _, p in ipairs(ps) do x = x + p.pos.x + p.pos.y + p.steps end
print(total, x)
