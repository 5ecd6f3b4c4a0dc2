# Stepped by tests/demo/run.sh with `ouro --step --no-pause` (expected: step_containers.steps);
# run plainly by the test suite like any other test.
#: Atoms are shown by value; containers become numbered nodes.
x = 42; label = 'heap'
#: A list holding another list and a tuple.
inner = [1, 2]
outer = [inner, (3, 'four'), None]
#: A dict whose values include a container.
table = {'a': 1, 'inner': inner}
#: Rebinding a name frees what only it kept alive.
outer = None
print(len(table), inner)
#: A function is a definition: named, not drawn.
def double(n):
    return 2 * n
print(double(x))
