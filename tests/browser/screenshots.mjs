// Where the browser tests put their screenshots, shared by this package's report test and the
// WebAssembly package's tests (no dependencies, so either may import it).
//
// Every screenshot is written to target/screenshots/NAME.png (ignored by git). A screenshot a
// README shows is also written over that image in the tree, so a local test run refreshes the
// pictures — except in CI (`CI` set), which must leave the tree as it found it.
// FREIGABE_SCREENSHOTS=1 writes them in any case, FREIGABE_SCREENSHOTS=0 never. The shots are
// taken at a fixed size with anything timed hidden, and the committed image is only replaced
// when a pixel differs visibly (Chromium's antialiasing of a rounded corner varies by one step
// between runs), so git sees no change unless the picture changed.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** target/screenshots: where every screenshot goes. */
export const screenshotDir = path.join(root, 'target/screenshots');

/** The images the READMEs show, by screenshot name. */
export const README_IMAGES = {
  editor: 'examples/browser-editor/screenshot.png',
  extension: 'examples/browser-extension/screenshot.png',
  codemirror: 'examples/codemirror/screenshot.png',
  report: 'docs/images/report.png',
};

/** Whether this run writes the README images (see the top of this file). */
export function publishing(env = process.env) {
  if (env.FREIGABE_SCREENSHOTS === '1') return true;
  if (env.FREIGABE_SCREENSHOTS === '0') return false;
  return !env.CI;
}

/**
 * Screenshots `page` (full page unless `options` say otherwise, animations stopped, no caret)
 * into target/screenshots/NAME.png and, when publishing, into the README's image if its bytes
 * differ. `hide` is CSS selectors of things that change from run to run (timings). Returns
 * the path in target/.
 */
export async function saveScreenshot(page, name, { hide = [], ...options } = {}) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({
    path: file,
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
    style: hide.length ? `${hide.join(', ')} { visibility: hidden !important; }` : undefined,
    ...options,
  });
  const image = README_IMAGES[name];
  if (image && publishing()) {
    const target = path.join(root, image);
    if (!existsSync(target) || await differs(page.context(), readFileSync(target), readFileSync(file))) {
      copyFileSync(file, target);
    }
  }
  return file;
}

/** How far a colour channel may stray before two pictures count as different. */
const TOLERANCE = 8;

/**
 * Whether two PNGs differ in size or in any pixel by more than `TOLERANCE`; decoded by the
 * browser at hand, in a blank page of its own.
 */
async function differs(context, before, after) {
  if (before.equals(after)) return false;
  // A page from `browser.newPage()` owns its context alone; a persistent one has no browser.
  const page = await (context.browser() ?? context).newPage();
  try {
    return await page.evaluate(async ([a, b, tolerance]) => {
      const pixels = async (base64) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context2d = canvas.getContext('2d');
        context2d.drawImage(bitmap, 0, 0);
        return context2d.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = await Promise.all([pixels(a), pixels(b)]);
      if (x.width !== y.width || x.height !== y.height) return true;
      return x.data.some((value, index) => Math.abs(value - y.data[index]) > tolerance);
    }, [before.toString('base64'), after.toString('base64'), TOLERANCE]);
  } finally {
    await page.close();
  }
}
