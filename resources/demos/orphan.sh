#!/bin/sh
# The fallback of orphan.py, where python3 is missing.
# orphan: the parent exits first. Its child is adopted by init (PID 1) or by the nearest
# "subreaper", and goes on running: its parent pid changes under it.
export LAB_SAY="$(dirname "$0")/lab_say.sh"
. "$LAB_SAY" # say "English" "中文", in the language the environment asks for

say "parent: I am $$" "父进程：我是 $$"
sh -c '. "$LAB_SAY"
  say "child: my parent is $PPID" "子进程：我的父进程是 $PPID"
  i=0
  while [ $i -lt 30 ]; do
    sleep 1
    ppid=$(awk "{print \$4}" /proc/$$/stat 2>/dev/null || ps -o ppid= -p $$)
    say "child: my parent is now $ppid" "子进程：我现在的父进程是 $ppid"
    i=$((i+1))
  done' &
say "parent: started child $!; I exit in 3 s and leave it behind" "父进程：已启动子进程 $!；我 3 秒后退出，把它留下"
sleep 3
say "parent: exiting now" "父进程：现在退出"
