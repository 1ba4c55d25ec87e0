/**
 * The dossier module's clock: every "now" of intake, transitions, lateness and tracking comes from here, so the
 * integration tests can receive a dossier on 13 February 2026 or let one run late without waiting. Production
 * never sets it. Commands and rules take `now` as a parameter; only routes read this.
 */
let fixed: Date | null = null;

export const dossierClock = {
  now(): Date {
    return fixed ? new Date(fixed.getTime()) : new Date();
  },
  /** Tests only: freeze the clock at `at` (null: back to the system clock). */
  set(at: Date | string | null): void {
    fixed = at === null ? null : new Date(at);
  },
};
