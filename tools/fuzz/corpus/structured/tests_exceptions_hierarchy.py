# The builtin exception hierarchy, checked with issubclass and __mro__.
pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (ArithmeticError, Exception), (KeyError, LookupError), (IndexError, LookupError),
    (LookupError, Exception), (UnboundLocalError, NameError), (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError), (ModuleNotFoundError, ImportError),
    (FileNotFoundError, OSError), (IndentationError, SyntaxError), (TabError, IndentationError),
    (StopIteration, Exception), (SystemExit, BaseException), (SystemExit, Exception),
    (KeyboardInterrupt, Exception), (Exception, BaseException), (TypeError, ValueError),
    (AssertionError, Exception), (AttributeError, Exception), (EOFError, Exception),
    (UnicodeError, ValueError), (DeprecationWarning, Warning), (Warning, Exception),
]
for sub, base in pairs:
    print(sub.__name__, base.__name__, issubclass(sub, base))
print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in TabError.__mro__])
print(BaseException.__bases__, Exception.__base__.__name__)
