def main():
    total = 0
    i = 0
    while i < 22500000:
        total += i & 7
        i += 1
    print(total)


main()
