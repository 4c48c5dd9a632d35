// A contract client that also says whether it is connected (a window's IPC always is).
import type { ProcLabClient } from '../../../shared/contract/ProcLabClient';
import type { ConnectionState } from './ConnectionState';

export interface ReconnectingClient extends ProcLabClient {
  readonly state: ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
}
