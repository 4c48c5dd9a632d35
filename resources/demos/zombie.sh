#!/bin/sh
# The fallback of zombie.py, zombie_wait.py, zombie_sigchld.py and zombie_double_fork.py, where
# python3 is missing. zombie: a child exits, and its parent does not call wait(). The child stays as a zombie
# (state Z, <defunct>) until someone collects its exit status. Modes, one cure each:
#   none         the parent never waits: the zombie stays (try: kill the parent)
#   wait         the parent calls wait() after 5 s: the zombie is reaped (in perl)
#   ignore       the parent ignores SIGCHLD: the kernel reaps at once, no zombie (in perl)
#   double-fork  the child's child is adopted by init, which reaps it: no zombie
mode=${1:-none}
echo "[$$] parent ($mode): I am $$"

case "$mode" in
  none)
    sh -c 'echo "[$$] child: exiting now with status 7, but my parent will not wait for me"; exit 7' &
    echo "[$$] parent: started child $!; now I only sleep and never call wait()"
    exec sleep 600 ;;
  wait)
    # A shell reaps its children behind your back whenever it waits for anything, so this cure
    # uses perl, which has fork() and waitpid() as C has (perl is part of every Debian and macOS).
    exec perl -e '
      $| = 1;
      my $child = fork();
      if ($child == 0) { print "[$$] child: exiting now with status 7\n"; exit 7 }
      print "[$$] parent: fork() returned $child; I call waitpid() in 5 s\n";
      sleep 5;
      my $done = waitpid($child, 0);
      printf "[$$] parent: waitpid() returned (%d, %d): exit status %d; the zombie is gone\n", $done, $?, $? >> 8;
      sleep 600' ;;
  ignore)
    # SIGCHLD set to SIG_IGN: the kernel reaps the children itself (a shell keeps SIGCHLD for
    # its own use, so this cure is in perl too).
    exec perl -e '
      $| = 1;
      $SIG{CHLD} = "IGNORE";
      my $child = fork();
      if ($child == 0) { print "[$$] child: exiting now with status 7\n"; exit 7 }
      print "[$$] parent: SIGCHLD is ignored; child $child will not become a zombie\n";
      sleep 2;
      # ECHILD: the kernel already reaped it, status and all.
      print "[$$] parent: wait() found nothing to collect ($!)\n" if wait() == -1;
      sleep 600' ;;
  double-fork)
    # ( ... & ) forks a short-lived child that forks the real worker and exits at once; the
    # parent reaps that short-lived child, and init adopts the worker.
    # $PPID is fixed when a shell starts, so the grandchild reads its parent from /proc once the
    # short-lived child is surely gone.
    ( sh -c 'sleep 1; ppid=$(awk "{print \$4}" /proc/$$/stat)
      echo "[$$] grandchild: my parent is now $ppid; I work 5 s and exit with status 7"; sleep 5; exit 7' & )
    echo "[$$] parent: the intermediate child has exited and been reaped; I never wait again"
    exec sleep 600 ;;
  *)
    echo "[$$] unknown mode $mode (none, wait, ignore, double-fork)" >&2
    exit 2 ;;
esac
