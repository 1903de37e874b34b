/** A wake-up flag: `wait` resolves on the next `fire` or after a timeout, whichever is first. */
export class Signal {
  private fired = false;
  private waiters: Array<() => void> = [];

  fire() {
    this.fired = true;
    for (const wake of this.waiters.splice(0)) wake();
  }

  async wait(ms: number): Promise<void> {
    if (this.fired) {
      this.fired = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      const waiters = this.waiters;
      function done() {
        clearTimeout(timer);
        const i = waiters.indexOf(done);
        if (i !== -1) waiters.splice(i, 1);
        resolve();
      }
      waiters.push(done);
    });
    this.fired = false;
  }
}
