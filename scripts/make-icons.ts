/**
 * Rasterise every public/icons/<name>.svg to public/icons/<name>-<size>.png
 * (16, 32, 48, 128 px) with playwright-core driving Debian's Chromium.
 *
 * Why the PNGs are committed: browsers' action.setIcon() (and the manifest's
 * icons on some browsers) need raster images, not SVG. They are generated once
 * with this script whenever an SVG changes, not at build time, so a build needs
 * no browser.
 *
 *   npx tsx scripts/make-icons.ts                 # write the PNGs
 *   npx tsx scripts/make-icons.ts --sheet out.png # also a contact sheet (light + dark)
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 128] as const;
const ICON_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');

function dataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

function html(body: string, background = 'transparent'): string {
  return `<!doctype html><html><head><style>
    html, body { margin: 0; padding: 0; background: ${background}; }
    img { display: block; }
  </style></head><body>${body}</body></html>`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sheetAt = args.indexOf('--sheet');
  const sheetPath = sheetAt >= 0 ? args[sheetAt + 1] : undefined;

  const names = (await readdir(ICON_DIR))
    .filter((f) => f.endsWith('.svg'))
    .map((f) => f.slice(0, -'.svg'.length))
    .sort();
  const svgs = new Map<string, string>();
  for (const name of names) svgs.set(name, await readFile(join(ICON_DIR, `${name}.svg`), 'utf8'));

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const name of names) {
      const src = dataUrl(svgs.get(name)!);
      for (const size of SIZES) {
        await page.setViewportSize({ width: size, height: size });
        await page.setContent(html(`<img src="${src}" width="${size}" height="${size}">`));
        await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
        const png = await page.screenshot({
          omitBackground: true,
          clip: { x: 0, y: 0, width: size, height: size },
        });
        const out = join(ICON_DIR, `${name}-${size}.png`);
        await writeFile(out, png);
        console.log(`${name}-${size}.png ${png.length} B`);
      }
    }

    if (sheetPath) {
      // Each icon at 16, 32 and 128 px from its SVG, then the generated 16 and
      // 32 px PNGs blown up pixel for pixel, on a light and a dark toolbar colour.
      const pngUrl = async (name: string, size: number) =>
        `data:image/png;base64,${(await readFile(join(ICON_DIR, `${name}-${size}.png`))).toString('base64')}`;
      const cells: string[] = [];
      for (const name of names) {
        const svg = dataUrl(svgs.get(name)!);
        cells.push(
          `<tr><td>${name}</td>` +
            [16, 32, 128].map((s) => `<td><img src="${svg}" width="${s}" height="${s}"></td>`).join('') +
            `<td><img class="px" src="${await pngUrl(name, 16)}" width="128" height="128"></td>` +
            `<td><img class="px" src="${await pngUrl(name, 32)}" width="128" height="128"></td></tr>`,
        );
      }
      const table = (bg: string, fg: string) => `<table style="background:${bg};color:${fg}">${cells.join('')}</table>`;
      const body =
        `<style>table{font:11px sans-serif;border-spacing:10px 4px}td{vertical-align:middle}` +
        `.px{image-rendering:pixelated}</style>` +
        `<div style="display:inline-flex">${table('#ffffff', '#202124')}${table('#202124', '#e8eaed')}</div>`;
      await page.setViewportSize({ width: 1400, height: 600 });
      await page.setContent(html(body, '#888'));
      await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
      const box = (await page.locator('body > div').boundingBox())!;
      await page.screenshot({ path: sheetPath, fullPage: true, clip: box });
      console.log(`sheet: ${sheetPath}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
