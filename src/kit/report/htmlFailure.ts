/**
 * One failed or errored check in the HTML report: its message, clauses and replay command, then the
 * counterexample drawn as heat maps — the inputs of the failing call, expected and actual on one shared
 * scale, and their difference with mismatching elements outlined — and the copy-paste reproduction.
 */
import { describeFingerprint, fingerprintRatios } from '../../check/precisionFingerprint.js';
import type { CheckResult } from '../../check/checkResult.js';
import { escapeXml } from './escapeXml.js';
import { failureCall } from './failureCall.js';
import { failureComparison, isMismatch } from './failureComparison.js';
import { formatNumber } from './formatNumber.js';
import { formatReproduction } from './formatReproduction.js';
import { explainText } from './diagnosisText.js';
import type { Diagnosis } from '../../diagnosis/diagnosis.js';
import { heatMapSvg, scaleLegend, symmetricRange } from './heatMap.js';
import { asReportTensor, findTensors, shapeText, type ReportTensor } from './reportTensor.js';

interface Panel {
  readonly title: string;
  readonly tensor: ReportTensor;
  readonly range: number;
  readonly outline?: (i: number) => boolean;
}

function panelHtml(p: Panel): string {
  const options = p.outline ? { range: p.range, outline: p.outline } : { range: p.range };
  return `<div class="panel"><h4>${escapeXml(p.title)} <span class="shape">${escapeXml(shapeText(p.tensor.shape))}</span></h4>${heatMapSvg(p.tensor, options)}${scaleLegend(p.range)}</div>`;
}

/** The inputs of the failing call, else every tensor in the counterexample but the expected one. */
function inputPanels(check: CheckResult): Panel[] {
  const call = failureCall(check);
  const named = call
    ? call.args.flatMap((a) => {
        const t = a.isTensor ? asReportTensor(a.value) : null;
        return t ? [{ name: a.name, tensor: t }] : [];
      })
    : findTensors(check.counterexample).filter((t) => t.name !== 'expected');
  return named.map(({ name, tensor }) => ({ title: name, tensor, range: symmetricRange(tensor) }));
}

function comparisonPanels(check: CheckResult): { panels: Panel[]; note: string } {
  const c = failureComparison(check);
  const panels: Panel[] = [];
  const shared = symmetricRange(c.expected, c.actual);
  if (c.expected) panels.push({ title: 'expected', tensor: c.expected, range: shared });
  if (c.actual) panels.push({ title: 'actual', tensor: c.actual, range: shared, outline: (i) => isMismatch(c, i) });
  if (c.difference) panels.push({ title: 'actual − expected', tensor: c.difference, range: symmetricRange(c.difference), outline: (i) => isMismatch(c, i) });
  const tolerance = typeof c.bound === 'number' ? `± ${formatNumber(c.bound, 3)}` : c.toleranceText;
  const parts = [tolerance ? `tolerance ${tolerance}` : '', c.mismatches !== null ? `mismatches: ${c.mismatches}${c.expected ? ` of ${c.expected.data.length} elements` : ''}` : ''];
  return { panels, note: parts.filter(Boolean).join('; ') };
}

/** The diagnosis (`kit.diagnosis.conventions`, `kit.diagnosis.explain`): the conventions followed, then explain. */
function diagnosisHtml(d: Diagnosis | undefined): string {
  if (d === undefined) return '';
  const items = d.conventions.map((c) => `<li><code>${escapeXml(c.id)}</code> ${escapeXml(c.title)} <span class="source">(${escapeXml(c.source)})</span></li>`);
  const explain = explainText(d);
  if (items.length === 0 && explain === null) return '';
  return `<div class="diagnosis">${items.length > 0 ? `<p>follows:</p><ul class="conventions">${items.join('')}</ul>` : ''}${explain !== null ? `<p class="explain">explain: ${escapeXml(explain)}</p>` : ''}</div>`;
}

export function failureHtml(check: CheckResult, replay: string, adapterSpec: string): string {
  const anchor = `check-${check.id.replace(/[^\w-]/g, '-')}`;
  const inputs = inputPanels(check);
  const { panels, note } = comparisonPanels(check);
  const repro = formatReproduction(check, adapterSpec);
  const clauses = check.clauses.map((c) => `<code>§${escapeXml(c)}</code>`).join(' ');
  return [
    `<section class="failure ${check.status}" id="${escapeXml(anchor)}">`,
    `<h3><span class="badge ${check.status}">${check.status === 'failed' ? 'FAIL' : 'ERROR'}</span> ${escapeXml(check.id)}</h3>`,
    `<pre class="message">${escapeXml(check.message ?? '')}</pre>`,
    `<p class="clauses">${clauses}</p>`,
    check.fingerprint !== undefined ? `<p class="fingerprint">precision: <strong>${escapeXml(describeFingerprint(check.fingerprint))}</strong><br><small>error/bound: ${escapeXml(fingerprintRatios(check.fingerprint))}</small></p>` : '',
    diagnosisHtml(check.diagnosis),
    `<p class="replay">replay: <code>${escapeXml(replay)}</code></p>`,
    inputs.length > 0 ? `<div class="panels inputs">${inputs.map(panelHtml).join('')}</div>` : '',
    panels.length > 0 ? `<div class="panels comparison">${panels.map(panelHtml).join('')}</div>` : '',
    note ? `<p class="tolerance">${escapeXml(note)}</p>` : '',
    repro !== null ? `<details><summary>reproduction</summary><pre class="repro">${escapeXml(repro)}</pre></details>` : '',
    '</section>',
  ].filter(Boolean).join('\n');
}
