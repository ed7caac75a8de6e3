/**
 * Runs a task so that two runs never overlap: a call while it runs asks for one more run after it,
 * however many calls came meanwhile. The policy refresh needs this: a refresh that read storage
 * before a change must not finish after the refresh that read the change and put the old policy back.
 */
export function oneAtATime(task: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    task()
      .catch(() => undefined) // the task reports its own errors
      .finally(() => {
        running = false;
        if (again) run();
      });
  };
  return run;
}
