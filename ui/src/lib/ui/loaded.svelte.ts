// One screen's data as it loads: the value, what went wrong, and whether a load is running —
// the load / error / Try again pattern each screen would otherwise write again.
import { toProblem, type Problem } from '../backend';

export class Loaded<T> {
  /** Replaced whole, never changed in place: a large view is not made reactive field by field. */
  value: T | null = $state.raw(null);
  problem: Problem | null = $state(null);
  loading = $state(false);

  constructor(private readonly fetch: () => Promise<T>) {}

  /** Loads again; a failure keeps the last value and says what went wrong. */
  load = async (): Promise<void> => {
    this.loading = true;
    this.problem = null;
    try {
      this.value = await this.fetch();
    } catch (error) {
      this.problem = toProblem(error);
    } finally {
      this.loading = false;
    }
  };
}
