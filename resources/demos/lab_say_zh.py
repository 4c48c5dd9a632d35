"""What the demos say, in 中文: lab_say.say() prints these when the
environment asks for Chinese. Keyed by the English sentence exactly as the
demo writes it; each {value} must appear on both sides (a test checks that
every sentence has its entry, and every entry its sentence).
In the course's order, one demo after another.
"""
CHINESE = {
    # states.py
    "parent: the tour is process {pid}":
        "父进程：tour 是进程 {pid}",
    "parent: SIGCONT to the tour (os.kill)":
        "父进程：向 tour 发送 SIGCONT（os.kill）",
    "parent: I never call os.wait() for it; when I end in 30 s, init adopts the zombie and reaps it":
        "父进程：我从不为它调用 os.wait()；30 秒后我结束时，init 会收养这个僵尸进程并回收它",
    "tour: R, running: counting as fast as I can for 3 s":
        "tour：R，运行：尽可能快地计数 3 秒",
    "tour: counted to {count}. S, sleeping: waiting 4 s for a timer":
        "tour：数到了 {count}。S，睡眠：等待定时器 4 秒",
    "tour: T, stopped: I send myself SIGSTOP; my parent sends SIGCONT":
        "tour：T，暂停：我给自己发送 SIGSTOP；父进程会发来 SIGCONT",
    "tour: continued; I exit with status 3, and nobody collects me: Z":
        "tour：继续运行；我以退出状态 3 退出，没有人回收我：Z",

    # fork.py
    "parent: I am {me}, my parent is {parent}":
        "父进程：我是 {me}，我的父进程是 {parent}",
    "child {n}: fork() returned {pid}; I am {me}, my parent is {parent}":
        "子进程 {n}：fork() 返回 {pid}；我是 {me}，我的父进程是 {parent}",
    "child {n}: exiting with status {n}":
        "子进程 {n}：以退出状态 {n} 退出",
    "parent: fork() returned {pid} (the pid of child {n})":
        "父进程：fork() 返回 {pid}（子进程 {n} 的 PID）",
    "parent: I call os.wait() in 15 s":
        "父进程：我 15 秒后调用 os.wait()",
    "parent: os.wait() returned ({pid}, {status}): exit status {code}":
        "父进程：os.wait() 返回 ({pid}, {status})：退出状态 {code}",
    "parent: os.wait() returned ({pid}, {status}): killed by signal {signal}":
        "父进程：os.wait() 返回 ({pid}, {status})：被信号 {signal} 杀死",
    "parent: both children are collected; exiting":
        "父进程：两个子进程都已回收；退出",

    # zombie.py (and orphan.py)
    "parent: I am {me}":
        "父进程：我是 {me}",
    "child: exiting now with status 7, but my parent will not wait for me":
        "子进程：现在以退出状态 7 退出，但父进程不会等待我",
    "parent: started child {pid}; now I only sleep, never calling os.wait()":
        "父进程：已启动子进程 {pid}；现在我只睡眠，从不调用 os.wait()",

    # zombie_wait.py
    "child: working 1 s, then exiting with status 7":
        "子进程：工作 1 秒，然后以退出状态 7 退出",
    "parent: fork() returned {pid}; I check on it every 6 s":
        "父进程：fork() 返回 {pid}；我每 6 秒查看它一次",
    "parent: os.waitpid() returned (0, 0): nothing to collect yet":
        "父进程：os.waitpid() 返回 (0, 0)：还没有可回收的子进程",
    "parent: os.waitpid() returned ({done}, {status}): exit status {code}; the zombie is gone":
        "父进程：os.waitpid() 返回 ({done}, {status})：退出状态 {code}；僵尸进程消失了",
    "parent: I keep running; no zombie is left under me":
        "父进程：我继续运行；我下面没有留下僵尸进程",

    # zombie_sigchld.py
    "child: exiting now with status 7":
        "子进程：现在以退出状态 7 退出",
    "parent: SIGCHLD is ignored; child {pid} will not become a zombie":
        "父进程：SIGCHLD 被忽略；子进程 {pid} 不会成为僵尸进程",
    "parent: os.wait() found nothing to collect ({reason})":
        "父进程：os.wait() 没有找到可回收的子进程（{reason}）",

    # zombie_double_fork.py
    "grandchild: my parent is now {parent}; I work 5 s and exit with status 7":
        "二级子进程：我现在的父进程是 {parent}；我工作 5 秒后以退出状态 7 退出",
    "parent: the short-lived child {pid} has exited and been collected; I never wait again":
        "父进程：短命的子进程 {pid} 已退出并被回收；我不再等待",

    # orphan.py
    "child: my parent is {parent}":
        "子进程：我的父进程是 {parent}",
    "child: my parent is now {parent}":
        "子进程：我现在的父进程是 {parent}",
    "parent: started child {pid}; I exit in 3 s and leave it behind":
        "父进程：已启动子进程 {pid}；我 3 秒后退出，把它留下",
    "parent: exiting now":
        "父进程：现在退出",

    # daemon.py
    "daemon: I lead session {sid}, no terminal":
        "守护进程：我是会话 {sid} 的首进程，没有终端",
    "daemon: SIGTERM, shutting down cleanly":
        "守护进程：收到 SIGTERM，正常关闭",
    "daemon: heartbeat {beat}":
        "守护进程：心跳 {beat}",
    "child: started daemon {daemon}; its log is {log}; exiting now, so that init adopts it":
        "子进程：已启动守护进程 {daemon}，它的日志是 {log}；我现在退出，让 init 收养它",
    "launcher: exiting now; the daemon stays":
        "启动进程：现在退出；守护进程继续运行",

    # multiprocessing_demo.py
    "worker: working for {seconds} s (parent {parent})":
        "工作进程：工作 {seconds} 秒（父进程 {parent}）",
    "worker: done":
        "工作进程：完成",
    "daemon worker: SIGTERM, my parent is exiting (daemon=True)":
        "守护工作进程：收到 SIGTERM，我的父进程正在退出（daemon=True）",
    "daemon worker: I run until my parent ends":
        "守护工作进程：我一直运行，直到父进程结束",
    "parent: started {name}, pid {pid}; is_alive() = {alive}":
        "父进程：已启动 {name}，PID {pid}；is_alive() = {alive}",
    "parent: join(): waiting for {pid}":
        "父进程：join()：等待 {pid}",
    "parent: join(): {pid} has ended; is_alive() = {alive}, exitcode = {code}":
        "父进程：join()：{pid} 已结束；is_alive() = {alive}，exitcode = {code}",
    "parent: exiting; multiprocessing ends daemon worker {pid}":
        "父进程：退出；multiprocessing 会结束守护工作进程 {pid}",

    # signal_handlers.py
    "alarm: SIGALRM arrived, the handler ran":
        "alarm：SIGALRM 到达，处理函数运行了",
    "alarm: signal.alarm(5), then signal.pause(): waiting for SIGALRM":
        "alarm：signal.alarm(5)，然后 signal.pause()：等待 SIGALRM",
    "ignorer: SIGINT and SIGTERM are set to SIG_IGN; try sending them":
        "ignorer：SIGINT 和 SIGTERM 被设为 SIG_IGN；试着发送它们",
    "stubborn: {signal} caught by my handler":
        "stubborn：{signal} 被我的处理函数捕获",
    "stubborn: a handler for {signal} was accepted?!":
        "stubborn：{signal} 的处理函数居然被接受了？！",
    "stubborn: cannot handle {signal}: {code} ({reason})":
        "stubborn：无法处理 {signal}：{code}（{reason}）",
    "stubborn: running; SIGTERM is caught, SIGKILL would end me":
        "stubborn：运行中；SIGTERM 会被捕获，SIGKILL 会结束我",
    "blocker: SIGUSR1 is blocked; send it and it stays pending":
        "blocker：SIGUSR1 被阻塞；发送它，它会一直挂起",
    "launcher: four processes started; stop the run to end them":
        "启动进程：四个进程已启动；停止运行即可结束它们",

    # driver_conductor.py: the course's three sentences stay as they are.
    "conductor: SIGINT, telling the driver to go (SIGUSR1)":
        "售票员：收到 SIGINT，通知司机开车（SIGUSR1）",
    "conductor: SIGQUIT, telling the driver to warn (SIGUSR2)":
        "售票员：收到 SIGQUIT，通知司机提醒乘客（SIGUSR2）",
    "conductor: 到站了，下车吧":
        "售票员：到站了，下车吧",
    "conductor: on board (driver is {driver})":
        "售票员：已上车（司机是 {driver}）",
    "driver: 老司机开车了":
        "司机：老司机开车了",
    "driver: 系好安全带，小心甩出去":
        "司机：系好安全带，小心甩出去",
    "driver: SIGTSTP, next stop (SIGUSR1 to the conductor)":
        "司机：收到 SIGTSTP，下一站到了（向售票员发送 SIGUSR1）",
    "driver: ready (conductor is {conductor})":
        "司机：准备好了（售票员是 {conductor}）",
    "driver: the conductor got off first; I am leaving too":
        "司机：售票员先下车了，我也走了",

    # nice_race.py
    "worker: nice {nice}, {share:.0%} of the CPU":
        "工作进程：nice {nice}，占 CPU 的 {share:.0%}",
    "parent: workers {pids} on CPU {cpu}, for {seconds} s":
        "父进程：工作进程 {pids} 在 CPU {cpu} 上竞争 {seconds} 秒",
    "parent: the race is over":
        "父进程：竞赛结束",

    # fork_memory.py
    "parent: before fork, fruits = {fruits} at address {address}":
        "父进程：fork 之前，fruits = {fruits}，地址 {address}",
    "child: os.fork() returned {pid}; my parent is {parent}":
        "子进程：os.fork() 返回 {pid}；我的父进程是 {parent}",
    "child: I appended banana: fruits = {fruits} at address {address}":
        "子进程：我添加了 banana：fruits = {fruits}，地址 {address}",
    "child: exiting with status 3":
        "子进程：以退出状态 3 退出",
    "parent: os.fork() returned {pid}: the pid of my child":
        "父进程：os.fork() 返回 {pid}：我的子进程的 PID",
    "parent: fruits = {fruits} at address {address}: the same address, my own copy":
        "父进程：fruits = {fruits}，地址 {address}：地址相同，是我自己的副本",
    "parent: waitpid() returned {child}, exit status {code}":
        "父进程：waitpid() 返回 {child}，退出状态 {code}",
    "parent: after the child has gone, fruits = {fruits}":
        "父进程：子进程结束之后，fruits = {fruits}",

    # file_halves.py
    "parent: {source} has {size} bytes; I copy 0-{half}, my child {half}-{size}":
        "父进程：{source} 有 {size} 字节；我复制 0-{half}，子进程复制 {half}-{size}",
    "child: copied bytes {start}-{done} of my half":
        "子进程：我的一半已复制字节 {start}-{done}",
    "parent: copied bytes {start}-{done} of my half":
        "父进程：我的一半已复制字节 {start}-{done}",
    "parent: the copy has {size} bytes; identical to the source: {same}":
        "父进程：副本有 {size} 字节；与源文件相同：{same}",

    # pool.py
    "worker: task {n:2} starts":
        "工作进程：任务 {n:2} 开始",
    "parent: Pool(3) started workers {workers}":
        "父进程：Pool(3) 启动了工作进程 {workers}",
    "parent: {done}/{tasks} done (task {n} by worker {pid})":
        "父进程：完成 {done}/{tasks}（任务 {n}，由工作进程 {pid} 执行）",
    "parent: apply_async() queued tasks 1-6 and returned at once":
        "父进程：apply_async() 把任务 1-6 放入队列，并立即返回",
    "parent: map() returned the results of tasks 7-12, in order":
        "父进程：map() 按顺序返回了任务 7-12 的结果",
    "parent: close() and join(): the workers have ended":
        "父进程：close() 和 join()：工作进程都已结束",
    "parent: {tasks} tasks ran in {count} processes: {used}":
        "父进程：{tasks} 个任务由 {count} 个进程完成：{used}",

    # pipe.py
    "child: I send in 6 s; my parent sleeps in recv() (state S)":
        "子进程：我 6 秒后发送；父进程在 recv() 中睡眠（S 状态）",
    "child: recv() returned {question!r}; I send back {answer!r}":
        "子进程：recv() 返回 {question!r}；我发回 {answer!r}",
    "child: I exit without using my end: exiting closes it":
        "子进程：我不使用自己这一端就退出：进程退出时会关闭它",
    "parent: recv() on an empty pipe blocks until the writer sends...":
        "父进程：在空管道上 recv() 会阻塞，直到写端发送……",
    "parent: recv() returned {message!r}":
        "父进程：recv() 返回 {message!r}",
    "parent: I sent 'ping'; recv() returned {answer!r}":
        "父进程：我发送了 'ping'；recv() 返回 {answer!r}",
    "parent: recv() raised EOFError: writer {pid} is gone":
        "父进程：recv() 抛出 EOFError：写端进程 {pid} 已经不在了",
    "parent: send() raised BrokenPipeError ({reason}): reader {pid} is gone":
        "父进程：send() 抛出 BrokenPipeError（{reason}）：读端进程 {pid} 已经不在了",

    # message_queue.py
    "producer: full() is True (qsize() = {size}): put({n}) blocks until a get()":
        "生产者：full() 为 True（qsize() = {size}）：put({n}) 阻塞，直到有人 get()",
    "producer: put({n}); qsize() = {size}":
        "生产者：put({n})；qsize() = {size}",
    "producer: pausing 8 s before the last message":
        "生产者：暂停 8 秒，再放入最后一条消息",
    "consumer: busy for 6 s before my first get()":
        "消费者：先忙 6 秒，然后才第一次调用 get()",
    "consumer: empty() is True: get() blocks until a put()":
        "消费者：empty() 为 True：get() 阻塞，直到有人 put()",
    "consumer: get() returned {message!r}; qsize() = {size}":
        "消费者：get() 返回 {message!r}；qsize() = {size}",
    "parent: producer {producer}, consumer {consumer}, Queue(maxsize=3)":
        "父进程：生产者 {producer}，消费者 {consumer}，Queue(maxsize=3)",
    "parent: both have ended":
        "父进程：两者都已结束",

    # shared_memory.py
    "parent: {name}: workers {pids} each add 1, {times} times":
        "父进程：{name}：工作进程 {pids} 各自加 1，共 {times} 次",
    "parent: {name}: the workers counted {counts} in the Array":
        "父进程：{name}：工作进程在 Array 中的计数为 {counts}",
    "parent: {name}: expected {expected}, total {total}, lost {lost}":
        "父进程：{name}：应为 {expected}，总数 {total}，丢失 {lost}",

    # unix_socket.py
    "child: sent question {n}; the parent answered {answer!r}":
        "子进程：已发送问题 {n}；父进程回答 {answer!r}",
    "parent: bound {path}; a socket file: {is_socket}":
        "父进程：已绑定 {path}；是套接字文件：{is_socket}",
    "parent: recv() returned {question!r}":
        "父进程：recv() 返回 {question!r}",
    "parent: the child closed its end; os.wait() returned {status}":
        "父进程：子进程关闭了它那一端；os.wait() 返回 {status}",
    "parent: removed {path}":
        "父进程：已删除 {path}",

    # semaphore.py
    "worker: waiting at the door: acquire()":
        "工作进程：在门口等待：acquire()",
    "worker: in. Inside now: {inside}; free places: {free}":
        "工作进程：进入。房间内人数：{inside}；空位：{free}",
    "worker: out. Inside now: {inside}":
        "工作进程：离开。房间内人数：{inside}",
    "parent: {count} workers {pids}, Semaphore({places})":
        "父进程：{count} 个工作进程 {pids}，Semaphore({places})",
    "parent: all done; the most inside at once was {most} (of {places} places)":
        "父进程：全部完成；房间内同时最多 {most} 个（共 {places} 个位置）",

    # event.py
    "worker: wait(): is_set() = {is_set}, so I sleep":
        "工作进程：wait()：is_set() = {is_set}，所以我进入睡眠",
    "worker: woken after {waited:.1f} s; is_set() = {is_set}":
        "工作进程：等待 {waited:.1f} 秒后被唤醒；is_set() = {is_set}",
    "parent: workers {pids} are waiting; I call set() in {seconds} s":
        "父进程：工作进程 {pids} 正在等待；我 {seconds} 秒后调用 set()",
    "parent: set() called":
        "父进程：已调用 set()",
    "parent: all workers have ended":
        "父进程：所有工作进程都已结束",

    # threads.py
    "{thread} (TID {tid}): I see visitors = {visitors}":
        "{thread}（TID {tid}）：我看到 visitors = {visitors}",
    "main (TID {tid}): starting 4 threads":
        "主线程（TID {tid}）：启动 4 个线程",
    "main: join(): {thread} has ended; threads left: {left}":
        "主线程：join()：{thread} 已结束；剩余线程：{left}",
    "main: every thread wrote to the same list: {visitors}":
        "主线程：每个线程都写入了同一个列表：{visitors}",

    # forking_server.py (and select_server.py: the clients and the launcher)
    "handler: serving {client}":
        "处理进程：正在为 {client} 服务",
    "handler: my client left; exiting":
        "处理进程：我的客户端已离开；退出",
    "server: accept() from {address}; os.fork() returned handler {pid}":
        "服务器：accept() 接受来自 {address} 的连接；os.fork() 返回处理进程 {pid}",
    "client {number}: the server echoed {echo!r}":
        "客户端 {number}：服务器回显 {echo!r}",
    "client {number}: closed the connection":
        "客户端 {number}：已关闭连接",
    "launcher: server {server} listens on 127.0.0.1:{port} for {seconds} s":
        "启动进程：服务器 {server} 在 127.0.0.1:{port} 上监听 {seconds} 秒",
    "launcher: the server has stopped":
        "启动进程：服务器已停止",

    # select_server.py
    "server: accept() from {address}; clients connected: {clients}":
        "服务器：accept() 接受来自 {address} 的连接；已连接的客户端：{clients}",
    "server: a client left; clients connected: {clients}":
        "服务器：一个客户端离开了；已连接的客户端：{clients}",
}
