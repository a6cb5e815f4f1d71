// Building elements without innerHTML, so no text from the server is ever parsed as markup,
// and without style attributes, which the console's CSP does not allow.

/**
 * h('div.card#id', {attrs, on: {click}}, children...): children are nodes, strings or
 * arrays of them; null and false are skipped.
 */
export function h(spec, attrs, ...children) {
	const [tagPart, ...rest] = spec.split(/(?=[.#])/);
	const el = document.createElement(tagPart || 'div');
	for (const part of rest) {
		if (part.startsWith('.')) {
			el.classList.add(part.slice(1));
		}
		else {
			el.id = part.slice(1);
		}
	}
	if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
		children.unshift(attrs);
		attrs = null;
	}
	for (const [name, value] of Object.entries(attrs || {})) {
		if (name === 'on') {
			for (const [event, listener] of Object.entries(value)) {
				el.addEventListener(event, listener);
			}
		}
		else if (name === 'dataset') {
			Object.assign(el.dataset, value);
		}
		else if (value === true) {
			el.setAttribute(name, '');
		}
		else if (value !== false && value !== null && value !== undefined) {
			if (name in el && typeof el[name] !== 'function' && name !== 'list' && name !== 'form') {
				el[name] = value;
			}
			else {
				el.setAttribute(name, value);
			}
		}
	}
	append(el, children);
	return el;
}

function append(el, children) {
	for (const child of children) {
		if (child === null || child === undefined || child === false) {
			continue;
		}
		if (Array.isArray(child)) {
			append(el, child);
		}
		else {
			el.append(child instanceof Node ? child : String(child));
		}
	}
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes (presentation attributes are not blocked by the CSP). */
export function s(tag, attrs = {}, ...children) {
	const el = document.createElementNS(SVG, tag);
	for (const [name, value] of Object.entries(attrs)) {
		el.setAttribute(name, value);
	}
	for (const child of children.flat()) {
		if (child !== null && child !== undefined && child !== false) {
			el.append(child instanceof Node ? child : document.createTextNode(String(child)));
		}
	}
	return el;
}

let ids = 0;

export function uid(prefix) {
	ids += 1;
	return prefix + '-' + ids;
}

/** A labelled form field: label, input, hint and the place a server error goes. */
export function field(labelText, input, hint) {
	if (!input.id) {
		input.id = uid('f');
	}
	const error = h('p.field-error', { id: input.id + '-error', role: 'alert', hidden: true });
	const describedBy = [];
	let hintEl = null;
	if (hint) {
		hintEl = h('p.hint', { id: input.id + '-hint' }, hint);
		describedBy.push(hintEl.id);
	}
	describedBy.push(error.id);
	input.setAttribute('aria-describedby', describedBy.join(' '));
	return h('div.field', h('label', { htmlFor: input.id }, labelText), input, hintEl, error);
}

/** Shows an error message under a field made by field(). */
export function fieldError(input, message) {
	const error = document.getElementById(input.id + '-error');
	if (error) {
		error.textContent = message || '';
		error.hidden = !message;
		input.setAttribute('aria-invalid', message ? 'true' : 'false');
	}
}

/** A message box for one section: an error's title and detail, or a note. */
export function showProblem(box, error) {
	box.replaceChildren();
	box.hidden = !error;
	if (!error) {
		return;
	}
	box.className = 'problem';
	box.setAttribute('role', 'alert');
	const p = error.problem || { title: 'Error', detail: String(error.message || error) };
	box.append(h('strong', (p.title || 'Error') + (error.status ? ' (' + error.status + ')' : '')));
	if (p.detail) {
		box.append(h('span', ': ' + p.detail));
	}
	for (const e of (Array.isArray(p.errors) ? p.errors : [])) {
		box.append(h('div', (e.field ? e.field + ': ' : '') + (e.message || '')));
	}
}

/** A copyable curl command. */
export function curlBox(command) {
	const pre = h('pre.curl', h('code', command));
	const button = h('button.small', {
		type: 'button',
		on: {
			click: async () => {
				try {
					await navigator.clipboard.writeText(command);
					button.textContent = 'Copied';
				}
				catch (e) {
					const range = document.createRange();
					range.selectNodeContents(pre);
					getSelection().removeAllRanges();
					getSelection().addRange(range);
					button.textContent = 'Selected: press Ctrl+C';
				}
			},
		},
	}, 'Copy');
	return h('details.curl-box', { open: true }, h('summary', 'The same request with curl'), pre, button);
}

export function fmt(value, digits = 4) {
	if (typeof value !== 'number') {
		return value === null || value === undefined ? '—' : String(value);
	}
	if (Number.isInteger(value)) {
		return value.toLocaleString('en');
	}
	return Number(value.toFixed(digits)).toString();
}

export function percent(value) {
	return typeof value === 'number' ? (value * 100).toFixed(1) + ' %' : '—';
}

/** Replaces an element's children, skipping null and false like h() does. */
export function fill(el, ...children) {
	el.replaceChildren();
	append(el, children);
	return el;
}
