# Multi-character operator tokens and their neighbours without spaces.
a=5;b=3
print(a+b,a-b,a*b,a/b,a//b,a%b,a**b)
print(a<<b,a>>1,a&b,a|b,a^b,~a)
print(a<b,a>b,a<=b,a>=b,a==b,a!=b)
print(-a,+a,--a,-+-a,not a)
x=1
x+=1;x-=1;x*=6;x//=4;x**=2;x%=7;x<<=3;x>>=1;x|=1;x&=13;x^=2
print(x)
print(2**-1, -2**2, (-2)**2)
print(1 if a else 2)
print([1,2,3][1:],[1,2,3][::2])
print({1:2}[1])
print(a is not b, a not in [b], 1<2<3)
