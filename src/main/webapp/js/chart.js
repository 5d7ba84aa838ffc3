// Geometry of the page's two small inline SVG charts, as plain strings so that it can be tested without a DOM:
// the sparkline of one symbol's prices and the bytes-per-second bars of one transport.

/**
 * The polylines (as SVG `points` strings) of `values` spread over `width` x `height`, lowest value at the bottom.
 * A null value is a gap: the line stops there and starts again after it.
 */
export function sparklines(values, width, height, pad = 1) {
  const numbers = values.filter((value) => value !== null);
  if (numbers.length === 0) {
    return [];
  }
  const low = Math.min(...numbers);
  const high = Math.max(...numbers);
  const span = high - low || 1;
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const lines = [];
  let current = [];
  values.forEach((value, i) => {
    if (value === null) {
      if (current.length > 0) {
        lines.push(current);
      }
      current = [];
      return;
    }
    const x = pad + i * step;
    const y = high === low ? height / 2 : pad + (1 - (value - low) / span) * (height - 2 * pad);
    current.push(`${round(x)},${round(y)}`);
  });
  if (current.length > 0) {
    lines.push(current);
  }
  return lines.map((points) => points.join(' '));
}

/**
 * An SVG path of one bar per value over `width` x `height`, scaled so that `max` (default: the largest value)
 * reaches the top. Empty when every value is 0.
 */
export function barsPath(values, width, height, max = Math.max(0, ...values)) {
  if (!(max > 0)) {
    return '';
  }
  const barWidth = width / values.length;
  return values.map((value, i) => {
    const barHeight = Math.min(height, (value / max) * height);
    if (barHeight <= 0) {
      return '';
    }
    return `M${round(i * barWidth)} ${round(height)}v${round(-barHeight)}h${round(Math.max(barWidth - 1, 0.5))}v${round(barHeight)}z`;
  }).join('');
}

const round = (value) => Math.round(value * 10) / 10;
