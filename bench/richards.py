# Richards: Martin Richards' operating-system simulation (an object-oriented benchmark):
# tasks of four kinds pass packets through a scheduler via polymorphic method calls.
I_IDLE, I_WORK, I_HANDLERA, I_HANDLERB, I_DEVA, I_DEVB = 1, 2, 3, 4, 5, 6
K_DEV, K_WORK = 1000, 1001
BUFSIZE = 4
BUFSIZE_RANGE = range(BUFSIZE)


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        nxt = p.link
        while nxt is not None:
            p = nxt
            nxt = p.link
        p.link = self
        return lst


class DeviceTaskRec:
    def __init__(self):
        self.pending = None


class IdleTaskRec:
    def __init__(self):
        self.control = 1
        self.count = 10000


class HandlerTaskRec:
    def __init__(self):
        self.work_in = None
        self.device_in = None

    def work_in_add(self, p):
        self.work_in = p.append_to(self.work_in)
        return self.work_in

    def device_in_add(self, p):
        self.device_in = p.append_to(self.device_in)
        return self.device_in


class WorkerTaskRec:
    def __init__(self):
        self.destination = I_HANDLERA
        self.count = 0


class TaskState:
    def __init__(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False

    def packet_pending_state(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False
        return self

    def waiting(self):
        self.packet_pending = False
        self.task_waiting = True
        self.task_holding = False
        return self

    def running(self):
        self.packet_pending = False
        self.task_waiting = False
        self.task_holding = False
        return self

    def waiting_with_packet(self):
        self.packet_pending = True
        self.task_waiting = True
        self.task_holding = False
        return self

    def is_task_holding_or_waiting(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def is_waiting_with_packet(self):
        return self.packet_pending and self.task_waiting and not self.task_holding


class WorkArea:
    def __init__(self):
        self.task_tab = [None] * 10
        self.task_list = None
        self.hold_count = 0
        self.qpkt_count = 0


area = WorkArea()


class Task(TaskState):
    def __init__(self, i, p, w, initial, r):
        self.link = area.task_list
        self.ident = i
        self.priority = p
        self.input = w
        self.packet_pending = initial.packet_pending
        self.task_waiting = initial.task_waiting
        self.task_holding = initial.task_holding
        self.handle = r
        area.task_list = self
        area.task_tab[i] = self

    def fn(self, pkt, r):
        raise NotImplementedError

    def add_packet(self, p, old):
        if self.input is None:
            self.input = p
            self.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            p.append_to(self.input)
        return old

    def run_task(self):
        if self.is_waiting_with_packet():
            msg = self.input
            self.input = msg.link
            if self.input is None:
                self.running()
            else:
                self.packet_pending_state()
        else:
            msg = None
        return self.fn(msg, self.handle)

    def wait_task(self):
        self.task_waiting = True
        return self

    def hold(self):
        area.hold_count += 1
        self.task_holding = True
        return self.link

    def release(self, i):
        t = self.find_tcb(i)
        t.task_holding = False
        if t.priority > self.priority:
            return t
        return self

    def qpkt(self, pkt):
        t = self.find_tcb(pkt.ident)
        area.qpkt_count += 1
        pkt.link = None
        pkt.ident = self.ident
        return t.add_packet(pkt, self)

    def find_tcb(self, ident):
        t = area.task_tab[ident]
        if t is None:
            raise Exception("Bad task id %d" % ident)
        return t


class DeviceTask(Task):
    def fn(self, pkt, r):
        if pkt is None:
            pkt = r.pending
            if pkt is None:
                return self.wait_task()
            r.pending = None
            return self.qpkt(pkt)
        r.pending = pkt
        return self.hold()


class HandlerTask(Task):
    def fn(self, pkt, r):
        if pkt is not None:
            if pkt.kind == K_WORK:
                r.work_in_add(pkt)
            else:
                r.device_in_add(pkt)
        work = r.work_in
        if work is None:
            return self.wait_task()
        count = work.datum
        if count >= BUFSIZE:
            r.work_in = work.link
            return self.qpkt(work)
        dev = r.device_in
        if dev is None:
            return self.wait_task()
        r.device_in = dev.link
        dev.datum = work.data[count]
        work.datum = count + 1
        return self.qpkt(dev)


class IdleTask(Task):
    def fn(self, pkt, r):
        r.count -= 1
        if r.count == 0:
            return self.hold()
        if r.control & 1 == 0:
            r.control //= 2
            return self.release(I_DEVA)
        r.control = r.control // 2 ^ 0xD008
        return self.release(I_DEVB)


class WorkTask(Task):
    def fn(self, pkt, r):
        if pkt is None:
            return self.wait_task()
        if r.destination == I_HANDLERA:
            dest = I_HANDLERB
        else:
            dest = I_HANDLERA
        r.destination = dest
        pkt.ident = dest
        pkt.datum = 0
        for i in BUFSIZE_RANGE:
            r.count += 1
            if r.count > 26:
                r.count = 1
            pkt.data[i] = 65 + r.count - 1
        return self.qpkt(pkt)


def schedule():
    t = area.task_list
    while t is not None:
        if t.is_task_holding_or_waiting():
            t = t.link
        else:
            t = t.run_task()


def run(iterations):
    holds = qpkts = 0
    for _ in range(iterations):
        area.hold_count = 0
        area.qpkt_count = 0
        area.task_list = None
        IdleTask(I_IDLE, 1, 10000, TaskState().running(), IdleTaskRec())
        wkq = Packet(None, 0, K_WORK)
        wkq = Packet(wkq, 0, K_WORK)
        WorkTask(I_WORK, 1000, wkq, TaskState().waiting_with_packet(), WorkerTaskRec())
        wkq = Packet(None, I_DEVA, K_DEV)
        wkq = Packet(wkq, I_DEVA, K_DEV)
        wkq = Packet(wkq, I_DEVA, K_DEV)
        HandlerTask(I_HANDLERA, 2000, wkq, TaskState().waiting_with_packet(), HandlerTaskRec())
        wkq = Packet(None, I_DEVB, K_DEV)
        wkq = Packet(wkq, I_DEVB, K_DEV)
        wkq = Packet(wkq, I_DEVB, K_DEV)
        HandlerTask(I_HANDLERB, 3000, wkq, TaskState().waiting_with_packet(), HandlerTaskRec())
        DeviceTask(I_DEVA, 4000, None, TaskState().waiting(), DeviceTaskRec())
        DeviceTask(I_DEVB, 5000, None, TaskState().waiting(), DeviceTaskRec())
        schedule()
        holds += area.hold_count
        qpkts += area.qpkt_count
    print(area.hold_count, area.qpkt_count, holds, qpkts)


run(28)
