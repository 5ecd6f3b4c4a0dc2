# String building and dict lookups with string keys: word counts over generated text, `s +=`
# concatenation, join, f-strings and str methods.
def main():
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    counts = {}
    for i in range(3000000):
        w = words[i % 8] + str(i % 13)
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    total = 0
    for i in range(3000000):
        total += counts[words[i % 5] + str(i % 11)]
    s = ""
    for i in range(2000000):
        s += words[i & 7][0]
    parts = []
    for k in counts:
        parts.append(f"{k}={counts[k]}")
    text = ",".join(parts)
    print(len(counts), total, len(s), s.count("a"), len(text), text[:40])
    print(text.upper()[-30:], "gamma3" in counts, counts.get("omega", 0))


main()
