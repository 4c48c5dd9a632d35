// The history chart's axes: whole-second time steps, and room for the longest value label.

/** Whole seconds only: a half-second tick label means nothing at one sample a second. */
export const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600];

/** Pixels for an axis whose longest label has this many characters (uPlot's default cuts "1023 MiB"). */
export function axisWidth(values: string[] | null): number {
  const longest = Math.max(3, ...(values ?? []).map((v) => v.length));
  return longest * 7 + 18;
}
