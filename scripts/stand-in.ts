/** Runs the stand-in on a fixed port with the sample sites, for trying the extension by hand. */
import { chromiumArgs, hostResolverRules } from './browser';
import { startStandIn } from './stand-in/server';
import { sampleSiteMap, sampleSites } from './stand-in/sites';

function portArgument(): number {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (i < 0) return 8443;
  const value = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Bad --port: ${value}`);
  return port;
}

const standIn = await startStandIn({ port: portArgument(), sites: sampleSiteMap() });
console.log(`Stand-in for bszs.conac.cn / dcs.conac.cn and the sample sites: ${standIn.origin} (http and https)`);
console.log(`Chromium: --host-resolver-rules="${hostResolverRules(standIn.port)}" --ignore-certificate-errors`);
console.log(`Full argument list: ${chromiumArgs('<extension dir>', standIn.port).join(' ')}`);
console.log('Sample sites:');
for (const s of sampleSites) console.log(`  https://${s.host}/  ${s.expect.padEnd(8)} ${s.note}`);

process.on('SIGINT', () => void standIn.close().then(() => process.exit(0)));
