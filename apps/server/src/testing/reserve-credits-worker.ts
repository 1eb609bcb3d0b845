// A second process spending the same key's credits as the test process, to prove that
// BEGIN IMMEDIATE keeps two writers from overspending. Run: node reserve-credits-worker.ts <dataDir> <keyId> <tries>
import { admissionRules } from '../jobs/admission.ts';
import { openStore } from '../store/open-store.ts';

const [dataDir, keyId, tries] = process.argv.slice(2) as [string, string, string];
const store = await openStore({ dataDir });
let accepted = 0;
let refused = 0;
for (let i = 0; i < Number(tries); i++) {
  try {
    await store.jobs.create({
      keyId,
      model: 'flux-schnell',
      prompt: `worker ${process.pid} ${i}`,
      width: 256,
      height: 256,
      routing: { strategy: 'best' },
      price: 1,
      deadlineMs: 60_000,
      rules: admissionRules({ maxActiveJobsPerKey: 1_000_000 }),
    });
    accepted++;
  } catch (error) {
    if ((error as { code?: string }).code !== 'NO_CREDITS') throw error;
    refused++;
  }
}
await store.close();
console.log(JSON.stringify({ accepted, refused }));
