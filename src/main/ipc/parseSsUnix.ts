// Parses `ss -xH` (iproute2), the one way to learn a UNIX socket's peer: the kernel tells it only
// through sock_diag netlink (UNIX_DIAG_PEER), never in /proc.

/** Each listed socket's inode and its peer's; 0 when the peer is gone. */
export function parseSsUnixPeers(text: string): Map<number, number> {
  const peers = new Map<number, number>();
  for (const line of text.split('\n')) {
    // Netid State Recv-Q Send-Q Local-path Local-inode Peer-path Peer-inode ("*" for no path).
    const match = /^u_\w+\s+\S+\s+\d+\s+\d+\s+.*?\s(\d+)\s+.*?\s(\d+)\s*$/.exec(line);
    if (match) peers.set(Number(match[1]), Number(match[2]));
  }
  return peers;
}
