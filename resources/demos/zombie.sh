#!/bin/sh
# The fallback of zombie.py, zombie_wait.py, zombie_sigchld.py and zombie_double_fork.py, where
# python3 is missing. zombie: a child exits, and its parent does not call wait(). The child stays as a zombie
# (state Z, <defunct>) until someone collects its exit status. Modes, one cure each:
#   none         the parent never waits: the zombie stays (try: kill the parent) (in perl)
#   wait         the parent calls wait() after 5 s: the zombie is reaped (in perl)
#   ignore       the parent ignores SIGCHLD: the kernel reaps at once, no zombie (in perl)
#   double-fork  the child's child is adopted by init, which reaps it: no zombie
export LAB_SAY="$(dirname "$0")/lab_say.sh"
. "$LAB_SAY" # say "English" "中文", in the language the environment asks for (perl: LAB_ZH)
mode=${1:-none}
say "parent ($mode): I am $$" "父进程（$mode）：我是 $$"

case "$mode" in
  none)
    # A shell reaps its children behind your back whenever it waits for anything, even at its
    # own exec, so a child that exits quickly would never be seen as Z. This mode and the next two
    # are in perl, which has fork() and waitpid() as C has (perl comes with every Debian and macOS).
    exec perl -e "$LAB_PERL_SAY" -e '
      my $child = fork();
      if ($child == 0) {
        say("child: exiting now with status 7, but my parent will not wait for me",
            "子进程：现在以退出状态 7 退出，但父进程不会等待我");
        exit 7;
      }
      say("parent: fork() returned $child; now I only sleep and never call wait()",
          "父进程：fork() 返回 $child；现在我只睡眠，从不调用 wait()");
      sleep 600' ;;
  wait)
    exec perl -e "$LAB_PERL_SAY" -e '
      my $child = fork();
      if ($child == 0) {
        say("child: exiting now with status 7", "子进程：现在以退出状态 7 退出");
        exit 7;
      }
      say("parent: fork() returned $child; I call waitpid() in 5 s", "父进程：fork() 返回 $child；我 5 秒后调用 waitpid()");
      sleep 5;
      my $done = waitpid($child, 0);
      my ($status, $code) = ($?, $? >> 8);
      say("parent: waitpid() returned ($done, $status): exit status $code; the zombie is gone",
          "父进程：waitpid() 返回 ($done, $status)：退出状态 $code；僵尸进程消失了");
      sleep 600' ;;
  ignore)
    # SIGCHLD set to SIG_IGN: the kernel reaps the children itself.
    exec perl -e "$LAB_PERL_SAY" -e '
      $SIG{CHLD} = "IGNORE";
      my $child = fork();
      if ($child == 0) {
        say("child: exiting now with status 7", "子进程：现在以退出状态 7 退出");
        exit 7;
      }
      say("parent: SIGCHLD is ignored; child $child will not become a zombie",
          "父进程：SIGCHLD 被忽略；子进程 $child 不会成为僵尸进程");
      sleep 2;
      # ECHILD: the kernel already reaped it, status and all.
      if (wait() == -1) {
        my $reason = "$!";
        say("parent: wait() found nothing to collect ($reason)", "父进程：wait() 没有找到可回收的子进程（$reason）");
      }
      sleep 600' ;;
  double-fork)
    # ( ... & ) forks a short-lived child that forks the real worker and exits at once; the
    # parent reaps that short-lived child, and init adopts the worker.
    # $PPID is fixed when a shell starts, so the grandchild reads its parent from /proc once the
    # short-lived child is surely gone.
    ( sh -c '. "$LAB_SAY"; sleep 1; ppid=$(awk "{print \$4}" /proc/$$/stat)
      say "grandchild: my parent is now $ppid; I work 5 s and exit with status 7" "二级子进程：我现在的父进程是 $ppid；我工作 5 秒后以退出状态 7 退出"
      sleep 5; exit 7' & )
    say "parent: the intermediate child has exited and been reaped; I never wait again" "父进程：中间的子进程已退出并被回收；我不再等待"
    exec sleep 600 ;;
  *)
    say "unknown mode $mode (none, wait, ignore, double-fork)" "未知模式 $mode（none、wait、ignore、double-fork）" >&2
    exit 2 ;;
esac
