"""signal handlers: four processes, four ways of meeting a signal.

What to watch for:
- alarm: signal.alarm(5), then signal.pause(): SIGALRM arrives after 5 s
  and its handler runs.
- ignorer: SIGINT and SIGTERM set to SIG_IGN. Send them: nothing happens.
- stubborn: tries signal.signal() on SIGKILL and SIGSTOP, and the system
  refuses (EINVAL): those two can never be caught, blocked or ignored.
  SIGTERM it does catch.
- blocker: blocks SIGUSR1 (signal.pthread_sigmask). Send it: it stays
  pending (SigPnd/ShdPnd in the PCB).
"""
import errno
import os
import signal
import time

from lab_say import say


def alarm():
    def on_sigalrm(signum, frame):
        say("alarm: SIGALRM arrived, the handler ran")

    signal.signal(signal.SIGALRM, on_sigalrm)
    signal.alarm(5)  # the kernel sends us SIGALRM in 5 s
    say("alarm: signal.alarm(5), then signal.pause(): waiting for SIGALRM")
    while True:
        signal.pause()  # sleeps until a signal has been handled


def ignorer():
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    say("ignorer: SIGINT and SIGTERM are set to SIG_IGN; try sending them")
    while True:
        signal.pause()


def stubborn():
    def on_signal(signum, frame):
        say("stubborn: {signal} caught by my handler",
            signal=signal.Signals(signum).name)

    for sig in (signal.SIGKILL, signal.SIGSTOP):
        try:
            signal.signal(sig, on_signal)
            say("stubborn: a handler for {signal} was accepted?!",
                signal=sig.name)
        except OSError as error:
            say("stubborn: cannot handle {signal}: {code} ({reason})",
                signal=sig.name, code=errno.errorcode[error.errno],
                reason=error.strerror)
    signal.signal(signal.SIGTERM, on_signal)  # this one can be caught
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
        role()  # each child plays its role until the run is stopped
say("launcher: four processes started; stop the run to end them")
while True:
    os.wait()  # collect whichever child you end
