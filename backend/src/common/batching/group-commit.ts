interface Submitted<In, Out> {
  input: In;
  resolve: (output: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: an input submitted while no call is running goes to `work` at once; inputs
 * submitted while one runs wait, then go together (up to `maxBatch`, in submission order)
 * in the next call. So a burst costs one round trip, and an input is only ever handled by
 * a call that began after it was submitted. `work` answers one output per input, in order;
 * if it throws, every input of that call fails with the error.
 */
export class GroupCommit<In, Out> {
  private queued: Submitted<In, Out>[] = [];
  private running = false;
  private inFlight: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly work: (inputs: In[]) => Promise<Out[]>,
    private readonly maxBatch = Number.POSITIVE_INFINITY,
  ) {}

  submit(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queued.push({ input, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  /**
   * Resolves once the call running now (if any) has ended, whatever its outcome: whatever
   * a call had done before this was asked is then done in full, not halfway.
   */
  settled(): Promise<void> {
    return this.inFlight.then(() => undefined);
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queued.length > 0) {
        const batch = this.queued.splice(0, this.maxBatch);
        const call = this.work(batch.map((b) => b.input));
        this.inFlight = call.catch(() => undefined);
        try {
          const outputs = await call;
          batch.forEach((b, i) => b.resolve(outputs[i]));
        } catch (error) {
          for (const b of batch) b.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
