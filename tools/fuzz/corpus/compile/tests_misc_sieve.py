# Sieve of Eratosthenes and some prime statistics.
def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    i = 2
    while i * i <= n:
        if is_prime[i]:
            for j in range(i * i, n + 1, i):
                is_prime[j] = False
        i += 1
    return [i for i, p in enumerate(is_prime) if p]
primes = sieve(1000)
print(len(primes), primes[:10], primes[-3:], sum(primes))
gaps = [b - a for a, b in zip(primes, primes[1:])]
print(max(gaps), gaps.count(2))
twin = [(a, b) for a, b in zip(primes, primes[1:]) if b - a == 2]
print(twin[:5], len(twin))
