# List sorting and slicing: numbers from a linear congruential generator, sorted plainly, with
# a key, reversed, and cut into slices.
def lcg_list(n, seed):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % 100000)
    return out


def main():
    total = 0
    for r in range(20):
        data = lcg_list(50000, r + 1)
        a = sorted(data)
        b = sorted(data, key=lambda v: -v)
        data.sort(reverse=True)
        c = a[::2] + b[1::2]
        c.sort()
        mid = a[1000:-1000]
        total += a[0] + a[-1] + b[0] + c[len(c) // 2] + len(mid) + mid[123] + data[7]
        for i in range(0, len(a) - 100, 100):
            total += sum(a[i:i + 10]) - sum(b[i:i + 10])
    pairs = [(v % 97, v) for v in lcg_list(60000, 42)]
    pairs.sort()
    words = [str(v) for v in lcg_list(40000, 7)]
    words.sort()
    print(total, pairs[0], pairs[-1], words[:3], words[-1])


main()
