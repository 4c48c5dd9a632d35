// What the lab shows, kept while the window lives: the chosen demo, the open run, whether the
// demo's guide is open. Leaving the lab for the monitor and coming back finds them as they were.
import { Listeners } from './Listeners';

export interface LabSessionState {
  /** The demo chosen in the list (its details show while no run is open). */
  demoId: string | null;
  /** The run shown; null shows the chosen demo. */
  runId: string | null;
  /** The demo's explanation and "Try this" above an open run. */
  guideOpen: boolean;
}

export class LabSession {
  private state: LabSessionState = { demoId: null, runId: null, guideOpen: true };
  private readonly listeners = new Listeners();

  readonly subscribe = this.listeners.subscribe;
  readonly getState = (): LabSessionState => this.state;

  /** Shows a demo's details (and closes the run on screen, which goes on running). */
  chooseDemo(demoId: string): void {
    this.set({ demoId, runId: null });
  }

  /** Shows a run; the demo list then highlights the demo it runs (none for your own program). */
  openRun(runId: string, demoId: string | null): void {
    this.set({ runId, demoId: demoId ?? this.state.demoId });
  }

  setGuideOpen(guideOpen: boolean): void {
    this.set({ guideOpen });
  }

  private set(change: Partial<LabSessionState>): void {
    this.state = { ...this.state, ...change };
    this.listeners.notify();
  }
}
