// Form pieces the try-it and training pages share.
import { h, field, fieldError, showProblem } from './dom.js';

/** A file input that also takes a dropped file; shows a preview of images. */
export function imageInput(labelText, name) {
	const input = h('input', { type: 'file', name, accept: 'image/png,image/jpeg,image/gif,image/bmp,.pgm', required: true });
	const preview = h('img.preview', { alt: '', hidden: true });
	const drop = h('div.drop', { tabIndex: -1 }, field(labelText, input, 'PNG, JPEG, GIF, BMP or PGM; or drop a file here'), preview);
	const show = () => {
		const file = input.files[0];
		if (file && file.type.startsWith('image/')) {
			preview.src = URL.createObjectURL(file);
			preview.alt = 'the image chosen: ' + file.name;
			preview.hidden = false;
		}
		else {
			preview.hidden = true;
		}
	};
	input.addEventListener('change', show);
	drop.addEventListener('dragover', (e) => {
		e.preventDefault();
		drop.classList.add('over');
	});
	drop.addEventListener('dragleave', () => drop.classList.remove('over'));
	drop.addEventListener('drop', (e) => {
		e.preventDefault();
		drop.classList.remove('over');
		if (e.dataTransfer.files.length) {
			input.files = e.dataTransfer.files;
			show();
		}
	});
	return { element: drop, input, preview };
}

/** Runs a form's request: disables the button, shows errors next to the field or above. */
export function submitter(form, button, problem, fieldsByName, run) {
	form.addEventListener('submit', async (e) => {
		e.preventDefault();
		showProblem(problem, null);
		Object.values(fieldsByName).forEach((input) => fieldError(input, null));
		button.disabled = true;
		form.setAttribute('aria-busy', 'true');
		try {
			await run();
		}
		catch (err) {
			const detail = err.problem ? (err.problem.detail || err.problem.title) : String(err);
			const named = Object.entries(fieldsByName).find(([n]) => detail && new RegExp("\\b" + n + "\\b", 'i').test(detail));
			const target = named ? named[1] : Object.values(fieldsByName)[0];
			if (err.status >= 400 && err.status < 500 && target && err.status !== 401 && err.status !== 403) {
				fieldError(target, detail);
			}
			else {
				showProblem(problem, err);
			}
		}
		finally {
			button.disabled = false;
			form.setAttribute('aria-busy', 'false');
		}
	});
}

