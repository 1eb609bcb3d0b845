import { Worker } from 'node:worker_threads';

interface Task {
  id: number;
  prompt: string;
  width: number;
  height: number;
  resolve: (png: Buffer) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  task: Task | undefined;
}

/**
 * A fixed set of worker threads that render prompt pictures, fed from one queue. A worker
 * that dies fails its task and is replaced; a task whose signal aborts while it waits leaves
 * the queue.
 */
export class RenderPool {
  readonly #size: number;
  readonly #slots: Slot[] = [];
  readonly #queue: Task[] = [];
  #nextId = 1;
  #closed = false;

  constructor(size: number) {
    this.#size = size;
  }

  /** Renders one picture in a worker thread. */
  render(prompt: string, width: number, height: number, signal?: AbortSignal): Promise<Buffer> {
    if (this.#closed) return Promise.reject(new Error('render pool is closed'));
    signal?.throwIfAborted();
    return new Promise<Buffer>((resolve, reject) => {
      const task: Task = {
        id: this.#nextId++,
        prompt,
        width,
        height,
        resolve,
        reject,
      };
      const onAbort = () => {
        const index = this.#queue.indexOf(task);
        if (index >= 0) {
          this.#queue.splice(index, 1);
          reject(signal?.reason);
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle =
        <T>(fn: (value: T) => void) =>
        (value: T) => {
          signal?.removeEventListener('abort', onAbort);
          fn(value);
        };
      task.resolve = settle(resolve);
      task.reject = settle(reject);
      this.#queue.push(task);
      this.#pump();
    });
  }

  /** Stops every worker; waiting and running tasks fail. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const task of this.#queue.splice(0)) task.reject(new Error('render pool is closed'));
    await Promise.all(
      this.#slots.splice(0).map((slot) => {
        slot.task?.reject(new Error('render pool is closed'));
        return slot.worker.terminate();
      }),
    );
  }

  #pump(): void {
    while (this.#queue.length > 0) {
      let slot = this.#slots.find((s) => s.task === undefined);
      if (!slot && this.#slots.length < this.#size) slot = this.#spawn();
      if (!slot) return;
      const task = this.#queue.shift() as Task;
      slot.task = task;
      slot.worker.postMessage({
        id: task.id,
        prompt: task.prompt,
        width: task.width,
        height: task.height,
      });
    }
  }

  #spawn(): Slot {
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url));
    const slot: Slot = { worker, task: undefined };
    worker.unref();
    worker.on('message', (message: { id: number; png?: Uint8Array; error?: string }) => {
      const task = slot.task;
      if (!task || task.id !== message.id) return;
      slot.task = undefined;
      if (message.png) task.resolve(Buffer.from(message.png.buffer, message.png.byteOffset, message.png.byteLength));
      else task.reject(new Error(message.error ?? 'render failed'));
      this.#pump();
    });
    const retire = (error: unknown) => {
      const index = this.#slots.indexOf(slot);
      if (index < 0) return;
      this.#slots.splice(index, 1);
      slot.task?.reject(error);
      slot.task = undefined;
      if (!this.#closed) this.#pump();
    };
    worker.on('error', retire);
    worker.on('exit', (code) => retire(new Error(`render worker exited with code ${code}`)));
    this.#slots.push(slot);
    return slot;
  }
}
