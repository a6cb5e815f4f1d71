// Small SVG charts drawn by hand: bars, a heat map and line charts that can grow.
import { h, s, fmt } from './dom.js';

/** Horizontal bars: items [{label, value}], value in [0, max]. */
export function bars(items, { max = 1, format = (v) => (v * 100).toFixed(1) + ' %', caption } = {}) {
	const table = h('table.bars', caption ? h('caption', caption) : null);
	const body = h('tbody');
	for (const item of items) {
		const fill = h('span.bar-fill');
		fill.style.width = Math.max(0, Math.min(1, item.value / max)) * 100 + '%';
		body.append(h('tr', h('th', { scope: 'row' }, item.label),
				h('td.bar-cell', h('span.bar', { role: 'img', 'aria-label': item.label + ' ' + format(item.value) }, fill)),
				h('td.num', format(item.value))));
	}
	table.append(body);
	return table;
}

// A light-to-dark blue scale with text that stays readable on both ends.
function shade(t) {
	const l = 97 - t * 62;
	return { fill: 'hsl(214, 70%, ' + l + '%)', text: l < 60 ? '#fff' : '#111' };
}

/** A heat map of a matrix (confusion matrix, attention): rows and columns labelled. */
export function heatmap(matrix, rowLabels, colLabels, { title, rowTitle, colTitle, normalise = 'row', digits = 0 } = {}) {
	const cell = Math.max(14, Math.min(44, Math.floor(520 / Math.max(colLabels.length, 1))));
	const left = 10 + Math.min(120, Math.max(...rowLabels.map((l) => String(l).length)) * 7);
	const top = 10 + Math.min(110, Math.max(...colLabels.map((l) => String(l).length)) * 6);
	const width = left + cell * colLabels.length + 60;
	const height = top + cell * rowLabels.length + 24;
	const svg = s('svg', { viewBox: '0 0 ' + width + ' ' + height, width, height, role: 'img', class: 'heatmap',
		'aria-label': title || 'heat map' });
	if (title) {
		svg.append(s('title', {}, title));
	}
	const all = Math.max(...matrix.flat(), 1e-9);
	matrix.forEach((row, i) => {
		const rowMax = Math.max(...row, 1e-9);
		const rowSum = row.reduce((a, b) => a + b, 0) || 1;
		svg.append(s('text', { x: left - 4, y: top + i * cell + cell / 2 + 4, 'text-anchor': 'end', class: 'axis' }, rowLabels[i]));
		row.forEach((value, j) => {
			const t = normalise === 'row' ? value / rowSum : normalise === 'max' ? value / all : value / rowMax;
			const c = shade(Math.max(0, Math.min(1, t)));
			svg.append(s('rect', { x: left + j * cell, y: top + i * cell, width: cell - 1, height: cell - 1, fill: c.fill },
					s('title', {}, rowLabels[i] + ' → ' + colLabels[j] + ': ' + fmt(value, 3))));
			if (cell >= 24 && digits >= 0) {
				svg.append(s('text', { x: left + j * cell + cell / 2, y: top + i * cell + cell / 2 + 4, 'text-anchor': 'middle',
					fill: c.text, class: 'cell' }, digits === 0 ? Math.round(value) : value.toFixed(digits)));
			}
		});
	});
	colLabels.forEach((label, j) => {
		const x = left + j * cell + cell / 2;
		svg.append(s('text', { x, y: top - 4, transform: 'rotate(-50 ' + x + ' ' + (top - 4) + ')', class: 'axis' }, label));
	});
	if (rowTitle || colTitle) {
		svg.append(s('text', { x: left, y: height - 6, class: 'axis-title' }, (rowTitle || '') + ' (rows) × ' + (colTitle || '') + ' (columns)'));
	}
	return svg;
}

const COLOURS = ['#1d4f91', '#c2410c', '#15803d', '#7e22ce', '#a16207'];

/**
 * A line chart that can grow: chart.add(x, {series: y}) appends points and redraws.
 * series: [{key, label}].
 */
export function lineChart({ title, series, xLabel = 'epoch', yFormat = (v) => fmt(v, 3), width = 460, height = 220 }) {
	const points = series.map(() => []);
	const svg = s('svg', { viewBox: '0 0 ' + width + ' ' + height, width, height, role: 'img', class: 'line-chart',
		'aria-label': title });
	const legend = h('ul.legend', series.map((se, i) => {
		const swatch = h('span.swatch');
		swatch.style.background = COLOURS[i % COLOURS.length];
		return h('li', swatch, se.label);
	}));
	const figure = h('figure.chart', h('figcaption', title), svg, legend);
	const left = 52;
	const right = 12;
	const top = 10;
	const bottom = 30;

	function draw() {
		svg.replaceChildren(s('title', {}, title));
		const xs = points.flat().map((p) => p[0]);
		const ys = points.flat().map((p) => p[1]).filter(Number.isFinite);
		const count = points.reduce((n, p) => n + p.length, 0);
		figure.dataset.points = String(count);
		if (!xs.length) {
			svg.append(s('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'axis' }, 'waiting for the first epoch…'));
			return;
		}
		const x0 = Math.min(...xs, 0);
		const x1 = Math.max(...xs, x0 + 1);
		let y0 = Math.min(...ys);
		let y1 = Math.max(...ys);
		if (y1 - y0 < 1e-9) {
			y0 -= 0.5;
			y1 += 0.5;
		}
		const px = (x) => left + (x - x0) / (x1 - x0) * (width - left - right);
		const py = (y) => top + (1 - (y - y0) / (y1 - y0)) * (height - top - bottom);
		svg.append(s('line', { x1: left, y1: height - bottom, x2: width - right, y2: height - bottom, class: 'axis-line' }));
		svg.append(s('line', { x1: left, y1: top, x2: left, y2: height - bottom, class: 'axis-line' }));
		for (const y of [y0, (y0 + y1) / 2, y1]) {
			svg.append(s('text', { x: left - 4, y: py(y) + 4, 'text-anchor': 'end', class: 'axis' }, yFormat(y)));
		}
		for (const x of [x0, x1]) {
			svg.append(s('text', { x: px(x), y: height - bottom + 14, 'text-anchor': 'middle', class: 'axis' }, fmt(x)));
		}
		svg.append(s('text', { x: (left + width) / 2, y: height - 4, 'text-anchor': 'middle', class: 'axis-title' }, xLabel));
		points.forEach((line, i) => {
			const colour = COLOURS[i % COLOURS.length];
			const valid = line.filter((p) => Number.isFinite(p[1]));
			if (valid.length > 1) {
				svg.append(s('polyline', { points: valid.map((p) => px(p[0]) + ',' + py(p[1])).join(' '), fill: 'none',
					stroke: colour, 'stroke-width': 2 }));
			}
			for (const p of valid) {
				svg.append(s('circle', { cx: px(p[0]), cy: py(p[1]), r: 3, fill: colour, class: 'point' },
						s('title', {}, series[i].label + ' at ' + xLabel + ' ' + p[0] + ': ' + yFormat(p[1]))));
			}
		});
	}

	draw();
	return {
		element: figure,
		add(x, values) {
			series.forEach((se, i) => {
				const y = values[se.key];
				if (typeof y === 'number' && !points[i].some((p) => p[0] === x)) {
					points[i].push([x, y]);
				}
			});
			draw();
		},
	};
}

/** A scale from 0 to max with the threshold τ and a value marked on it. */
export function thresholdGauge(value, threshold, max, { label = 'distance', below = 'same', above = 'different' } = {}) {
	const width = 420;
	const height = 64;
	const px = (v) => 10 + Math.max(0, Math.min(1, v / max)) * (width - 20);
	return s('svg', { viewBox: '0 0 ' + width + ' ' + height, width, height, role: 'img', class: 'gauge',
		'aria-label': label + ' ' + fmt(value, 3) + ', threshold ' + fmt(threshold, 3) },
			s('rect', { x: 10, y: 20, width: px(threshold) - 10, height: 14, class: 'gauge-same' }),
			s('rect', { x: px(threshold), y: 20, width: width - 10 - px(threshold), height: 14, class: 'gauge-different' }),
			s('line', { x1: px(threshold), y1: 12, x2: px(threshold), y2: 42, class: 'gauge-tau' }),
			s('text', { x: px(threshold), y: 10, 'text-anchor': 'middle', class: 'axis' }, 'τ = ' + fmt(threshold, 3)),
			s('path', { d: 'M' + px(value) + ' 36 l-6 10 h12 z', class: 'gauge-value' }),
			s('text', { x: px(value), y: 60, 'text-anchor': 'middle', class: 'axis' }, label + ' ' + fmt(value, 3)),
			s('text', { x: 14, y: 31, class: 'gauge-text' }, below),
			s('text', { x: width - 14, y: 31, 'text-anchor': 'end', class: 'gauge-text' }, above));
}
