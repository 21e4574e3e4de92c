// A screen's data as it loads, and the actions run on it: the value, what went wrong, and
// whether something is running — the load / error / Try again pattern each screen would
// otherwise write again.
import { toProblem, type Problem } from '../backend';

/** Runs `work` and answers what it answered, or `undefined` after telling `failed` why not. */
async function attempt<R>(work: () => Promise<R>, failed: (problem: Problem) => void): Promise<R | undefined> {
  try {
    return await work();
  } catch (error) {
    failed(toProblem(error));
    return undefined;
  }
}

/** One action a screen runs: whether it is running and what went wrong the last time. */
export class Action {
  running = $state(false);
  problem: Problem | null = $state(null);

  /** Runs `work`; its answer, or `undefined` when it failed (the failure is `problem`). */
  run = async <R>(work: () => Promise<R>): Promise<R | undefined> => {
    this.running = true;
    this.problem = null;
    const answer = await attempt(work, (p) => (this.problem = p));
    this.running = false;
    return answer;
  };
}

/** A view's data: loaded by `fetch` (with the arguments `load` is given), replaced by actions. */
export class Loaded<T, A extends unknown[] = []> {
  /** Replaced whole, never changed in place: a large view is not made reactive field by field. */
  value: T | null = $state.raw(null);
  problem: Problem | null = $state(null);
  loading = $state(false);

  constructor(private readonly fetch: (...args: A) => Promise<T>) {}

  /** Loads again; a failure keeps the last value and says what went wrong. */
  load = async (...args: A): Promise<void> => {
    await this.update(() => this.fetch(...args));
  };

  /** Runs an action on the view that answers something else (a switch, a removal): a failure
   *  says what went wrong here; its caller does it again. */
  run = async <R>(work: () => Promise<R>): Promise<R | undefined> => {
    this.problem = null;
    return attempt(work, (p) => (this.problem = p));
  };

  /** Runs an action that answers with the view as it is now (a save, a discard): the answer
   *  replaces the value; a failure keeps it, says what went wrong, and is what `retry` does
   *  again. */
  update = async (work: () => Promise<T>): Promise<T | undefined> => {
    this.loading = true;
    const answer = await this.run(work);
    if (answer !== undefined) this.value = answer;
    this.failed = answer === undefined ? work : null;
    this.loading = false;
    return answer;
  };

  /** A view an action elsewhere answered (a panel's save): it replaces the value, and what
   *  failed before it no longer stands (Try again must not redo it). */
  set = (value: T): void => {
    this.value = value;
    this.problem = null;
    this.failed = null;
  };

  /** Does again the load or action on the view that failed last (Try again), not merely a
   *  reload: a failed removal is tried again, not forgotten. */
  retry = async (): Promise<void> => {
    const work = this.failed;
    if (work) await this.update(work);
  };

  private failed: (() => Promise<T>) | null = null;
}

/** Try again on a screen whose actions do more after their call (a toast, a merge, a dialog
 *  closed): the last action that failed, done again whole, until another action starts. */
export class Redo {
  private again: (() => Promise<unknown>) | null = null;

  /** After an action: keeps `again` when it failed, and forgets an earlier failure when not. */
  after = (ok: boolean, again: () => Promise<unknown>): void => {
    this.again = ok ? null : again;
  };

  /** Another action starts: the failure before it is no longer what Try again does. */
  clear = (): void => {
    this.again = null;
  };

  /** Does the failed action again, or `otherwise` when none is waiting. */
  run = (otherwise: () => unknown): unknown => (this.again ? this.again() : otherwise());
}
