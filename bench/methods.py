# Method calls and attribute access on instances: a small vector class and a particle
# updated in place, so that every step reads and writes attributes and calls methods.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel
        self.steps = 0

    def step(self, dt):
        self.pos = self.pos.add(self.vel.scale(dt))
        self.steps += 1

    def energy(self):
        return self.vel.dot(self.vel) * 0.5


def main():
    ps = [Particle(Vec(i, -i), Vec(1, i % 7)) for i in range(100)]
    total = 0
    for _ in range(24000):
        for p in ps:
            p.step(2)
            total += p.energy()
    x = 0
    for p in ps:
        x += p.pos.x + p.pos.y + p.steps
    print(total, x)


main()
