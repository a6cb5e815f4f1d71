// Operations at a glance from the service's own meters: /actuator/metrics for counts,
// queue depth and rejections, the latency histogram's buckets (/actuator/prometheus, the
// same registry) for percentiles. Rates come from the change between two polls.
import { api } from './api.js';
import { h, fill, fmt, showProblem } from './dom.js';

const POLL_MS = 5000;

async function meter(name, names, tags = {}) {
	if (!names.includes(name)) {
		return null;
	}
	const query = Object.entries(tags).map(([k, v]) => 'tag=' + encodeURIComponent(k + ':' + v)).join('&');
	const base = await api('/actuator/metrics/' + name);
	// Asking for a tag value no meter has answers 404; look at the available values first.
	for (const [k, v] of Object.entries(tags)) {
		const tag = (base.availableTags || []).find((t) => t.tag === k);
		if (!tag || !tag.values.includes(v)) {
			return null;
		}
	}
	const answer = query ? await api('/actuator/metrics/' + name + '?' + query) : base;
	const stats = {};
	for (const m of answer.measurements) {
		stats[m.statistic] = m.value;
	}
	return stats;
}

/** Latency quantiles per model from the cumulative histogram buckets, interpolated. */
function quantiles(text, model) {
	const buckets = new Map();
	const pattern = /^modelport_inference_seconds_bucket\{(.*)\} ([0-9.eE+-]+)$/;
	for (const line of text.split('\n')) {
		const match = pattern.exec(line);
		if (!match || !match[1].includes('model="' + model + '"')) {
			continue;
		}
		const le = /le="([^"]+)"/.exec(match[1])[1];
		const bound = le === '+Inf' ? Infinity : Number(le);
		buckets.set(bound, (buckets.get(bound) || 0) + Number(match[2]));
	}
	const sorted = [...buckets.entries()].sort((a, b) => a[0] - b[0]);
	const total = sorted.length ? sorted[sorted.length - 1][1] : 0;
	const at = (q) => {
		if (!total) {
			return null;
		}
		const rank = q * total;
		let previous = [0, 0];
		for (const [bound, count] of sorted) {
			if (count >= rank) {
				if (!Number.isFinite(bound)) {
					return previous[0];
				}
				const share = count === previous[1] ? 1 : (rank - previous[1]) / (count - previous[1]);
				return previous[0] + (bound - previous[0]) * share;
			}
			previous = [bound, count];
		}
		return previous[0];
	};
	return { p50: at(0.5), p95: at(0.95), p99: at(0.99), count: total };
}

function ms(seconds) {
	return seconds === null || seconds === undefined ? '—' : (seconds * 1000).toFixed(seconds < 0.01 ? 2 : 1) + ' ms';
}

export async function opsPage(main) {
	const body = h('tbody');
	const galleries = h('div');
	const problem = h('div', { hidden: true });
	const stamp = h('p.hint');
	main.append(h('h1', 'Operations'), problem, h('section.card', h('h2', 'Inference per model'), stamp,
			h('table.data.ops', h('thead', h('tr', ['Model', 'Task', 'Requests', 'Rate', 'p50', 'p95', 'p99', 'Queue depth',
				'In flight', 'Rejected', 'Timed out'].map((t) => h('th', { scope: 'col' }, t)))), body)),
			h('section.card', h('h2', 'Face galleries'), galleries));
	let last = null;
	const poll = async () => {
		try {
			const [models, list, links] = await Promise.all([api('/api/v1/models'), api('/actuator/metrics'), api('/actuator')]);
			// The scrape endpoint is there only where the Prometheus registry is on.
			const prometheus = links._links && links._links.prometheus
				? await api('/actuator/prometheus', { accept: 'text/plain' }).catch(() => '') : '';
			const names = list.names || [];
			const now = performance.now();
			const counts = {};
			const rows = await Promise.all(models.map(async (m) => {
				const tags = { model: m.name };
				const [inference, depth, inFlight, rejected, timedOut] = await Promise.all([
					meter('modelport.inference', names, tags), meter('modelport.inference.queue.depth', names, tags),
					meter('modelport.inference.in.flight', names, tags), meter('modelport.inference.rejected', names, tags),
					meter('modelport.inference.timed.out', names, tags)]);
				const count = inference ? inference.COUNT : 0;
				counts[m.name] = count;
				const rate = last ? (count - (last.counts[m.name] || 0)) / ((now - last.at) / 1000) : null;
				const q = quantiles(prometheus, m.name);
				return h('tr', { dataset: { model: m.name } }, h('th', { scope: 'row' }, m.name), h('td', m.task || '—'),
						h('td.num', fmt(count)), h('td.num', rate === null ? '…' : rate.toFixed(2) + '/s'),
						h('td.num', ms(q.p50)), h('td.num', ms(q.p95)), h('td.num', ms(q.p99)),
						h('td.num', depth ? fmt(depth.VALUE) : '0'), h('td.num', inFlight ? fmt(inFlight.VALUE) : '0'),
						h('td.num', rejected ? fmt(rejected.COUNT) : '0'), h('td.num', timedOut ? fmt(timedOut.COUNT) : '0'));
			}));
			fill(body, ...rows);
			last = { at: now, counts };
			stamp.textContent = 'Updated ' + new Date().toLocaleTimeString() + ', every ' + POLL_MS / 1000
				+ ' s. Percentiles over the whole run, from the histogram buckets; the rate is over the last interval.';
			const faces = models.filter((m) => m.task === 'face-verifier');
			const views = await Promise.all(faces.map((m) => api('/api/v1/models/' + encodeURIComponent(m.name) + '/gallery')));
			fill(galleries, ...(views.length ? views.map((v) => h('div', h('h3', v.model + ': ' + v.identities.length
					+ ' identities'), h('ul.gallery', v.identities.map((i) => h('li', i.identity + ' · ' + i.faces
					+ (i.faces === 1 ? ' face' : ' faces') + (i.stale ? ' · stale' : '')))))) : [h('p', 'No face verifier is served.')]));
			showProblem(problem, null);
		}
		catch (e) {
			showProblem(problem, e);
		}
	};
	await poll();
	const timer = setInterval(poll, POLL_MS);
	return () => clearInterval(timer);
}
