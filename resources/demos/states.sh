#!/bin/sh
# The fallback of states.py, where python3 is missing.
# states tour: one process goes through R (running), S (sleeping), T (stopped) and Z (zombie).
# Select it in the table and watch its state letter change.
sh -c '
  echo "[$$] tour: R, running: counting as fast as I can for a few seconds"
  i=0; while [ $i -lt 2500000 ]; do i=$((i+1)); done
  echo "[$$] tour: S, sleeping: waiting 4 s for a timer"
  sleep 4
  echo "[$$] tour: T, stopped: I send myself SIGSTOP; a helper sends SIGCONT in 4 s"
  (sleep 4; kill -CONT $$) &
  kill -STOP $$
  echo "[$$] tour: continued; now I exit, and my parent does not wait for me: Z"
  exit 3' &
echo "[$$] parent: the tour is process $!; I never wait for it (a shell waiting for any command would reap it)"
# Once this sleep ends, init adopts the zombie and reaps it.
exec sleep 40
