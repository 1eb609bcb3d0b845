// A stand-in provider in its own process for the benchmark, so it does not share a thread
// with the load generator. Prints `{ url, key }` as one JSON line, then serves until killed.
import { startStandInProvider } from '../src/testing/stand-in-provider.ts';

const protocol = process.argv[2] === 'replicate' ? 'replicate' : 'fal';
const standIn = await startStandInProvider({ protocol });
console.log(JSON.stringify({ url: standIn.url, key: standIn.key }));
process.on('SIGTERM', () => standIn.close().then(() => process.exit(0)));
