// Try it for faces, word vectors and translators.
import { api, curl } from './api.js';
import { h, fill, field, curlBox, fmt } from './dom.js';
import { bars, heatmap, thresholdGauge } from './charts.js';
import { imageInput, submitter } from './forms.js';

function modelPath(model, action) {
	return '/api/v1/models/' + encodeURIComponent(model) + '/' + action;
}

export function verifyForm(model, out) {
	const a = imageInput('First face', 'image1');
	const b = imageInput('Second face', 'image2');
	const button = h('button.primary', { type: 'submit' }, 'Verify');
	const problem = h('div', { hidden: true });
	const form = h('form.try', { id: 'verify-form' }, h('h3', 'Verify: are two photos the same person?'), a.element, b.element,
			button, problem);
	submitter(form, button, problem, { image1: a.input, image2: b.input }, async () => {
		const body = new FormData();
		body.append('image1', a.input.files[0]);
		body.append('image2', b.input.files[0]);
		const path = modelPath(model, 'verify');
		const answer = await api(path, { method: 'POST', body });
		fill(out, h('h2', 'Verification (v' + answer.version + ')'),
				h('p.verdict', { className: 'verdict ' + (answer.match ? 'yes' : 'no') },
					answer.match ? 'Same person' : 'Different people'),
				h('p', 'Squared distance ' + fmt(answer.distance, 4) + (answer.match ? ' ≤ ' : ' > ') + 'τ ' + fmt(answer.threshold, 4)),
				thresholdGauge(answer.distance, answer.threshold, 4),
				curlBox(curl('POST', path, { parts: [['image1', { file: a.input.files[0].name }],
					['image2', { file: b.input.files[0].name }]] })));
	});
	return form;
}

export function identifyForm(model, out) {
	const image = imageInput('Face to identify', 'image');
	const button = h('button.primary', { type: 'submit' }, 'Identify');
	const problem = h('div', { hidden: true });
	const gallery = h('ul.gallery', { 'aria-label': 'enrolled identities' });
	const form = h('form.try', { id: 'identify-form' }, h('h3', 'Identify against the gallery'), image.element, button, problem,
			h('div', h('h4', 'Enrolled'), gallery));
	const loadGallery = async () => {
		try {
			const view = await api(modelPath(model, 'gallery'));
			fill(gallery, ...(view.identities.length ? view.identities.map((i) => h('li', i.identity + ' (' + i.faces
					+ (i.faces === 1 ? ' face' : ' faces') + (i.stale ? ', stale' : '') + ')')) : [h('li', 'nobody enrolled yet')]));
		}
		catch (e) {
			fill(gallery, h('li', 'gallery unavailable: ' + e.message));
		}
	};
	loadGallery();
	submitter(form, button, problem, { image: image.input }, async () => {
		const body = new FormData();
		body.append('image', image.input.files[0]);
		const path = modelPath(model, 'identify') + '?topK=5';
		const answer = await api(path, { method: 'POST', body });
		fill(out, h('h2', 'Identification (v' + answer.version + ')'),
				h('p.verdict', { className: 'verdict ' + (answer.identity ? 'yes' : 'no') },
					answer.identity ? answer.identity : 'Not recognised'),
				answer.distance !== null && answer.distance !== undefined ? thresholdGauge(answer.distance, answer.threshold, 4) : null,
				h('table.data', h('caption', 'Closest identities'), h('tbody', (answer.candidates || []).map((c) =>
					h('tr', h('th', { scope: 'row' }, c.identity), h('td.num', fmt(c.distance, 4)))))),
				curlBox(curl('POST', path, { parts: [['image', { file: image.input.files[0].name }]] })));
	});
	return form;
}

export function wordsForms(model, out) {
	const word = h('input', { type: 'text', name: 'word', required: true, autocomplete: 'off', value: 'god' });
	const k = h('input', { type: 'number', name: 'k', min: 1, max: 100, value: 10 });
	const button = h('button.primary', { type: 'submit' }, 'Nearest words');
	const problem = h('div', { hidden: true });
	const similar = h('form.try', { id: 'similar-form' }, h('h3', 'Nearest words'), field('Word', word), field('How many', k),
			button, problem);
	submitter(similar, button, problem, { word, k }, async () => {
		const path = modelPath(model, 'words/' + encodeURIComponent(word.value.trim()) + '/similar') + '?k=' + encodeURIComponent(k.value);
		const answer = await api(path);
		fill(out, h('h2', 'Nearest to “' + answer.word + '” (v' + answer.version + ')'),
				bars(answer.neighbours.map((n) => ({ label: n.word, value: Math.max(0, n.score) })),
					{ format: (v) => v.toFixed(3), caption: 'Cosine similarity' }),
				curlBox(curl('GET', path)));
	});
	const inputs = ['a', 'b', 'c'].map((n, i) => h('input', { type: 'text', name: n, required: true, autocomplete: 'off',
		value: ['father', 'son', 'mother'][i] }));
	const button2 = h('button.primary', { type: 'submit' }, 'Solve');
	const problem2 = h('div', { hidden: true });
	const analogy = h('form.try', { id: 'analogy-form' }, h('h3', 'Analogy: a is to b as c is to ?'),
			field('a', inputs[0]), field('b', inputs[1]), field('c', inputs[2]), button2, problem2);
	submitter(analogy, button2, problem2, { a: inputs[0], b: inputs[1], c: inputs[2] }, async () => {
		const json = { a: inputs[0].value.trim(), b: inputs[1].value.trim(), c: inputs[2].value.trim(), k: 5 };
		const path = modelPath(model, 'analogy');
		const answer = await api(path, { method: 'POST', json });
		const candidates = answer.candidates || answer.neighbours || [];
		fill(out, h('h2', json.a + ' : ' + json.b + ' :: ' + json.c + ' : ' + (answer.answer || '?')),
				candidates.length ? bars(candidates.map((n) => ({ label: n.word, value: Math.max(0, n.score) })),
					{ format: (v) => v.toFixed(3), caption: 'Candidates' }) : null,
				curlBox(curl('POST', path, { json })));
	});
	return h('div', similar, analogy);
}

export function translateForm(model, out) {
	const text = h('input', { type: 'text', name: 'text', required: true, autocomplete: 'off', size: 40 });
	const beam = h('input', { type: 'number', name: 'beamWidth', min: 1, max: 16, value: 5 });
	const button = h('button.primary', { type: 'submit' }, 'Translate');
	const problem = h('div', { hidden: true });
	const form = h('form.try', { id: 'translate-form' }, field('Text', text), field('Beam width', beam), button, problem);
	submitter(form, button, problem, { text, beamWidth: beam }, async () => {
		const json = { text: text.value, beamWidth: Number(beam.value), numAlternatives: Math.min(5, Number(beam.value)),
			returnAttention: true };
		const path = modelPath(model, 'translate');
		const answer = await api(path, { method: 'POST', json });
		const parts = [h('h2', 'Translation (v' + answer.version + ')'), h('p.top-label', { id: 'translation' }, answer.output)];
		if (answer.alternatives && answer.alternatives.length) {
			parts.push(h('table.data', h('caption', 'The beam\'s best hypotheses'),
					h('thead', h('tr', ['Output', 'Score', 'Finished'].map((t) => h('th', { scope: 'col' }, t)))),
					h('tbody', answer.alternatives.map((alt) => h('tr', h('td', alt.output), h('td.num', fmt(alt.score, 4)),
						h('td', alt.finished ? 'yes' : 'cut at max length'))))));
		}
		if (answer.attention && answer.inputSymbols) {
			parts.push(h('figure.chart', h('figcaption', 'Attention: rows are output symbols, columns input symbols'),
					heatmap(answer.attention, answer.outputSymbols, answer.inputSymbols,
						{ title: 'Attention', normalise: 'none', digits: -1 })));
		}
		parts.push(curlBox(curl('POST', path, { json })));
		fill(out, ...parts);
	});
	return form;
}
