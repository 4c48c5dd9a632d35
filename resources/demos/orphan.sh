#!/bin/sh
# The fallback of orphan.py, where python3 is missing.
# orphan: the parent exits first. Its child is adopted by init (PID 1) or by the nearest
# "subreaper", and goes on running: its parent pid changes under it.
echo "[$$] parent: I am $$"
sh -c '
  echo "[$$] child: my parent is $PPID"
  i=0
  while [ $i -lt 30 ]; do
    sleep 1
    ppid=$(awk "{print \$4}" /proc/$$/stat 2>/dev/null || ps -o ppid= -p $$)
    echo "[$$] child: my parent is now $ppid"
    i=$((i+1))
  done' &
echo "[$$] parent: started child $!; I exit in 3 s and leave it behind"
sleep 3
echo "[$$] parent: exiting now"
