// Runs in a worker thread: PNG encoding is CPU-bound (≈50 ms for 1024²), and on the main
// thread it would stall every other request.
import { parentPort } from 'node:worker_threads';
import { renderPromptImage } from './render-prompt-image.ts';

parentPort?.on('message', (task: { id: number; prompt: string; width: number; height: number }) => {
  try {
    const png = renderPromptImage(task.prompt, task.width, task.height);
    const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
    parentPort?.postMessage({ id: task.id, png: bytes });
  } catch (error) {
    parentPort?.postMessage({ id: task.id, error: String(error) });
  }
});
