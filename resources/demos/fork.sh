#!/bin/sh
# fork: one parent, two children (the fallback of fork.py, where python3 is missing).
# A shell cannot show what fork() returns in the child, and it collects its children behind your
# back, so the program is in perl, which has fork() and wait() as C and Python have (perl comes
# with every Debian and macOS). Every line starts with [pid] so ProcLab can tell who printed it.
# lab_say.sh picks the language (LAB_ZH) and gives perl say("English", "中文"), which prints the line in it.
. "$(dirname "$0")/lab_say.sh"
exec perl -e "$LAB_PERL_SAY" -e '
  my $ppid = getppid();
  say("parent: I am $$, my parent is $ppid", "父进程：我是 $$，我的父进程是 $ppid");
  for my $n (1, 2) {
    my $pid = fork();                       # returns twice: 0 in the child, its pid in the parent
    if ($pid == 0) {
      my $parent = getppid();
      say("child $n: fork() returned $pid; I am $$, my parent is $parent",
          "子进程 $n：fork() 返回 $pid；我是 $$，我的父进程是 $parent");
      sleep 6 * $n;
      say("child $n: exiting with status $n", "子进程 $n：以退出状态 $n 退出");
      exit $n;
    }
    say("parent: fork() returned $pid (the pid of child $n)", "父进程：fork() 返回 $pid（子进程 $n 的 PID）");
  }
  # Slow on purpose: a child that has ended stays a zombie until its parent collects it.
  say("parent: I call wait() in 15 s", "父进程：我 15 秒后调用 wait()");
  sleep 15;
  for (1, 2) {
    my $pid = wait();                       # blocks until a child has ended, collects its status
    my $status = $?;
    if ($status & 127) {
      my $signal = $status & 127;
      say("parent: wait() returned ($pid, $status): killed by signal $signal",
          "父进程：wait() 返回 ($pid, $status)：被信号 $signal 杀死");
    } else {
      my $code = $status >> 8;
      say("parent: wait() returned ($pid, $status): exit status $code",
          "父进程：wait() 返回 ($pid, $status)：退出状态 $code");
    }
  }
  say("parent: both children are collected; exiting", "父进程：两个子进程都已回收；退出");
'
