"""signal handlers: four processes, four ways of meeting a signal.

What to watch for:
- alarm: signal.alarm(5), then signal.pause(): SIGALRM arrives after 5 s and its handler runs.
- ignorer: SIGINT and SIGTERM set to SIG_IGN. Send them: nothing happens.
- stubborn: tries signal.signal() on SIGKILL and SIGSTOP, and the system refuses (EINVAL):
  those two can never be caught, blocked or ignored. SIGTERM it does catch.
- blocker: blocks SIGUSR1 (signal.pthread_sigmask). Send it: it stays pending (SigPnd/ShdPnd).
"""
import errno
import os
import signal
import time


def say(text):
    # Every line starts with [pid], so the lab can tell which process printed it.
    print(f"[{os.getpid()}] {text}", flush=True)


def alarm():
    signal.signal(signal.SIGALRM, lambda signum, frame: say("alarm: SIGALRM arrived, the handler ran"))
    signal.alarm(5)  # the kernel sends us SIGALRM in 5 s
    say("alarm: signal.alarm(5), then signal.pause(): waiting for SIGALRM")
    while True:
        signal.pause()  # sleeps until any signal is handled


def ignorer():
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    say("ignorer: SIGINT and SIGTERM are set to SIG_IGN; try sending them")
    while True:
        signal.pause()


def stubborn():
    for sig in (signal.SIGKILL, signal.SIGSTOP):
        try:
            signal.signal(sig, lambda signum, frame: say("stubborn: caught it?!"))
            say(f"stubborn: a handler for {sig.name} was accepted")
        except OSError as error:
            say(f"stubborn: cannot handle {sig.name}: {errno.errorcode[error.errno]} ({error.strerror})")
    signal.signal(signal.SIGTERM, lambda signum, frame: say("stubborn: SIGTERM caught, and ignored by my handler"))
    say("stubborn: running; SIGTERM is caught, SIGKILL would end me")
    while True:
        signal.pause()


def blocker():
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
    say("blocker: SIGUSR1 is blocked; send it and it stays pending")
    while True:
        time.sleep(1)


for role in (alarm, ignorer, stubborn, blocker):
    if os.fork() == 0:
        role()  # each child runs its role forever; the run's Stop ends them
say("launcher: four processes started; stop the run to end them")
while True:
    os.wait()  # collect whichever child you end; returns when one does
