// Running work after the browser has shown the next frame: the element puts
// the verdict card on screen first and adds the long panels below it in a
// task of their own, so the first frame after an analysis lays out only the
// card. requestAnimationFrame runs just before a frame is drawn; a task posted
// from there runs after that frame. A hidden tab draws no frames, so there
// (and, as a safeguard, after MAX_WAIT_MS anywhere) the work runs from a timer.
const MAX_WAIT_MS = 1000;

/** Runs `task` once, after the next frame. Returns a function that runs it at once if it has not run yet. */
export function afterNextFrame(task) {
  let pending = true;
  let timer = 0;
  const run = () => {
    if (!pending) return;
    pending = false;
    clearTimeout(timer);
    task();
  };
  if (globalThis.document?.visibilityState === 'hidden' || typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(run, 0);
  } else {
    requestAnimationFrame(() => setTimeout(run, 0));
    timer = setTimeout(run, MAX_WAIT_MS);
  }
  return run;
}
