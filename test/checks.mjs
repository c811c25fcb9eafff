// The runners of checks in real editors (test/e2e, test/editors): each check is named, a failure is
// recorded and the run goes on, and the run ends with the failures, the counts and an exit code.

/** A run of checks. */
export function checks() {
  let passed = 0;
  const failures = [];
  return {
    /** Runs one check; a failure is recorded, `onFailure` runs (a screenshot, say), and the run goes on. */
    async check(name, fn, onFailure = async () => {}) {
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
      console.log(`${passed} passed, ${failures.length} failed`);
      process.exit(failures.length > 0 ? 1 : 0);
    },
  };
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}
