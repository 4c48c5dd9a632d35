"""say(): how every demo prints a line, in English or in 中文.

Each line starts with [pid], so the lab (and you) can tell which process
printed it. The sentence is written in English where it is said, e.g.
    say("child {n}: exiting with status {n}", n=n)
and printed in Chinese when the environment asks for it, as real Unix
programs decide (gettext's order): the first of LANGUAGE, LC_ALL,
LC_MESSAGES and LANG that is set names the language, and one that starts
with "zh" means Chinese. ProcLab sets LANGUAGE to the language of its UI.
The Chinese sentences are in lab_say_zh.py, keyed by the English ones.
"""
import os

from lab_say_zh import CHINESE


def _wants_chinese():
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return value.startswith("zh")
    return False


# Decided once; children made by fork() inherit it with the rest of memory.
SENTENCES = CHINESE if _wants_chinese() else {}


def line(sentence, **values):
    """The line: "[pid] " and the sentence, translated, with its values."""
    sentence = SENTENCES.get(sentence, sentence)
    return f"[{os.getpid()}] " + sentence.format(**values)


def say(sentence, **values):
    """Prints the line at once (flush): the lab shows it as it happens."""
    print(line(sentence, **values), flush=True)
