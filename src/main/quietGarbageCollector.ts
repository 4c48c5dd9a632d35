// V8's memory reducer runs full garbage collections whenever an isolate turns idle after
// allocating. A monitor that samples every second turns idle every second: those collections
// cost it more CPU than its sampling (measured by `npm run bench`), for memory that stays flat.
import v8 from 'node:v8';

export function quietGarbageCollector(): void {
  // Set before the sampler's worker isolate starts, so it applies to that one too.
  v8.setFlagsFromString('--no-memory-reducer');
}
