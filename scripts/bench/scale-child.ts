/**
 * One command-line run (cli/scan.ts's `run`, in this process) whose fetch goes to the stand-in
 * whatever the host name, so that real-looking host names reach loopback. Prints its wall time
 * and the kernel's peak RSS for this process as one JSON line.
 *
 *   tsx scripts/bench/scale-child.ts <port> <scan arguments…>
 */
import { run } from '../../cli/scan';
import { loopbackFetch } from './loopback-fetch';

const [port, ...argv] = process.argv.slice(2);
globalThis.fetch = loopbackFetch(Number(port));
const started = performance.now();
const errors: string[] = [];
const code = await run(
  argv,
  () => undefined,
  (line) => void (errors.length < 20 && errors.push(line)),
);
process.stdout.write(
  `${JSON.stringify({ code, seconds: (performance.now() - started) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024, errors })}\n`,
);
