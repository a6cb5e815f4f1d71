// Models: every model and version, promote and reload, and the evaluation reports.
import { api, scopes } from './api.js';
import { h, fill, fmt, showProblem } from './dom.js';
import { confirmAction, showBanner } from './ui.js';
import { renderReport } from './report.js';

function inputSpec(input) {
	if (!input) {
		return '—';
	}
	if (input.width) {
		return input.width + '×' + input.height + '×' + (input.channels || 1);
	}
	return Object.entries(input).map(([k, v]) => k + ' ' + v).join(', ');
}

function quality(figures) {
	if (!figures || typeof figures !== 'object') {
		return '—';
	}
	const entries = Object.entries(figures).filter(([, v]) => typeof v === 'number' || typeof v === 'string');
	return h('dl.figures', entries.flatMap(([k, v]) => [h('dt', k), h('dd', fmt(v))]));
}

function stateBadge(version) {
	return h('span', { className: 'state state-' + String(version.state).toLowerCase() }, version.state);
}

async function promote(model, version, refresh) {
	const ok = await confirmAction('Promote ' + model + ' version ' + version + '?',
			'Version ' + version + ' becomes the default: requests without a version get it from now on (kept in model.yaml).');
	if (!ok) {
		return;
	}
	try {
		await api('/api/v1/models/' + encodeURIComponent(model) + '/versions/' + version + '/promote', { method: 'POST' });
		await refresh();
	}
	catch (e) {
		showBanner(e);
	}
}

async function reload(model, refresh, button) {
	const ok = await confirmAction('Reload ' + model + '?',
			'Loads versions added on disk, retries failed ones and unloads removed ones; the serving version stays until a new one is READY.');
	if (!ok) {
		return;
	}
	button.disabled = true;
	button.textContent = 'Reloading…';
	try {
		await api('/api/v1/models/' + encodeURIComponent(model) + '/reload', { method: 'POST' });
		await refresh();
	}
	catch (e) {
		showBanner(e);
		button.disabled = false;
		button.textContent = 'Reload';
	}
}

function versionsTable(details, refresh) {
	const rows = details.versions.map((v) => {
		const isDefault = v.version === details.defaultVersion;
		const actions = h('td.actions');
		if (scopes.management && v.state === 'READY' && !isDefault) {
			actions.append(h('button.small', { type: 'button', dataset: { action: 'promote', version: String(v.version) },
				on: { click: () => promote(details.name, v.version, refresh) } }, 'Promote'));
		}
		actions.append(h('a.button.small', { href: '#/models/' + encodeURIComponent(details.name) + '/' + v.version },
				'Report'));
		if (v.state === 'READY') {
			actions.append(h('a.button.small', { href: '#/try/' + encodeURIComponent(details.name) }, 'Try'));
		}
		return h('tr', { dataset: { version: String(v.version) } },
				h('th', { scope: 'row' }, 'v' + v.version, isDefault ? h('span.default', { title: 'default version' }, ' ★ default') : null),
				h('td', stateBadge(v), v.failureReason ? h('p.failure', v.failureReason) : null),
				h('td', v.task || '—'), h('td', v.format || '—'),
				h('td', v.architecture ? (v.architecture.name || '—') : '—'),
				h('td', inputSpec(v.input), v.labels && v.labels.length ? h('div.hint', v.labels.length + ' labels') : null),
				h('td', quality(v.quality)), actions);
	});
	return h('table.versions', h('caption.sr-only', 'Versions of ' + details.name),
			h('thead', h('tr', ['Version', 'State', 'Task', 'Format', 'Architecture', 'Input', 'Quality', 'Actions']
				.map((t) => h('th', { scope: 'col' }, t)))), h('tbody', rows));
}

function modelCard(details, refresh) {
	const reloadButton = h('button.small', { type: 'button', dataset: { action: 'reload' } }, 'Reload');
	reloadButton.addEventListener('click', () => reload(details.name, refresh, reloadButton));
	return h('section.card.model', { dataset: { model: details.name, defaultVersion: String(details.defaultVersion) } },
			h('div.card-head', h('h2', h('a', { href: '#/models/' + encodeURIComponent(details.name) }, details.name)),
				h('span.default-version', 'default v' + (details.defaultVersion ?? '—')),
				details.required ? h('span.tag', 'required') : null,
				scopes.management ? reloadButton : null),
			details.description ? h('p.description', details.description) : null,
			versionsTable(details, refresh));
}

async function reportSection(details, first, container) {
	const versions = details.versions.map((v) => v.version);
	const pick = (id, label, value) => h('div.field.inline', h('label', { htmlFor: id }, label),
			h('select', { id }, h('option', { value: '' }, 'none'),
				versions.map((v) => h('option', { value: String(v), selected: v === value }, 'v' + v))));
	const a = pick('report-a', 'Report of', first);
	const b = pick('report-b', 'side by side with', null);
	const panes = h('div.compare');
	const draw = async () => {
		const chosen = [a.querySelector('select').value, b.querySelector('select').value].filter(Boolean);
		fill(panes, );
		panes.classList.toggle('two', chosen.length === 2);
		for (const version of chosen) {
			const pane = h('div.report-pane', { dataset: { version } }, h('h3', details.name + ' v' + version));
			panes.append(pane);
			renderReport(details, Number(version), pane);
		}
	};
	a.querySelector('select').addEventListener('change', draw);
	b.querySelector('select').addEventListener('change', draw);
	container.append(h('section.card.reports', h('h2', 'Evaluation reports'), h('div.row', a, b), panes));
	await draw();
}

export async function modelsPage(main, [name, version]) {
	const list = h('div.models', { 'aria-busy': 'true' });
	const problem = h('div', { hidden: true });
	main.append(h('h1', name ? 'Model ' + name : 'Models'), problem, list);
	const refresh = async () => {
		try {
			const names = name ? [name] : (await api('/api/v1/models')).map((m) => m.name);
			const all = await Promise.all(names.map((n) => api('/api/v1/models/' + encodeURIComponent(n))));
			fill(list, ...all.map((d) => modelCard(d, refresh)));
			if (!all.length) {
				list.append(h('p', 'The model store is empty.'));
			}
			list.setAttribute('aria-busy', 'false');
			showProblem(problem, null);
			return all;
		}
		catch (e) {
			showProblem(problem, e);
			return [];
		}
	};
	const all = await refresh();
	if (name && all.length) {
		const details = all[0];
		const first = version ? Number(version) : details.defaultVersion;
		await reportSection(details, first, main);
	}
	// While a version loads (after a reload or a training run) the states are read again.
	let timer = null;
	const watch = (models) => {
		if (models.some((d) => d.versions.some((v) => v.state === 'LOADING'))) {
			timer = setTimeout(async () => watch(await refresh()), 2000);
		}
	};
	watch(all);
	return () => clearTimeout(timer);
}
