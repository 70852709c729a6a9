// The status breakdown of one batch as an SVG donut, drawn by hand: no library, nothing fetched.
import { h, count } from './dom.js';
import { ITEM_STATUSES, label } from './status.js';

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs) => {
  const el = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, v));
  return el;
};

export function statusChart(counts) {
  const values = ITEM_STATUSES.map((status) => ({ status, n: Number(counts[status] || 0) }));
  const total = values.reduce((sum, v) => sum + v.n, 0);
  const radius = 60;
  const circumference = 2 * Math.PI * radius;

  const chart = svg('svg', { viewBox: '0 0 160 160', class: 'donut', role: 'img',
    'aria-label': values.map((v) => `${label(v.status)} ${v.n}`).join(', ') });
  chart.append(svg('circle', { cx: 80, cy: 80, r: radius, class: 'ring' }));
  let offset = 0;
  for (const { status, n } of values) {
    if (n === 0) continue;
    const length = (n / total) * circumference;
    chart.append(svg('circle', { cx: 80, cy: 80, r: radius, class: `arc s-${status}`,
      'stroke-dasharray': `${length} ${circumference - length}`, 'stroke-dashoffset': -offset,
      transform: 'rotate(-90 80 80)', 'data-status': status }));
    offset += length;
  }
  const success = total ? Math.floor((100 * Number(counts.Success || 0)) / total) : 0;
  const centre = svg('text', { x: 80, y: 78, class: 'donut-value' });
  centre.textContent = `${success}%`;
  const caption = svg('text', { x: 80, y: 98, class: 'donut-caption' });
  caption.textContent = 'paid';
  chart.append(centre, caption);

  const legend = h('ul', { class: 'legend', id: 'chart-legend' }, values.map(({ status, n }) => h('li',
    { dataset: { status } },
    h('span', { class: `swatch s-${status}` }),
    h('span', { class: 'legend-label' }, label(status)),
    h('span', { class: 'legend-count' }, count(n)),
    h('span', { class: 'legend-pct muted' }, total ? `${((100 * n) / total).toFixed(1)}%` : '—'))));
  return h('div', { class: 'chart', id: 'status-chart' }, chart, legend);
}
