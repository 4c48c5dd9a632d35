#!/bin/sh
# The fallback of states.py, where python3 is missing.
# states tour: one process goes through R (running), S (sleeping), T (stopped) and Z (zombie).
# Select it in the table and watch its state letter change.
export LAB_SAY="$(dirname "$0")/lab_say.sh"
. "$LAB_SAY" # say "English" "中文", in the language the environment asks for

sh -c '. "$LAB_SAY"
  say "tour: R, running: counting as fast as I can for a few seconds" "tour：R，运行：尽可能快地计数几秒"
  i=0; while [ $i -lt 2500000 ]; do i=$((i+1)); done
  say "tour: S, sleeping: waiting 4 s for a timer" "tour：S，睡眠：等待定时器 4 秒"
  sleep 4
  say "tour: T, stopped: I send myself SIGSTOP; a helper sends SIGCONT in 4 s" "tour：T，暂停：我给自己发送 SIGSTOP；一个帮手 4 秒后发来 SIGCONT"
  (sleep 4; kill -CONT $$) &
  kill -STOP $$
  say "tour: continued; now I exit, and my parent does not wait for me: Z" "tour：继续运行；现在我退出，父进程不等待我：Z"
  exit 3' &
say "parent: the tour is process $!; I never wait for it (a shell waiting for any command would reap it)" "父进程：tour 是进程 $!；我从不等待它（shell 等待任何命令时都会回收它）"
# Once this sleep ends, init adopts the zombie and reaps it.
exec sleep 40
