# Character statistics over a multilingual text, with str methods and dicts.
text = "Hello, Wörld! Привет, мир! 你好，世界！ 123"
letters = [c for c in text if c.isalpha()]
digits = [c for c in text if c.isdigit()]
print(len(text), len(letters), len(digits), text.count(" "))
print("".join(c for c in text if c.isupper()), text.lower())
freq = {}
for c in text.lower():
    if c.isalpha():
        freq[c] = freq.get(c, 0) + 1
common = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(common)
words = text.split()
print(words, [len(w) for w in words])
print(text[7:12], text[-3:], text.find("мир"), text.index("世"))
print(" ".join(w[::-1] for w in words))
