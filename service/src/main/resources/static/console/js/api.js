// Every call the console makes to the service: the stored key, problem+json errors, the
// scope probe, the "server unreachable" banner and the curl equivalent of a request.

const KEY = 'modelport.apiKey';

export const scopes = { inference: false, management: false, training: false, keyProblem: null, needKey: false };

export function apiKey() {
	return sessionStorage.getItem(KEY);
}

export function setApiKey(key) {
	if (key) {
		sessionStorage.setItem(KEY, key);
	}
	else {
		sessionStorage.removeItem(KEY);
	}
}

/** A refused or failed request: status 0 when the server could not be reached. */
export class ApiError extends Error {
	constructor(status, problem) {
		super(problem.detail || problem.title || ('HTTP ' + status));
		this.status = status;
		this.problem = problem;
	}

	/** The field errors of a 400 (training jobs list them as {field, message}). */
	fieldErrors() {
		return Array.isArray(this.problem.errors) ? this.problem.errors : [];
	}
}

const listeners = { offline: [], online: [] };

export function on(event, listener) {
	listeners[event].push(listener);
}

let offline = false;
let retryTimer = null;

function wentOffline() {
	if (!offline) {
		offline = true;
		listeners.offline.forEach((l) => l());
		retryTimer = setInterval(async () => {
			try {
				const res = await fetch('/livez', { cache: 'no-store' });
				if (res.ok) {
					cameBack();
				}
			}
			catch (e) {
				// still down: the next tick tries again
			}
		}, 2000);
	}
}

function cameBack() {
	if (offline) {
		offline = false;
		clearInterval(retryTimer);
		listeners.online.forEach((l) => l());
	}
}

function headers(extra, accept) {
	const h = new Headers(extra || {});
	const key = apiKey();
	if (key) {
		h.set('Authorization', 'Bearer ' + key);
	}
	if (accept && !h.has('Accept')) {
		h.set('Accept', accept);
	}
	return h;
}

async function problemOf(res) {
	const text = await res.text();
	try {
		return JSON.parse(text);
	}
	catch (e) {
		return { title: res.statusText || ('HTTP ' + res.status), detail: text.slice(0, 200) || undefined };
	}
}

/**
 * Calls the API. Answers the parsed JSON, a Blob for images, text otherwise; throws an
 * ApiError with the server's problem details.
 */
export async function api(path, options = {}) {
	const { method = 'GET', body, json, accept = 'application/json, application/problem+json', signal } = options;
	const h = headers(options.headers, accept);
	let payload = body;
	if (json !== undefined) {
		h.set('Content-Type', 'application/json');
		payload = JSON.stringify(json);
	}
	let res;
	try {
		res = await fetch(path, { method, headers: h, body: payload, signal, cache: 'no-store' });
	}
	catch (e) {
		if (e.name === 'AbortError') {
			throw e;
		}
		wentOffline();
		throw new ApiError(0, { title: 'The service cannot be reached', detail: 'No answer from the server.' });
	}
	cameBack();
	if (!res.ok) {
		throw new ApiError(res.status, await problemOf(res));
	}
	const type = res.headers.get('Content-Type') || '';
	if (res.status === 204) {
		return null;
	}
	if (type.includes('json')) {
		return res.json();
	}
	if (type.startsWith('image/')) {
		return res.blob();
	}
	return res.text();
}

/** An object URL for an image the API answers (report PNGs need the key, so no plain img src). */
export async function imageUrl(path) {
	return URL.createObjectURL(await api(path, { accept: 'image/png' }));
}

/**
 * Uploads multipart form data with progress (fetch cannot report upload progress).
 * onProgress gets a fraction from 0 to 1.
 */
export function upload(path, form, onProgress) {
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', path);
		const key = apiKey();
		if (key) {
			xhr.setRequestHeader('Authorization', 'Bearer ' + key);
		}
		xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
		xhr.upload.onprogress = (e) => {
			if (e.lengthComputable) {
				onProgress(e.loaded / e.total);
			}
		};
		xhr.onerror = () => {
			wentOffline();
			reject(new ApiError(0, { title: 'The service cannot be reached', detail: 'The upload did not finish.' }));
		};
		xhr.onload = () => {
			let answer;
			try {
				answer = JSON.parse(xhr.responseText);
			}
			catch (e) {
				answer = { title: xhr.statusText, detail: xhr.responseText.slice(0, 200) };
			}
			if (xhr.status >= 200 && xhr.status < 300) {
				resolve(answer);
			}
			else {
				reject(new ApiError(xhr.status, answer));
			}
		};
		xhr.send(form);
	});
}

/**
 * Reads a Server-Sent Events stream with fetch, so the key can go in a header (EventSource
 * cannot send one). Calls onEvent(name, data) per event; resolves when the stream ends.
 */
export async function events(path, onEvent, signal) {
	let res;
	try {
		res = await fetch(path, { headers: headers({}, 'text/event-stream'), signal, cache: 'no-store' });
	}
	catch (e) {
		if (e.name !== 'AbortError') {
			wentOffline();
		}
		throw e;
	}
	if (!res.ok) {
		throw new ApiError(res.status, await problemOf(res));
	}
	const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
	let buffer = '';
	for (;;) {
		let chunk;
		try {
			chunk = await reader.read();
		}
		catch (e) {
			if (e.name !== 'AbortError') {
				wentOffline();
			}
			throw e;
		}
		const { value, done } = chunk;
		if (done) {
			return;
		}
		buffer += value.replace(/\r\n/g, '\n');
		let end;
		while ((end = buffer.indexOf('\n\n')) >= 0) {
			const block = buffer.slice(0, end);
			buffer = buffer.slice(end + 2);
			let name = 'message';
			const data = [];
			for (const line of block.split('\n')) {
				if (line.startsWith('event:')) {
					name = line.slice(6).trim();
				}
				else if (line.startsWith('data:')) {
					data.push(line.slice(5).replace(/^ /, ''));
				}
			}
			if (data.length) {
				let parsed = data.join('\n');
				try {
					parsed = JSON.parse(parsed);
				}
				catch (e) {
					// plain text data
				}
				onEvent(name, parsed);
			}
		}
	}
}

async function allowed(path) {
	try {
		await api(path);
		return { ok: true };
	}
	catch (e) {
		if (e.status === 401 || e.status === 403) {
			return { ok: false, problem: e.problem, status: e.status };
		}
		if (e.status === 0) {
			throw e;
		}
		// Any other answer (a 503 of the job store) means the key got through.
		return { ok: true };
	}
}

/** Finds out what the key (or no key) may do with one cheap GET per scope. */
export async function probeScopes() {
	const [inference, management, training] = await Promise.all([allowed('/api/v1/models'),
			allowed('/actuator/metrics'), allowed('/api/v1/training-jobs?size=1')]);
	scopes.inference = inference.ok;
	scopes.management = management.ok;
	scopes.training = training.ok;
	const refused = [inference, management, training].filter((r) => !r.ok);
	scopes.needKey = refused.length > 0;
	const invalid = refused.find((r) => r.status === 401 && apiKey());
	scopes.keyProblem = invalid ? (invalid.problem.detail || 'the key was refused') : null;
	return scopes;
}

function quote(text) {
	return "'" + String(text).replace(/'/g, "'\\''") + "'";
}

/**
 * The curl command for a request. The key is never printed: the command reads it from
 * $MODELPORT_KEY. parts: [name, value or {file}] for multipart bodies.
 */
export function curl(method, path, { json, parts, file, type } = {}) {
	const lines = ['curl -sS' + (method !== 'GET' ? ' -X ' + method : '') + ' ' + quote(location.origin + path)];
	if (apiKey()) {
		lines.push('-H "Authorization: Bearer $MODELPORT_KEY"');
	}
	if (json !== undefined) {
		lines.push("-H 'Content-Type: application/json'");
		lines.push('-d ' + quote(JSON.stringify(json)));
	}
	for (const [name, value] of parts || []) {
		lines.push('-F ' + quote(name + '=' + (value.file ? '@' + value.file : value)));
	}
	if (file) {
		lines.push("-H 'Content-Type: " + (type || 'application/octet-stream') + "'");
		lines.push('--data-binary ' + quote('@' + file));
	}
	return lines.join(' \\\n  ');
}
