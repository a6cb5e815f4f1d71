// Page-wide messages: the confirmation dialog and the banner.
import { showProblem } from './dom.js';

const banner = document.getElementById('banner');

/** Asks the user to confirm; resolves true on Confirm. */
export function confirmAction(title, text) {
	const dialog = document.getElementById('confirm');
	document.getElementById('confirm-title').textContent = title;
	document.getElementById('confirm-text').textContent = text;
	dialog.returnValue = '';
	dialog.showModal();
	document.getElementById('confirm-cancel').focus();
	return new Promise((resolve) => {
		dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
	});
}

/** A banner above the page for errors no field owns. */
export function showBanner(error, kind = 'error') {
	if (!error) {
		banner.hidden = true;
		return;
	}
	showProblem(banner, error);
	banner.className = 'banner ' + kind;
}

