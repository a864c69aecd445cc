#!/usr/bin/env node
// `mou-bot` (and `npm start`, `npm run ask`, …): runs the compiled CLI in dist/, since Node starts
// plain JavaScript much faster than tsx compiles TypeScript on every start. `npm install` builds
// dist/; when the sources have changed since, this rebuilds first, so a start never runs stale code.
import { build, isStale } from '../scripts/build.js';

if (isStale()) {
  process.stderr.write('mou-bot: compiling TypeScript to dist/ (the sources changed since the last build)…\n');
  if (!build()) {
    process.stderr.write('mou-bot: the build failed (see above); nothing was started.\n');
    process.exit(2);
  }
}
await import('../dist/src/cli.js');
