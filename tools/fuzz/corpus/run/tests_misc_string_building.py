# Building strings: join, repeated concatenation, formatting tables, reversing words.
rows = [("apple", 3, 1.25), ("banana", 12, 0.5), ("cherry", 100, 10.0)]
print("%-8s %5s %8s" % ("item", "qty", "price"))
for name, qty, price in rows:
    print("%-8s %5d %8.2f" % (name, qty, price))
total = sum(q * p for _, q, p in rows)
print("total: {:.2f}".format(total))
s = ""
for i in range(10):
    s += str(i)
print(s, len(s))
sentence = "the quick brown fox"
print(" ".join(reversed(sentence.split())), " ".join(w[::-1] for w in sentence.split()))
print(sentence.title().replace(" ", ""), "_".join(sentence.upper().split()))
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in sentence)
print(caesar)
print("-" * 20)
print("|" + "=" * 5 + "|" + " " * 3 + "|")
