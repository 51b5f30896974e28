// Loaded into the lab by the exit-path test: once the lab has drawn, an error nobody catches is
// thrown from a timer, as a bug outside any command would be.
import { setTimeout } from 'node:timers';

setTimeout(() => {
  throw new Error('an error nobody catches');
}, Number(process.env.THROW_AFTER_MS ?? 4000));
