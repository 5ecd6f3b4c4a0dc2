# sorting: stability with reverse, key errors, list mutation during sort, custom __lt__ only
data = [("b", 1), ("a", 2), ("c", 1), ("d", 2), ("e", 1)]
print(sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted("hello", reverse=True), sorted([1.5, -2, 0, True]))
words = "The quick Brown fox Jumps over the Lazy dog".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
try:
    sorted([1, 2, 3], key=lambda v: 1 / (v - 2))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
lst = [5, 3, 1]
def evil(v):
    lst.append(v)
    return v
try:
    lst.sort(key=evil)
except ValueError as e:
    print("ValueError:", e)
print(sorted(lst) if len(lst) < 10 else "long")
class V:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"V{self.v}"
vs = [V(3), V(1), V(2), V(1)]
vs.sort()
print(vs, sorted(vs, reverse=True), min(vs), max(vs))
recs = [{"n": "x", "a": 30}, {"n": "y", "a": 25}, {"n": "z", "a": 30}]
recs.sort(key=lambda r: (-r["a"], r["n"]))
print([r["n"] for r in recs])
print(sorted({"b": 2, "a": 1}.items(), key=lambda kv: kv[1], reverse=True), sorted([[2, 1], [1, 2], [1]]), sorted([(1, None), (0, None)]))
nums = list(range(20, 0, -3))
nums.sort(key=lambda n: n % 4)
print(nums)
