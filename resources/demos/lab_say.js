// say(english, chinese): how the Node editions print a line, "[pid] " and the sentence in the
// language the environment asks for, chosen as gettext does: the first of LANGUAGE, LC_ALL,
// LC_MESSAGES and LANG that is set; one that starts with zh means 中文. (lab_say.py does the same
// for the Python editions.)
const { LANGUAGE, LC_ALL, LC_MESSAGES, LANG } = process.env;
const chinese = (LANGUAGE || LC_ALL || LC_MESSAGES || LANG || '').startsWith('zh');

/** The line, for a log file: both sentences are already filled in. */
const line = (english, zh) => `[${process.pid}] ${chinese ? zh : english}`;
const say = (english, zh) => console.log(line(english, zh));

module.exports = { line, say };
