# Case methods and predicates.
s = "Hello, World! straße 123"
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize())
print("hELLO wORLD".capitalize(), "they're bill's".title(), "".upper())
print("abc".isalpha(), "ab1".isalpha(), "123".isdigit(), "12a".isdigit(), "".isdigit())
print("abc123".isalnum(), "abc 123".isalnum(), "   ".isspace(), " x ".isspace(), "".isspace())
print("ABC".isupper(), "AbC".isupper(), "abc".islower(), "abc1".islower(), "123".islower())
print("Hello World".istitle(), "Hello world".istitle(), "x".isidentifier(), "1x".isidentifier())
print("١٢٣".isdigit(), "٣".isdecimal(), "²".isdigit(), "²".isdecimal(), "½".isnumeric())
print("ÀÉÎ".lower(), "àéî".upper(), "ΑΒΓ".lower())
print("abc".casefold(), "ß".casefold())
