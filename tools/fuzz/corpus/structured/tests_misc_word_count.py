# Word frequencies with dicts and sorting by (-count, word).
text = """the quick brown fox jumps over the lazy dog the dog barks
and the fox runs away quick quick"""
counts = {}
for word in text.split():
    counts[word] = counts.get(word, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in top[:5]:
    print(f"{word:<6}{n:>3}")
print(len(counts), sum(counts.values()))
by_len = {}
for w in counts:
    by_len.setdefault(len(w), []).append(w)
for k in sorted(by_len):
    print(k, sorted(by_len[k]))
