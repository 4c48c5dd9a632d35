// Performance marks the benchmark reads from Chromium: update applied and drawn, first full table.

export const UPDATE_MEASURE = 'proclab:update';
export const FIRST_TABLE_MEASURE = 'proclab:first-table';
const UPDATE_START = 'proclab:update-received';

/** Kept in step with the performance timeline, which is not searched on every update. */
let updateReceived = false;
let updatesMeasured = 0;

/** An update arrived from the main process (before the store applies it). */
export function markUpdateReceived(): void {
  performance.mark(UPDATE_START);
  updateReceived = true;
}

/** React has committed what the last update changed. */
export function markUpdateDrawn(): void {
  if (!updateReceived) return;
  updateReceived = false;
  performance.measure(UPDATE_MEASURE, UPDATE_START);
  performance.clearMarks(UPDATE_START);
  // Keep the last few hundred measures only: the window may stay open for hours.
  if (++updatesMeasured > 500) {
    performance.clearMeasures(UPDATE_MEASURE);
    updatesMeasured = 0;
  }
}

let firstTableMarked = false;

/** The grid shows the rows of the first snapshot: time since the page started loading. */
export function markFirstTable(rowCount: number): void {
  if (firstTableMarked || rowCount === 0) return;
  firstTableMarked = true;
  performance.measure(FIRST_TABLE_MEASURE, { start: 0, end: performance.now() });
}
