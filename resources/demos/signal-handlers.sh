#!/bin/sh
# The fallback of signal_handlers.py, where python3 is missing.
# signal handlers: four processes, four ways of meeting a signal.
#   alarm    catches SIGALRM: a timer goes off after 5 s while it waits (pause)
#   ignorer  ignores SIGINT and SIGTERM (SIG_IGN): send them, nothing happens
#   stubborn tries to catch SIGKILL and SIGSTOP: the system refuses, they act anyway
#   blocker  blocks SIGUSR1: it stays pending (see SigBlk / SigPnd in the details)
here=$(dirname "$0")

sh -c 'trap "echo \"[\$\$] alarm: SIGALRM arrived, the handler ran\"" ALRM
  (sleep 5; kill -ALRM $$) &
  echo "[$$] alarm: like alarm(5) then pause(): waiting for SIGALRM"
  while :; do sleep 1 & wait $!; done' &

sh -c 'trap "" INT TERM
  echo "[$$] ignorer: SIGINT and SIGTERM are set to SIG_IGN; try sending them"
  while :; do sleep 1; done' &

"${PROCLAB_NODE:-node}" "$here/stubborn.js" &

if command -v python3 >/dev/null 2>&1; then
  python3 -c 'import os, signal, time
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
print("[%d] blocker: SIGUSR1 is blocked; send it and it stays pending" % os.getpid(), flush=True)
while True: time.sleep(1)' &
else
  sh -c 'echo "[$$] blocker: no python3 here to block a signal; I stop myself instead, and a stopped process keeps signals pending until SIGCONT"; kill -STOP $$; while :; do sleep 1; done' &
fi

echo "[$$] launcher: four processes started; stop the run to end them"
wait
