# Sorting: key functions, reverse, stability, mixed int/float, errors.
words = ["banana", "Apple", "cherry", "date", "Elder", "fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
recs = [("ann", 30), ("bob", 25), ("cid", 30), ("dee", 25), ("eve", 35)]
recs.sort(key=lambda r: r[1])
print(recs)
nums = [3, -1.5, 2, 0, -7, 2.0, 1]
nums.sort()
print(nums)
print(sorted(nums, key=abs), sorted([], reverse=True), sorted("zyx"))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
big = list(range(100, 0, -3))
big.sort()
print(big[:5], big[-5:], len(big))
print(sorted([[2, 1], [1, 2], [1]]))
print(sorted({3: "c", 1: "a", 2: "b"}.items(), key=lambda kv: kv[1], reverse=True))
