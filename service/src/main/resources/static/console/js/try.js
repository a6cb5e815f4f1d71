// Try it: one form per task, the answer drawn, and the same request as a curl command.
import { api, curl, scopes } from './api.js';
import { h, fill, field, curlBox, fmt } from './dom.js';
import { imageInput, submitter } from './forms.js';
import { bars } from './charts.js';
import { verifyForm, identifyForm, wordsForms, translateForm } from './try-more.js';

function modelPath(model, action) {
	return '/api/v1/models/' + encodeURIComponent(model) + '/' + action;
}

function classifyForm(model, out) {
	const image = imageInput('Image', 'image');
	const topK = h('input', { type: 'number', name: 'topK', min: 1, max: 100, value: 5 });
	const button = h('button.primary', { type: 'submit' }, 'Classify');
	const problem = h('div', { hidden: true });
	const form = h('form.try', { id: 'classify-form' }, image.element, field('Top k', topK, '1 or more'), button, problem);
	submitter(form, button, problem, { image: image.input, topK: image.input }, async () => {
		const file = image.input.files[0];
		const body = new FormData();
		body.append('image', file);
		const path = modelPath(model, 'classify') + '?topK=' + encodeURIComponent(topK.value);
		const answer = await api(path, { method: 'POST', body });
		fill(out, h('h2', 'Top ' + answer.predictions.length + ' (v' + answer.version + ')'),
				h('p.top-label', { id: 'top-label' }, answer.predictions[0] ? answer.predictions[0].label : '—'),
				bars(answer.predictions.map((p) => ({ label: p.label, value: p.probability })), { caption: 'Probabilities' }),
				curlBox(curl('POST', path, { parts: [['image', { file: file.name }]] })));
	});
	return form;
}

const BOX_COLOURS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#800000', '#000075'];

function drawDetections(canvas, img, answer, threshold, list) {
	const scale = Math.max(1, Math.floor(480 / Math.max(answer.imageWidth, answer.imageHeight)));
	canvas.width = answer.imageWidth * scale;
	canvas.height = answer.imageHeight * scale;
	const ctx = canvas.getContext('2d');
	ctx.imageSmoothingEnabled = false;
	ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
	const labels = [...new Set(answer.detections.map((d) => d.label))];
	const shown = answer.detections.filter((d) => d.score >= threshold);
	ctx.lineWidth = 2;
	ctx.font = '13px system-ui, sans-serif';
	for (const d of shown) {
		const colour = BOX_COLOURS[labels.indexOf(d.label) % BOX_COLOURS.length];
		const [x, y, w, hh] = [d.box.x * scale, d.box.y * scale, d.box.width * scale, d.box.height * scale];
		ctx.strokeStyle = colour;
		ctx.strokeRect(x, y, w, hh);
		const text = d.label + ' ' + d.score.toFixed(2);
		const tw = ctx.measureText(text).width + 6;
		ctx.fillStyle = colour;
		ctx.fillRect(x, Math.max(0, y - 17), tw, 17);
		ctx.fillStyle = '#fff';
		ctx.fillText(text, x + 3, Math.max(13, y - 4));
	}
	canvas.dataset.boxes = String(shown.length);
	canvas.setAttribute('aria-label', shown.length + ' objects: ' + shown.map((d) => d.label + ' ' + d.score.toFixed(2)).join(', '));
	fill(list, ...shown.map((d) => h('li', d.label + ' ' + d.score.toFixed(3) + ' at (' + Math.round(d.box.x) + ', '
			+ Math.round(d.box.y) + ') ' + Math.round(d.box.width) + '×' + Math.round(d.box.height))));
}

function detectForm(model, out) {
	const image = imageInput('Scene image', 'image');
	const button = h('button.primary', { type: 'submit' }, 'Detect');
	const problem = h('div', { hidden: true });
	const form = h('form.try', { id: 'detect-form' }, image.element, button, problem);
	submitter(form, button, problem, { image: image.input }, async () => {
		const file = image.input.files[0];
		const body = new FormData();
		body.append('image', file);
		// Ask once with a low score floor; the slider then filters in the browser.
		const path = modelPath(model, 'detect') + '?scoreThreshold=0.05&maxDetections=100';
		const answer = await api(path, { method: 'POST', body });
		const img = new Image();
		img.src = URL.createObjectURL(file);
		await img.decode();
		const canvas = h('canvas#detections', { role: 'img' });
		const list = h('ul.detections');
		const slider = h('input', { type: 'range', id: 'score-slider', min: 0.05, max: 1, step: 0.01, value: 0.5 });
		const sliderValue = h('output', { htmlFor: 'score-slider' }, '0.50');
		slider.addEventListener('input', () => {
			sliderValue.textContent = Number(slider.value).toFixed(2);
			drawDetections(canvas, img, answer, Number(slider.value), list);
		});
		fill(out, h('h2', answer.detections.length + ' candidates (v' + answer.version + ')'),
				h('div.field.inline', h('label', { htmlFor: 'score-slider' }, 'Minimum score'), slider, sliderValue),
				h('div.detect-view', canvas, list),
				curlBox(curl('POST', modelPath(model, 'detect') + '?scoreThreshold=' + 0.5, { parts: [['image', { file: file.name }]] })));
		drawDetections(canvas, img, answer, 0.5, list);
	});
	return form;
}

const FORMS = {
	classifier: classifyForm,
	detector: detectForm,
	'face-verifier': (model, out) => h('div', verifyForm(model, out),
			scopes.management ? identifyForm(model, out) : h('p.hint', 'Identifying against the gallery needs the management scope.')),
	word2vec: wordsForms,
	seq2seq: translateForm,
};

export async function tryPage(main, [name]) {
	const models = await api('/api/v1/models');
	const select = h('select#try-model', h('option', { value: '' }, 'choose a model'),
			models.map((m) => h('option', { value: m.name, selected: m.name === name, disabled: m.state !== 'READY' },
				m.name + ' (' + (m.task || '?') + (m.state !== 'READY' ? ', ' + m.state : '') + ')')));
	select.addEventListener('change', () => {
		location.hash = '#/try/' + encodeURIComponent(select.value);
	});
	main.append(h('h1', 'Try a model'), h('div.field.inline', h('label', { htmlFor: 'try-model' }, 'Model'), select));
	const model = models.find((m) => m.name === name);
	if (!model) {
		main.append(h('p', 'Pick a model: every READY model of the store can be tried here.'));
		return;
	}
	const out = h('div.answer', { 'aria-live': 'polite' });
	const form = FORMS[model.task];
	main.append(h('section.card', h('h2', model.name + ' — ' + model.task + ', default v' + fmt(model.defaultVersion)),
			form ? form(model.name, out) : h('p', 'No form for the task ' + model.task + ' yet.'), out));
}
