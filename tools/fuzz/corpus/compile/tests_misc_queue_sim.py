# A round-robin scheduler simulation with lists used as queues.
tasks = [("a", 3), ("b", 1), ("c", 4), ("d", 2)]
queue = list(tasks)
time_ = 0
finished = []
while queue:
    name, left = queue.pop(0)
    time_ += 1
    left -= 1
    if left:
        queue.append((name, left))
    else:
        finished.append((name, time_))
print(finished, time_)
stack = []
for ch in "(a[b]{c}(d))":
    if ch in "([{":
        stack.append(ch)
    elif ch in ")]}":
        opener = stack.pop()
        print(opener + ch, end=" ")
print(len(stack))
def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = []
    for c in s:
        if c in "([{":
            st.append(c)
        elif c in pairs:
            if not st or st.pop() != pairs[c]:
                return False
    return not st
print([balanced(s) for s in ["()", "([)]", "{[]}", "((", ""]])
