// The history chart's axes: whole-second time steps, and room for the longest value label.

/** Whole seconds only: a half-second tick label means nothing at one sample a second. */
export const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600];

/** Pixels for an axis whose longest label has this many characters (uPlot's default cuts "1023 MiB"). */
export function axisWidth(values: string[]): number {
  const longest = Math.max(3, ...values.map((v) => v.length));
  return longest * 7 + 18;
}

/**
 * The value axes keep the width of the widest label their format can print: uPlot lays the plot out
 * with the width its first, empty draw asked for, so a width that grows with the data cut the RSS
 * labels at the panel's edge ("47.7" of 47.7 MiB).
 */
export const CPU_AXIS_WIDTH = axisWidth(['1000%']);
export const RSS_AXIS_WIDTH = axisWidth(['1023 MiB']);
