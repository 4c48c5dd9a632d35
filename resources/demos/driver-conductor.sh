#!/bin/sh
# The fallback of driver_conductor.py, where python3 is missing.
# The driver and the conductor (司机和售票员), the course's signal exercise.
#   Conductor (child, conductor.js): SIGINT  -> SIGUSR1 to the driver, who says 老司机开车了
#                                    SIGQUIT -> SIGUSR2 to the driver, who says 系好安全带，小心甩出去
#                                    lets SIGTSTP pass
#   Driver (parent, this shell):     SIGTSTP -> SIGUSR1 to the conductor, who says 到站了，下车吧 and exits
#                                    ignores SIGINT and SIGQUIT (SIG_IGN)
# The conductor gets off first, then the driver leaves. Ctrl+C and Ctrl+\ reach the whole
# foreground group in a terminal: that is why each side ignores what is meant for the other.
export LAB_SAY="$(dirname "$0")/lab_say.sh"
. "$LAB_SAY" # say "English" "中文", in the language the environment asks for

"${PROCLAB_NODE:-node}" "$(dirname "$0")/conductor.js" $$ &
conductor=$!
trap '' INT QUIT
trap 'say "driver: 老司机开车了" "司机：老司机开车了"' USR1
trap 'say "driver: 系好安全带，小心甩出去" "司机：系好安全带，小心甩出去"' USR2
trap 'say "driver: SIGTSTP, next stop (SIGUSR1 to the conductor)" "司机：收到 SIGTSTP，下一站到了（向售票员发送 SIGUSR1）"; kill -USR1 "$conductor"' TSTP
say "driver: ready (conductor is $conductor)" "司机：准备好了（售票员是 $conductor）"
# A trap runs between commands: wait is interrupted by signals, a plain sleep is not.
while kill -0 "$conductor" 2>/dev/null; do sleep 1 & wait $!; done
wait "$conductor" 2>/dev/null
say "driver: the conductor got off first; I am leaving too" "司机：售票员先下车了，我也走了"
