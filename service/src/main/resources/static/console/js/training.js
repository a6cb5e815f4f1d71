// Training: data sets with upload progress, a job form per task, the job list, and a job
// page whose curves grow from the job's event stream.
import { api, upload, events, curl } from './api.js';
import { h, fill, field, fieldError, showProblem, curlBox, fmt } from './dom.js';
import { lineChart } from './charts.js';
import { confirmAction, showBanner } from './ui.js';
import { FIELDS, TASKS, TASK_EXTRAS } from './job-fields.js';

const JOBS = '/api/v1/training-jobs';

function datasetsCard(onChange) {
	const list = h('tbody');
	const name = h('input', { type: 'text', name: 'name', required: true, pattern: '[a-z0-9][a-z0-9._\\-]{0,63}', autocomplete: 'off' });
	const kind = h('select', { name: 'kind' }, ['image-folders', 'idx', 'text', 'sequence-pairs']
		.map((k) => h('option', { value: k }, k)));
	const file = h('input', { type: 'file', name: 'file', required: true });
	const progress = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': 'upload progress' });
	const button = h('button.primary', { type: 'submit' }, 'Upload');
	const problem = h('div', { hidden: true });
	const form = h('form.try', { id: 'dataset-form' }, field('Name', name, 'lower-case letters, digits, . - _'),
			field('Kind', kind, 'image-folders: zip of one folder per class; idx: zip of MNIST-style files; text: UTF-8; sequence-pairs: source<TAB>target lines'),
			field('File', file), button, progress, problem);
	const refresh = async () => {
		const sets = await api('/api/v1/datasets');
		fill(list, ...sets.map((d) => h('tr', h('th', { scope: 'row' }, d.name), h('td', d.kind), h('td', d.source || '—'),
				h('td', Object.entries(d.details || {}).filter(([, v]) => typeof v !== 'object')
					.map(([k, v]) => k + ' ' + fmt(v)).join(', ')))));
		onChange(sets);
	};
	form.addEventListener('submit', async (e) => {
		e.preventDefault();
		showProblem(problem, null);
		[name, kind, file].forEach((i) => fieldError(i, null));
		button.disabled = true;
		progress.hidden = false;
		progress.value = 0;
		const body = new FormData();
		body.append('name', name.value.trim());
		body.append('kind', kind.value);
		body.append('file', file.files[0]);
		try {
			await upload('/api/v1/datasets', body, (f) => {
				progress.value = f;
			});
			name.value = '';
			file.value = '';
			await refresh();
		}
		catch (err) {
			const detail = (err.problem && (err.problem.detail || err.problem.title)) || err.message;
			const target = /kind/i.test(detail) ? kind : /name/i.test(detail) ? name : file;
			if (err.status >= 400 && err.status < 500 && err.status !== 401 && err.status !== 403) {
				fieldError(target, detail);
			}
			else {
				showProblem(problem, err);
			}
		}
		finally {
			button.disabled = false;
			progress.hidden = true;
		}
	});
	return { element: h('section.card', h('h2', 'Data sets'),
		h('table.data', h('thead', h('tr', ['Name', 'Kind', 'Source', 'Details'].map((t) => h('th', { scope: 'col' }, t)))), list),
		h('h3', 'Upload a data set'), form), refresh };
}

function jobForm() {
	const task = h('select', { name: 'task' }, TASKS.map((t) => h('option', { value: t }, t)));
	const model = h('input', { type: 'text', name: 'model', required: true, pattern: '[a-z0-9][a-z0-9._\\-]{0,63}', autocomplete: 'off' });
	const dataset = h('select', { name: 'dataset', required: true });
	const params = h('textarea', { name: 'architecture.parameters', rows: 2, cols: 40, placeholder: '{} (the preset\'s defaults)' });
	const extras = h('textarea', { name: 'extras', rows: 2, cols: 40, placeholder: '{}' });
	const extrasHint = h('p.hint');
	const inputs = { task, model, dataset, 'architecture.parameters': params };
	const fieldsets = {};
	for (const [group, fields] of Object.entries(FIELDS)) {
		const fs = h('fieldset', h('legend', group));
		for (const f of fields) {
			const input = f.options
				? h('select', { name: f.name }, h('option', { value: '' }, 'default (' + f.def + ')'), f.options.map((o) => h('option', { value: o }, o)))
				: h('input', { type: 'number', name: f.name, min: f.min, max: f.max, step: f.step || 'any', placeholder: String(f.def) });
			inputs[f.name] = input;
			fs.append(field(f.label, input, f.hint));
		}
		fieldsets[group] = fs;
	}
	const button = h('button.primary', { type: 'submit' }, 'Start training');
	const problem = h('div', { hidden: true });
	const curlOut = h('div');
	const form = h('form.job', { id: 'job-form' }, field('Task', task), field('Model', model, 'new or existing model name'),
			field('Data set', dataset), field('Architecture parameters (JSON)', params, 'empty: the preset\'s defaults'),
			Object.values(fieldsets), h('div.field', h('label', { htmlFor: 'job-extras' }, 'Task settings (JSON)'), extras, extrasHint),
			h('div.actions', button), problem, curlOut);
	extras.id = 'job-extras';
	const showTask = () => {
		const extra = TASK_EXTRAS[task.value];
		extrasHint.textContent = extra ? extra.hint : 'none for this task';
		extras.name = extra ? extra.key : 'extras';
		extras.disabled = !extra;
		// word2vec has its epochs, rate and batch in its own settings.
		fieldsets.settings.hidden = task.value === 'word2vec';
		fieldsets.settings.disabled = task.value === 'word2vec';
		params.disabled = task.value === 'word2vec';
	};
	task.addEventListener('change', showTask);
	showTask();
	form.addEventListener('submit', async (e) => {
		e.preventDefault();
		showProblem(problem, null);
		Object.values(inputs).forEach((i) => fieldError(i, null));
		fieldError(extras, null);
		let json;
		try {
			json = buildRequest(task.value, inputs, params, extras);
		}
		catch (err) {
			fieldError(err.input, err.message);
			return;
		}
		button.disabled = true;
		try {
			const job = await api(JOBS, { method: 'POST', json });
			location.hash = '#/jobs/' + encodeURIComponent(job.id);
		}
		catch (err) {
			const unplaced = [];
			for (const fe of err.fieldErrors()) {
				const input = inputs[fe.field] || (fe.field.startsWith('architecture') ? params : null)
					|| (fe.field.split('.')[0] === extras.name ? extras : null);
				if (input) {
					fieldError(input, fe.message);
				}
				else {
					unplaced.push(fe);
				}
			}
			if (!err.fieldErrors().length || unplaced.length) {
				showProblem(problem, unplaced.length ? { status: err.status, problem: { ...err.problem, errors: unplaced } } : err);
			}
			fill(curlOut, curlBox(curl('POST', JOBS, { json })));
		}
		finally {
			button.disabled = false;
		}
	});
	return { element: form, setDatasets(sets) {
		const chosen = dataset.value;
		fill(dataset, h('option', { value: '' }, 'choose a data set'),
				...sets.map((d) => h('option', { value: d.name, selected: d.name === chosen }, d.name + ' (' + d.kind + ')')));
	} };
}

function buildRequest(task, inputs, params, extras) {
	const json = { task, model: inputs.model.value.trim(), dataset: inputs.dataset.value };
	if (task !== 'word2vec') {
		const arch = { detector: 'yolo-detector', 'face-verifier': 'face-embedder', seq2seq: 'seq2seq-attention' }[task] || 'conv-classifier';
		json.architecture = { name: arch };
		if (params.value.trim()) {
			try {
				json.architecture.parameters = JSON.parse(params.value);
			}
			catch (e) {
				throw Object.assign(new Error('not valid JSON: ' + e.message), { input: params });
			}
		}
	}
	for (const [name, input] of Object.entries(inputs)) {
		if (!name.includes('.') || name.startsWith('architecture') || input.disabled || input.closest('fieldset:disabled')
				|| input.value === '') {
			continue;
		}
		const path = name.split('.');
		let target = json;
		for (const key of path.slice(0, -1)) {
			target[key] = target[key] || {};
			target = target[key];
		}
		target[path[path.length - 1]] = input.type === 'number' ? Number(input.value) : input.value;
	}
	if (!extras.disabled && extras.value.trim()) {
		try {
			json[extras.name] = JSON.parse(extras.value);
		}
		catch (e) {
			throw Object.assign(new Error('not valid JSON: ' + e.message), { input: extras });
		}
	}
	return json;
}

function stateBadge(state) {
	return h('span', { className: 'state state-' + String(state).toLowerCase() }, state);
}

function jobsCard() {
	const body = h('tbody');
	const refresh = async () => {
		const page = await api(JOBS + '?size=20');
		fill(body, ...page.items.map((j) => h('tr', h('th', { scope: 'row' }, h('a', { href: '#/jobs/' + j.id }, j.id.slice(0, 8))),
				h('td', j.task), h('td', j.model), h('td', stateBadge(j.state)), h('td.num', (j.epoch || 0) + ' / ' + (j.epochs || '?')),
				h('td', j.createdAt ? new Date(j.createdAt).toLocaleString() : '—'))));
		if (!page.items.length) {
			body.append(h('tr', h('td', { colSpan: 6 }, 'No jobs yet.')));
		}
	};
	return { element: h('section.card', h('h2', 'Jobs'), h('table.data#jobs', h('thead', h('tr', ['Job', 'Task', 'Model', 'State',
		'Epoch', 'Submitted'].map((t) => h('th', { scope: 'col' }, t)))), body)), refresh };
}

export async function trainingPage(main) {
	const form = jobForm();
	const datasets = datasetsCard((sets) => form.setDatasets(sets));
	const jobs = jobsCard();
	main.append(h('h1', 'Training'), h('section.card', h('h2', 'New training job'), form.element), jobs.element, datasets.element);
	await Promise.all([datasets.refresh(), jobs.refresh()]);
	const timer = setInterval(() => jobs.refresh().catch(() => {}), 5000);
	return () => clearInterval(timer);
}

const TERMINAL = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

export async function jobPage(main, [id]) {
	const path = JOBS + '/' + encodeURIComponent(id);
	let job = await api(path);
	const state = h('span');
	const summary = h('div');
	const loss = lineChart({ title: 'Loss', series: [{ key: 'trainLoss', label: 'train loss' }, { key: 'devLoss', label: 'dev loss' }] });
	const accuracy = lineChart({ title: 'Dev accuracy', series: [{ key: 'devAccuracy', label: 'dev accuracy' }] });
	const speed = lineChart({ title: 'Samples per second', series: [{ key: 'samplesPerSecond', label: 'samples/s' }] });
	loss.element.dataset.series = 'loss';
	accuracy.element.dataset.series = 'accuracy';
	speed.element.dataset.series = 'throughput';
	const cancel = h('button.danger', { type: 'button' }, 'Cancel job');
	const draw = () => {
		fill(state, stateBadge(job.state));
		state.dataset.jobState = job.state;
		cancel.hidden = TERMINAL.includes(job.state);
		fill(summary, h('dl.figures', [['task', job.task], ['model', job.model], ['device', job.device || '—'],
			['epoch', (job.epoch || 0) + ' / ' + (job.epochs || '?')], ['progress', progressText(job)], ['attempts', job.attempts],
			['submitted', job.createdAt], ['finished', job.finishedAt || '—']].flatMap(([k, v]) => [h('dt', k), h('dd', fmt(v))])),
				job.failureReason ? h('p.problem', { role: 'alert' }, 'Failed: ' + job.failureReason) : null,
				job.resultVersion ? h('p', 'Published ', h('a.result-version', { href: '#/models/' + encodeURIComponent(job.model) + '/'
					+ job.resultVersion }, job.model + ' v' + job.resultVersion), job.promoted ? ' (now the default)' : ' (not promoted)',
					' — its report is on the model page.') : null);
	};
	const addEpoch = (e) => [loss, accuracy, speed].forEach((c) => c.add(e.epoch, e));
	cancel.addEventListener('click', async () => {
		if (await confirmAction('Cancel this job?', 'Its worker stops and the partial output is discarded.')) {
			try {
				job = await api(path, { method: 'DELETE' });
				draw();
			}
			catch (e) {
				showBanner(e);
			}
		}
	});
	main.append(h('h1', 'Training job ', h('code', id.slice(0, 8)), ' ', state), h('section.card', summary, cancel),
			h('section.card', h('div.charts', loss.element, accuracy.element, speed.element)));
	draw();
	(job.history || []).forEach(addEpoch);
	if (TERMINAL.includes(job.state)) {
		return null;
	}
	const abort = new AbortController();
	const follow = async () => {
		try {
			await events(path + '/events', async (name, data) => {
				if (name === 'snapshot') {
					job = data;
					(job.history || []).forEach(addEpoch);
				}
				else if (name === 'progress') {
					job = { ...job, progress: data };
				}
				else if (name === 'epoch') {
					addEpoch(data);
					job = { ...job, epoch: data.epoch };
				}
				else if (name === 'state') {
					job = TERMINAL.includes(data.state) ? await api(path) : { ...job, ...data };
				}
				draw();
			}, abort.signal);
			// The stream ends with the job; read the final record once more.
			job = await api(path);
			draw();
		}
		catch (e) {
			if (e.name !== 'AbortError') {
				showBanner(e);
			}
		}
	};
	follow();
	return () => abort.abort();
}

// The worker's last report within an epoch, shown while the job runs.
function progressText(job) {
	const p = job.progress;
	if (!p || job.state !== 'RUNNING') {
		return '—';
	}
	const batches = 'epoch ' + p.epoch + ': batch ' + p.batch + (p.batches ? ' / ' + p.batches : '');
	const speed = Math.round(p.samplesPerSecond) + ' samples/s';
	const eta = (p.etaSeconds != null) ? 'epoch ends in ' + duration(p.epochEtaSeconds) + ', job in ' + duration(p.etaSeconds) : null;
	return [batches, speed, eta].filter(Boolean).join(', ');
}

function duration(seconds) {
	const s = Math.round(seconds);
	return (s < 60) ? s + ' s' : Math.floor(s / 60) + ' min ' + String(s % 60).padStart(2, '0') + ' s';
}
