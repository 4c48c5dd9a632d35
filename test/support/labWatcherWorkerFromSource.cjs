// Runs the lab watcher worker from its TypeScript source: tsx compiles it on the fly (tests, benchmarks).
require('tsx/cjs');
require('../../src/main/lab/labWatcherWorker.ts');
