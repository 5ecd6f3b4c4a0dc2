# Indentation: blocks nested at different depths, dedent by several levels at once,
# mixed indentation widths in separate blocks, and blank/comment lines that do not count.
def f(n):
    if n > 0:
        if n > 10:
                return "big"

        # A comment at a different indentation does not affect blocks.
    # Nor does this one.
        return "small"
    return "non-positive"


print(f(20), f(3), f(-1))

for i in range(3):
  for j in range(2):
   print(i, j, end=" ")
print()

if True:
	print("tab indented")
	if 1:
		print("two tabs")
print("done")
while False: pass
if True: print("simple suite on one line"); print("second statement")
class C: x = 1
print(C.x)
