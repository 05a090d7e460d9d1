// A macrotask boundary that is not throttled like setTimeout's nested timers: long work on the
// main thread awaits it between slices, so that no one task holds the page for long.
export function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
