// The verdict icons: a coloured disc with a white sign on a 24×24 grid, as SVG path data. The
// service worker paints them into the toolbar (canvas, per tab), the panel shows them as
// inline SVG: one drawing for both, no image files to keep in step.

/** Per verdict (and `idle` before a check): disc colour and sign (✓, !, ✕). */
export const VERDICT_ICONS = {
  idle: { colour: '#0b5cad', sign: 'M7 12.5l3.2 3.2L17 9' },
  pass: { colour: '#1f7a3a', sign: 'M7 12.5l3.2 3.2L17 9' },
  warn: { colour: '#8a5a00', sign: 'M12 6.8v6.4M12 17.2v.1' },
  block: { colour: '#b3261e', sign: 'M8.2 8.2l7.6 7.6M15.8 8.2l-7.6 7.6' },
};

const GRID = 24;
const SIGN_WIDTH = 2.8;

/** The icon as an `<svg>` element of `size` CSS pixels (for the panel). */
export function iconSvg(verdict, size, doc = globalThis.document) {
  const { colour, sign } = VERDICT_ICONS[verdict] ?? VERDICT_ICONS.idle;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${GRID} ${GRID}`);
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.dataset.verdict = verdict;
  const disc = doc.createElementNS(ns, 'circle');
  for (const [name, value] of [['cx', 12], ['cy', 12], ['r', 12], ['fill', colour]]) disc.setAttribute(name, String(value));
  const path = doc.createElementNS(ns, 'path');
  for (const [name, value] of [['d', sign], ['fill', 'none'], ['stroke', '#fff'], ['stroke-width', SIGN_WIDTH],
    ['stroke-linecap', 'round'], ['stroke-linejoin', 'round']]) path.setAttribute(name, String(value));
  svg.append(disc, path);
  return svg;
}

/** The icon as `ImageData` per size, for `chrome.action.setIcon({ imageData })`. */
export function iconImageData(verdict, sizes = [16, 32]) {
  const { colour, sign } = VERDICT_ICONS[verdict] ?? VERDICT_ICONS.idle;
  return Object.fromEntries(sizes.map((size) => {
    const canvas = new OffscreenCanvas(size, size);
    const context = canvas.getContext('2d');
    context.scale(size / GRID, size / GRID);
    context.fillStyle = colour;
    context.beginPath();
    context.arc(12, 12, 12, 0, 2 * Math.PI);
    context.fill();
    context.strokeStyle = '#fff';
    context.lineWidth = SIGN_WIDTH;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.stroke(new Path2D(sign));
    return [size, context.getImageData(0, 0, size, size)];
  }));
}
