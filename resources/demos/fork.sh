#!/bin/sh
# fork: one parent, two children. fork() returns twice: 0 in the child, the child's pid in the
# parent. In the shell, "&" forks; $! is what fork() returned to the parent.
# Every line starts with [pid] so ProcLab can tell who printed it.

echo "[$$] parent: I am process $$, my parent is $PPID"
for n in 1 2; do
  # The child: sh -c replaces the forked copy, so $$ is the child's own pid.
  sh -c 'echo "[$$] child $1: fork() returned 0 here. I am $$, my parent is $PPID"; sleep 30; echo "[$$] child $1: exiting with status $1"; exit "$1"' child "$n" &
  echo "[$$] parent: fork() returned $! (the pid of child $n)"
done
echo "[$$] parent: waiting for my children (wait)"
wait
echo "[$$] parent: both children are done; exiting"
