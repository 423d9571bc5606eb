/**
 * The HTML report is one self-contained page, and it renders in a real browser: headless Debian chromium
 * draws a failing run to PNG, and its DOM has the operator × family matrix and SVG heat maps. Skipped, with
 * the reason, where /usr/bin/chromium is missing (`.ci/run` installs it).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { toHtmlReport } from '../../src/kit/report/htmlReport.js';
import { failingReport, syntheticReport } from './reportFixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`htmlReport.test: ${CHROMIUM} is missing, so the browser tests are skipped (apt-get install -y chromium)`);

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'convkit-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Headless chromium with everything that would reach the network turned off. */
async function chromium(profile: string, ...args: string[]): Promise<string> {
  const flags = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--hide-scrollbars', `--user-data-dir=${join(dir, profile)}`,
  ];
  const { stdout } = await run(CHROMIUM, [...flags, ...args], { timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

describe('HTML report', () => {
  it('is self-contained: inline CSS and SVG, no scripts, nothing fetched', async () => {
    const html = toHtmlReport(await failingReport(), { adapterSpec: 'broken.ts' });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|\s(src|href)=|@import|url\(/i);
  });

  it('escapes whatever the messages contain', () => {
    const html = toHtmlReport(syntheticReport);
    expect(html).toContain('hostile a &lt; b &amp;&amp; c &gt; &quot;d&quot; &apos;e&apos; ⌊x⌋');
    expect(html).not.toContain('a < b');
  });

  it.skipIf(!hasChromium)('renders a failing run in headless chromium: the matrix and heat maps are there', async () => {
    const report = await failingReport();
    const file = join(dir, 'report.html');
    writeFileSync(file, toHtmlReport(report, { adapterSpec: 'broken.ts' }));
    const url = pathToFileURL(file).href;
    const png = join(dir, 'report.png');
    const [dom] = await Promise.all([chromium('dom', '--dump-dom', url), chromium('png', '--window-size=1200,1600', `--screenshot=${png}`, url)]);

    // The matrix: a conv2d row with a failing cell among passing ones.
    const matrix = /<table id="matrix"[\s\S]*?<\/table>/.exec(dom)?.[0] ?? '';
    expect(matrix).toMatch(/<th scope="row">conv2d<\/th>/);
    expect(matrix).toMatch(/<td class="cell failed"[^>]*><span class="n-failed">\d+ fail<\/span>/);
    expect(matrix).toMatch(/<td class="cell passed"/);

    // One section per failure, each with SVG heat maps whose cells carry their values as <title>.
    const failed = report.checks.filter((c) => c.status === 'failed').length;
    expect(dom.match(/<section class="failure failed"/g)).toHaveLength(failed);
    expect(dom).toMatch(/<svg [^>]*class="heat"[^>]*><rect [^>]*fill="rgb\(\d+,\d+,\d+\)"[^>]*><title>\[0, 0, 0, 0\] = /);
    expect(dom).toMatch(/<h4>actual − expected <span class="shape">/);

    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(png).size).toBeGreaterThan(20_000);
  });
});
