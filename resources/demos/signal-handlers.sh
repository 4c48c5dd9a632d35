#!/bin/sh
# The fallback of signal_handlers.py, where python3 is missing.
# signal handlers: four processes, four ways of meeting a signal.
#   alarm    catches SIGALRM: a timer goes off after 5 s while it waits (pause)
#   ignorer  ignores SIGINT and SIGTERM (SIG_IGN): send them, nothing happens
#   stubborn tries to catch SIGKILL and SIGSTOP: the system refuses, they act anyway
#   blocker  blocks SIGUSR1: it stays pending (see SigBlk / SigPnd in the details)
here=$(dirname "$0")
export LAB_SAY="$here/lab_say.sh"
. "$LAB_SAY" # say "English" "中文", in the language the environment asks for

sh -c '. "$LAB_SAY"
  trap "say \"alarm: SIGALRM arrived, the handler ran\" \"alarm：SIGALRM 到达，处理函数运行了\"" ALRM
  (sleep 5; kill -ALRM $$) &
  say "alarm: like alarm(5) then pause(): waiting for SIGALRM" "alarm：如同 alarm(5) 再 pause()：等待 SIGALRM"
  while :; do sleep 1 & wait $!; done' &

sh -c '. "$LAB_SAY"
  trap "" INT TERM
  say "ignorer: SIGINT and SIGTERM are set to SIG_IGN; try sending them" "ignorer：SIGINT 和 SIGTERM 被设为 SIG_IGN；试着发送它们"
  while :; do sleep 1; done' &

"${PROCLAB_NODE:-node}" "$here/stubborn.js" &

if command -v python3 >/dev/null 2>&1; then
  PYTHONPATH="$here" python3 -c 'import signal, time
from lab_say import say
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
say("blocker: SIGUSR1 is blocked; send it and it stays pending")
while True: time.sleep(1)' &
else
  sh -c '. "$LAB_SAY"
    say "blocker: no python3 here to block a signal; I stop myself instead, and a stopped process keeps signals pending until SIGCONT" "blocker：这里没有 python3 来阻塞信号；我改为暂停自己，而暂停的进程会让信号一直挂起，直到 SIGCONT"
    kill -STOP $$; while :; do sleep 1; done' &
fi

say "launcher: four processes started; stop the run to end them" "启动进程：四个进程已启动；停止运行即可结束它们"
wait
