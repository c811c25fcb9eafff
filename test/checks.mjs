// The runners of checks in real editors (test/e2e, test/editors): each check is named, a failure is
// recorded and the run goes on, and the run ends with the failures, the counts and an exit code.

/** A run of checks. */
export function checks() {
  let passed = 0;
  let skipped = 0;
  const failures = [];
  // CABLE_CHECKS_GREP=pattern runs only the checks whose names match it (the editors are still set up), to try one check
  // without waiting for the others; a check that needs what an earlier one left may then fail.
  const only = process.env.CABLE_CHECKS_GREP ? new RegExp(process.env.CABLE_CHECKS_GREP, 'i') : undefined;
  return {
    /** Runs one check; a failure is recorded, `onFailure` runs (a screenshot, say), and the run goes on. */
    async check(name, fn, onFailure = async () => {}) {
      if (only && !only.test(name)) {
        skipped++;
        return;
      }
      try {
        await fn();
        passed++;
        console.log(`  ✔ ${name}`);
      } catch (error) {
        failures.push(`${name}: ${error.message}`);
        console.log(`  ✘ ${name}: ${error.message.split('\n')[0]}`);
        await onFailure();
      }
    },
    get failed() {
      return failures.length;
    },
    /** Prints the failures and the counts, and exits with 1 when a check failed. */
    finish() {
      for (const f of failures) console.log(`FAILED ${f}`);
      console.log(`${passed} passed, ${failures.length} failed${skipped > 0 ? `, ${skipped} skipped (CABLE_CHECKS_GREP)` : ''}`);
      process.exit(failures.length > 0 ? 1 : 0);
    },
  };
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}
