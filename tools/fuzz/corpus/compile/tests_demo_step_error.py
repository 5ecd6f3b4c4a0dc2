# Stepped by tests/demo/run.sh (expected: step_error.steps): an uncaught exception stops the
# stepping with the usual traceback and exit status 1.
numbers = [1, 2, 3]
print(numbers[1])
print(numbers[5])
print('never printed')
