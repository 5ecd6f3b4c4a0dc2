# Numeric literal edge cases next to operators and attribute access.
print((1).real, 1 .real, 1.0.real, 0x10 .bit_length())
print(1e1, 1E-1, 1.e1, 10e0, 0e-0, 1_0.0_1)
print(0o10 + 0b10 + 0x10 + 10, 0x_1_0)
print(-1, - 1, +1, --1, -(-1), 1-1, 1--1, 1+-1)
print(2**3**0, 2**-1, 10//3, 10%3, 10/4)
print(1<2, 1>2, 1<=1, 1>=2, 1==1.0, 1!=1)
print(0.1+0.2, 1e-3*1e3, 9_999_999 + 1)
print(100000000000000000000.0, 1e21 == 10.0**21, 0.1e1)
