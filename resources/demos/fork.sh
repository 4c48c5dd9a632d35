#!/bin/sh
# fork: one parent, two children (the fallback of fork.py, where python3 is missing).
# A shell cannot show what fork() returns in the child, and it collects its children behind your
# back, so the program is in perl, which has fork() and wait() as C and Python have (perl comes
# with every Debian and macOS). Every line starts with [pid] so ProcLab can tell who printed it.
exec perl -e '
  $| = 1;                                   # print at once, like flush=True
  print "[$$] parent: I am $$, my parent is ", getppid(), "\n";
  for my $n (1, 2) {
    my $pid = fork();                       # returns twice: 0 in the child, its pid in the parent
    if ($pid == 0) {
      print "[$$] child $n: fork() returned $pid; I am $$, my parent is ", getppid(), "\n";
      sleep 6 * $n;
      print "[$$] child $n: exiting with status $n\n";
      exit $n;
    }
    print "[$$] parent: fork() returned $pid (the pid of child $n)\n";
  }
  # Slow on purpose: a child that has ended stays a zombie until its parent collects it.
  print "[$$] parent: I call wait() in 15 s\n";
  sleep 15;
  for (1, 2) {
    my $pid = wait();                       # blocks until a child has ended, collects its status
    my $how = ($? & 127) ? "killed by signal " . ($? & 127) : "exit status " . ($? >> 8);
    print "[$$] parent: wait() returned ($pid, $?): $how\n";
  }
  print "[$$] parent: both children are collected; exiting\n";
'
