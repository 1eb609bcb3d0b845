import { OpenPixels } from 'openpixels';

const client = new OpenPixels();

// submit() returns as soon as the gateway has the job; keep its id,
// e.g. in your database.
const job = await client.submit({
  model: 'flux-schnell',
  prompt: 'a tin robot watering tulips',
});
if (job.type === 'result') {
  // Refused (or finished already): the same shape run() resolves with.
  if (job.error) console.log(`refused: ${job.error.code}`);
  else console.log(`done: ${job.data.url}`);
} else {
  // Later, perhaps in another process: follow the job to its end.
  const result = await client.poll(job.id, {
    onProgress: (update) => console.log(`status: ${update.status}`),
  });
  if (result.error) console.log(`failed: ${result.error.code}`);
  else console.log(`done: ${result.data.url}`);
}
