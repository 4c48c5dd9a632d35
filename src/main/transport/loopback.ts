// Which listen addresses stay on this machine, and what to say when the server is exposed beyond it.
import net from 'node:net';

/** 127.0.0.0/8, ::1 (and its IPv4-mapped form) and the name localhost; any other name may resolve anywhere. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  const ipv4 = host.startsWith('::ffff:') ? host.slice('::ffff:'.length) : host;
  return net.isIPv4(ipv4) && ipv4.startsWith('127.');
}

/** Printed when `--unsafe-expose` binds beyond loopback: what that gives away. */
export function exposureWarning(host: string, port: number, user: string): string {
  return [
    `WARNING: ProcLab is listening on ${host}:${port}, beyond this machine (--unsafe-expose).`,
    `Anyone who can reach that port and has the token can see every process, send signals and`,
    `run programs as ${user}.`,
    `The server speaks plain HTTP without TLS: the token, and everything else, crosses the network`,
    `in clear, readable by anyone on the way. Use it only on a network you trust; the safe way is`,
    `the default 127.0.0.1 reached through an SSH tunnel (ssh -L ${port}:127.0.0.1:${port} <this host>).`,
  ].join('\n');
}
