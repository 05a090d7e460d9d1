// Small statistics for the benchmark: medians and the log-log growth exponent.
export function median(values) {
  if (!values?.length) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// Least-squares slope of log(time) against log(size): time ~ size^k. Needs two points or more.
export function growthExponent(points) {
  const usable = points.filter(([size, time]) => size > 0 && time > 0);
  if (usable.length < 2) return null;
  const xs = usable.map(([size]) => Math.log(size));
  const ys = usable.map(([, time]) => Math.log(time));
  const meanX = xs.reduce((t, x) => t + x, 0) / xs.length;
  const meanY = ys.reduce((t, y) => t + y, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let k = 0; k < xs.length; ++k) {
    num += (xs[k] - meanX) * (ys[k] - meanY);
    den += (xs[k] - meanX) ** 2;
  }
  return den === 0 ? null : num / den;
}

export function formatMs(ms) {
  if (ms === null || ms === undefined) return '—';
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function formatMb(bytes) {
  if (bytes === null || bytes === undefined) return '—';
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
