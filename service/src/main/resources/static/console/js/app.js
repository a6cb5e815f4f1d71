// The console's shell: the key, what it may do, the pages by URL fragment, the banner.
import { apiKey, setApiKey, probeScopes, scopes, on } from './api.js';
import { h } from './dom.js';
import { showBanner } from './ui.js';
import { modelsPage } from './models.js';
import { tryPage } from './try.js';
import { trainingPage, jobPage } from './training.js';
import { opsPage } from './ops.js';

const main = document.getElementById('main');
let leave = null;

function renderAccess() {
	const box = document.getElementById('access');
	const badge = (name) => h('span.scope', { className: 'scope ' + (scopes[name] ? 'yes' : 'no'),
		title: scopes[name] ? 'allowed' : 'not allowed with this key' }, (scopes[name] ? '✓ ' : '✗ ') + name);
	const keyButton = h('button.small', { type: 'button', on: { click: askKey } },
			apiKey() ? 'Change key' : 'Enter API key');
	box.replaceChildren(h('span.sr-only', 'Scopes: '), badge('inference'), badge('management'), badge('training'));
	if (scopes.needKey || apiKey()) {
		box.append(keyButton);
	}
	if (scopes.keyProblem) {
		box.append(h('span.key-problem', scopes.keyProblem));
	}
	for (const link of document.querySelectorAll('#nav a[data-scope]')) {
		link.parentElement.hidden = !scopes[link.dataset.scope];
	}
}

function askKey() {
	const dialog = document.getElementById('key-dialog');
	const input = document.getElementById('key-input');
	input.value = '';
	dialog.returnValue = '';
	dialog.showModal();
	input.focus();
	dialog.addEventListener('close', async () => {
		if (dialog.returnValue === 'save' && input.value.trim()) {
			setApiKey(input.value.trim());
		}
		else if (dialog.returnValue === 'forget') {
			setApiKey(null);
		}
		else {
			return;
		}
		await refreshAccess();
		route();
	}, { once: true });
}

async function refreshAccess() {
	try {
		await probeScopes();
	}
	catch (e) {
		// offline: the banner says so and the probe runs again when the server is back
	}
	renderAccess();
}

const pages = {
	models: { render: modelsPage },
	try: { render: tryPage },
	training: { render: trainingPage, scope: 'training' },
	jobs: { render: jobPage, scope: 'training' },
	ops: { render: opsPage, scope: 'management' },
};

async function route() {
	if (leave) {
		leave();
		leave = null;
	}
	const [name, ...args] = (location.hash.replace(/^#\/?/, '') || 'models').split('/').map(decodeURIComponent);
	const page = pages[name] || pages.models;
	for (const link of document.querySelectorAll('#nav a')) {
		if (link.dataset.page === (name === 'jobs' ? 'training' : name)) {
			link.setAttribute('aria-current', 'page');
		}
		else {
			link.removeAttribute('aria-current');
		}
	}
	if (page.scope && !scopes[page.scope]) {
		main.replaceChildren(h('section', h('h1', 'Not available with this key'),
				h('p', 'This page needs the ' + page.scope + ' scope. Enter a key that has it, or ask the operator for one.')));
		return;
	}
	main.replaceChildren(h('p.loading', { 'aria-busy': 'true' }, 'Loading…'));
	// The page is drawn off screen and shown when its first data is in.
	const view = h('div.view');
	const shown = location.hash;
	let cleanup = null;
	try {
		cleanup = (await page.render(view, args)) || null;
	}
	catch (e) {
		// Status 0: the offline banner already says so and the page is drawn again later.
		if (e.status !== 0) {
			showBanner(e);
		}
	}
	if (location.hash === shown) {
		leave = cleanup;
		main.replaceChildren(view);
	}
	else if (cleanup) {
		// The user moved on while this page loaded: stop its timers and streams.
		cleanup();
	}
}

on('offline', () => {
	showBanner({ status: 0, problem: { title: 'The service cannot be reached', detail: 'retrying every 2 s; the page reloads its data when it is back' } }, 'warning');
});
on('online', async () => {
	showBanner(null);
	await refreshAccess();
	route();
});

window.addEventListener('hashchange', () => {
	showBanner(null);
	route();
});

await refreshAccess();
if (scopes.needKey && !apiKey() && !scopes.inference) {
	askKey();
}
route();
document.body.dataset.ready = 'true';
