// Default actions (signal(7)) and one-line meanings of the standard signals, in English and 中文.
import type { DefaultAction } from '../../shared/model/Signals';

interface Definition {
  action: DefaultAction;
  en: string;
  zh: string;
}

export const SIGNAL_DEFINITIONS: Record<string, Definition> = {
  SIGHUP: {
    action: 'terminate',
    en: 'Hangup: the terminal closed; daemons often reload their configuration',
    zh: '挂起：终端已关闭；守护进程常用它重新加载配置',
  },
  SIGINT: { action: 'terminate', en: 'Interrupt from the keyboard (Ctrl+C)', zh: '键盘中断（Ctrl+C）' },
  SIGQUIT: {
    action: 'core',
    en: 'Quit from the keyboard (Ctrl+\\), with a core dump',
    zh: '键盘退出（Ctrl+\\），并产生 core 转储',
  },
  SIGILL: { action: 'core', en: 'Illegal instruction', zh: '非法指令' },
  SIGTRAP: { action: 'core', en: 'Trace or breakpoint trap', zh: '跟踪或断点陷阱' },
  SIGABRT: { action: 'core', en: 'Abort, from abort()', zh: '异常终止，来自 abort()' },
  SIGIOT: { action: 'core', en: 'Same as SIGABRT', zh: '同 SIGABRT' },
  SIGBUS: { action: 'core', en: 'Bus error: bad memory access', zh: '总线错误：错误的内存访问' },
  SIGFPE: { action: 'core', en: 'Arithmetic error, such as division by zero', zh: '算术错误，例如除以零' },
  SIGKILL: {
    action: 'terminate',
    en: 'Kill: ends the process at once; cannot be caught, blocked or ignored',
    zh: '强制杀死：立即结束进程；不能被捕获、阻塞或忽略',
  },
  SIGUSR1: { action: 'terminate', en: 'User-defined signal 1', zh: '用户自定义信号 1' },
  SIGSEGV: { action: 'core', en: 'Invalid memory reference (segmentation fault)', zh: '无效内存访问（段错误）' },
  SIGUSR2: { action: 'terminate', en: 'User-defined signal 2', zh: '用户自定义信号 2' },
  SIGPIPE: {
    action: 'terminate',
    en: 'Broken pipe: wrote to a pipe nobody reads',
    zh: '管道破裂：向没有读者的管道写入',
  },
  SIGALRM: { action: 'terminate', en: 'Timer from alarm()', zh: '定时器信号，来自 alarm()' },
  SIGTERM: {
    action: 'terminate',
    en: 'Termination request: the polite way to ask a process to end',
    zh: '终止请求：礼貌地请进程结束',
  },
  SIGSTKFLT: { action: 'terminate', en: 'Stack fault on a coprocessor (unused)', zh: '协处理器栈错误（未使用）' },
  SIGCHLD: { action: 'ignore', en: 'A child stopped or exited', zh: '子进程暂停或退出' },
  SIGCONT: { action: 'continue', en: 'Continue a stopped process', zh: '让暂停的进程继续运行' },
  SIGSTOP: {
    action: 'stop',
    en: 'Stop the process; cannot be caught, blocked or ignored',
    zh: '暂停进程；不能被捕获、阻塞或忽略',
  },
  SIGTSTP: {
    action: 'stop',
    en: 'Stop typed at the terminal (Ctrl+Z); can be caught',
    zh: '终端暂停（Ctrl+Z）；可以被捕获',
  },
  SIGTTIN: { action: 'stop', en: 'A background process read from its terminal', zh: '后台进程读取终端' },
  SIGTTOU: { action: 'stop', en: 'A background process wrote to its terminal', zh: '后台进程写入终端' },
  SIGURG: { action: 'ignore', en: 'Urgent data on a socket', zh: '套接字上有紧急数据' },
  SIGXCPU: { action: 'core', en: 'CPU time limit exceeded', zh: '超出 CPU 时间限制' },
  SIGXFSZ: { action: 'core', en: 'File size limit exceeded', zh: '超出文件大小限制' },
  SIGVTALRM: { action: 'terminate', en: 'Virtual alarm clock', zh: '虚拟时钟定时器' },
  SIGPROF: { action: 'terminate', en: 'Profiling timer expired', zh: '性能分析定时器到期' },
  SIGWINCH: { action: 'ignore', en: 'The terminal window changed size', zh: '终端窗口大小改变' },
  SIGIO: { action: 'terminate', en: 'I/O is possible on a descriptor', zh: '文件描述符可以进行 I/O' },
  SIGPOLL: { action: 'terminate', en: 'Same as SIGIO', zh: '同 SIGIO' },
  SIGPWR: { action: 'terminate', en: 'Power failure', zh: '电源故障' },
  SIGSYS: { action: 'core', en: 'Bad system call', zh: '错误的系统调用' },
  SIGUNUSED: { action: 'core', en: 'Same as SIGSYS', zh: '同 SIGSYS' },
};

export const COMMON_SIGNALS = [
  'SIGTERM',
  'SIGINT',
  'SIGHUP',
  'SIGQUIT',
  'SIGKILL',
  'SIGSTOP',
  'SIGCONT',
  'SIGTSTP',
  'SIGUSR1',
  'SIGUSR2',
  'SIGALRM',
  'SIGCHLD',
];

export const REALTIME_DEFINITION: Definition = {
  action: 'terminate',
  en: 'Real-time signal: queued, delivered in order, no fixed meaning',
  zh: '实时信号：排队、按顺序送达，没有固定含义',
};
