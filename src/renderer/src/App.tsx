// The ProcLab window: system summary and the live process table.
import { useMemo } from 'react';
import type { ReconnectingClient } from './client/ReconnectingClient';
import { useProcessStream } from './hooks/useProcessStream';

export function App({ client }: { client: ReconnectingClient }) {
  const stream = useProcessStream(client, 1000);
  const rows = useMemo(
    // byPid is updated in place; version says when it changed.
    () => (stream.version >= 0 ? [...stream.byPid.values()].sort((a, b) => a.pid - b.pid) : []),
    [stream.byPid, stream.version],
  );
  return (
    <main>
      <header>
        <h1>ProcLab</h1>
        <p data-testid="connection">{stream.connection}</p>
        <p data-testid="process-count">{stream.summary?.processCount ?? 0} processes</p>
      </header>
      <table>
        <thead>
          <tr>
            <th>PID</th>
            <th>PPID</th>
            <th>USER</th>
            <th>STAT</th>
            <th>%CPU</th>
            <th>COMMAND</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.pid}>
              <td>{p.pid}</td>
              <td>{p.ppid}</td>
              <td>{p.user}</td>
              <td>{p.stat}</td>
              <td>{p.cpuPercent.toFixed(1)}</td>
              <td>{p.cmdline.length > 0 ? p.cmdline.join(' ') : `[${p.comm}]`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
