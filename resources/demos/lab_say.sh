# say "English" "中文": how the sh editions print a line, "[pid] " and the sentence in the
# language the environment asks for, chosen as gettext does: the first of LANGUAGE, LC_ALL,
# LC_MESSAGES and LANG that is set; one that starts with zh means 中文. (lab_say.py does the same
# for the Python editions.) Sourced: `export LAB_SAY=<this file>; . "$LAB_SAY"`, so that the
# `sh -c` scripts an edition starts can source it too. LAB_ZH (1 or empty) is exported for its
# perl and python3 helpers; the perl ones get the same say() as `perl -e "$LAB_PERL_SAY" -e '...'`.
case "${LANGUAGE:-${LC_ALL:-${LC_MESSAGES:-$LANG}}}" in
  zh*) LAB_ZH=1 ;;
  *) LAB_ZH= ;;
esac
export LAB_ZH

say() {
  if [ -n "$LAB_ZH" ]; then echo "[$$] $2"; else echo "[$$] $1"; fi
}

# Perl's say(): unbuffered, like flush=True, so each line reaches ProcLab as it is printed.
LAB_PERL_SAY='$| = 1; sub say { print "[$$] ", ($ENV{LAB_ZH} ? $_[1] : $_[0]), "\n" }'
