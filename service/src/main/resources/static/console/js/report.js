// A version's evaluation report (evaluation.json and the PNGs a training run left),
// drawn per task: confusion matrix, per-class table, ROC figures, mAP, BLEU, analogies.
import { api, imageUrl } from './api.js';
import { h, fmt, percent, showProblem } from './dom.js';
import { bars, heatmap } from './charts.js';

function figures(entries) {
	return h('dl.figures.big', entries.filter(([, v]) => v !== undefined && v !== null)
		.map(([k, v]) => h('div', h('dt', k), h('dd', v))));
}

function perClassTable(perClass) {
	const names = Object.keys(perClass);
	return h('table.data', h('caption', 'Per class on the test split'),
			h('thead', h('tr', ['Class', 'Precision', 'Recall', 'F1'].map((t) => h('th', { scope: 'col' }, t)))),
			h('tbody', names.map((n) => h('tr', h('th', { scope: 'row' }, n), h('td.num', fmt(perClass[n].precision)),
				h('td.num', fmt(perClass[n].recall)), h('td.num', fmt(perClass[n].f1))))));
}

function classifier(report) {
	const parts = [figures([['test accuracy', percent(report.testAccuracy)], ['macro F1', fmt(report.testMacroF1)],
		['dev accuracy', percent(report.devAccuracy)], ['test images', fmt(report.testImages)]])];
	if (report.confusionMatrix && report.labels) {
		parts.push(h('figure.chart', h('figcaption', 'Confusion matrix (rows: true class, columns: predicted; shaded by row share)'),
				heatmap(report.confusionMatrix, report.labels, report.labels,
					{ title: 'Confusion matrix', rowTitle: 'true', colTitle: 'predicted' })));
	}
	if (report.perClass) {
		parts.push(perClassTable(report.perClass));
	}
	return parts;
}

function detector(report) {
	const parts = [figures([['mAP@0.5', fmt(report.testMap50)], ['mAP@0.5:0.95', fmt(report.testMap5095)],
		['precision', fmt(report.testPrecision)], ['recall', fmt(report.testRecall)], ['test scenes', fmt(report.testScenes)]])];
	if (report.ap50PerClass) {
		parts.push(bars(Object.entries(report.ap50PerClass).map(([label, value]) => ({ label, value })),
				{ format: (v) => fmt(v, 3), caption: 'AP@0.5 per class' }));
	}
	for (const key of Object.keys(report).filter((k) => /size/i.test(k) && typeof report[k] === 'object')) {
		parts.push(bars(Object.entries(report[key]).filter(([, v]) => typeof v === 'number')
			.map(([label, value]) => ({ label, value })), { format: (v) => fmt(v, 3), caption: key }));
	}
	if (report.definitions) {
		parts.push(h('details', h('summary', 'Definitions'), h('p', report.definitions)));
	}
	return parts;
}

function faceVerifier(report) {
	const parts = [figures([['test accuracy', percent(report.testAccuracy)], ['ROC AUC', fmt(report.testAuc)],
		['EER', percent(report.testEer)], ['TAR at FAR 1 %', percent(report.testTarAtFar1)],
		['threshold τ', fmt(report.threshold) + (report.thresholdRule ? ' (' + report.thresholdRule + ')' : '')],
		['TAR / FAR at τ', percent(report.testTarAtThreshold) + ' / ' + percent(report.testFarAtThreshold)]])];
	if (report.testPairs) {
		parts.push(h('p', 'Test pairs: ' + report.testPairs.same + ' same, ' + report.testPairs.different + ' different.'));
	}
	if (report.definitions) {
		parts.push(h('details', h('summary', 'Definitions'), h('p', report.definitions)));
	}
	return parts;
}

function word2vec(report) {
	const parts = [figures([['analogy accuracy', percent(report.analogyAccuracy)],
		['related − unrelated cosine', fmt(report.similarityGap)], ['vocabulary', fmt(report.vocabularySize)],
		['tokens', fmt(report.tokens)], ['final loss', fmt(report.finalLoss)]])];
	if (report.analogies) {
		parts.push(bars(Object.entries(report.analogies).map(([label, a]) => ({ label: label + ' (' + a.answered + ')', value: a.accuracy })),
				{ caption: 'Analogy accuracy per category (questions answered)' }));
	}
	return parts;
}

function seq2seq(report) {
	const row = (name, r) => h('tr', h('th', { scope: 'row' }, name), h('td.num', percent(r.exactMatch)), h('td.num', fmt(r.bleu)));
	const parts = [h('table.data', h('caption', 'BLEU and exact match on ' + fmt(report.testExamples) + ' held-out examples'),
			h('thead', h('tr', ['Decoder', 'Exact match', 'BLEU'].map((t) => h('th', { scope: 'col' }, t)))),
			h('tbody', report.greedy ? row('greedy', report.greedy) : null,
				report.beam ? row('beam ' + (report.beam.beamWidth || ''), report.beam) : null,
				Object.entries(report.baselines || {}).map(([n, r]) => row('baseline: ' + n, r))))];
	if (Array.isArray(report.examples)) {
		parts.push(h('table.data', h('caption', 'Examples'),
				h('thead', h('tr', ['Source', 'Reference', 'Beam'].map((t) => h('th', { scope: 'col' }, t)))),
				h('tbody', report.examples.slice(0, 8).map((e) => h('tr', h('td', e.source), h('td', e.reference),
					h('td', { className: e.beam === e.reference ? 'ok' : 'miss' }, e.beam))))));
	}
	return parts;
}

const RENDERERS = { classifier, detector, 'face-verifier': faceVerifier, word2vec, seq2seq };

function otherFigures(report, task) {
	if (RENDERERS[task]) {
		return [];
	}
	return [figures(Object.entries(report).filter(([, v]) => typeof v === 'number').map(([k, v]) => [k, fmt(v)]))];
}

const CAPTIONS = { 'roc.png': 'ROC curve (true accept rate against false accept rate)', 'loss.png': 'Training loss' };

/** Draws one version's report into a pane. */
export async function renderReport(details, version, pane) {
	const info = details.versions.find((v) => v.version === version) || {};
	const base = '/api/v1/models/' + encodeURIComponent(details.name) + '/versions/' + version + '/report';
	const problem = h('div', { hidden: true });
	pane.append(problem);
	try {
		const files = await api(base);
		if (!files.length) {
			pane.append(h('p', 'This version has no report files: it was not trained by Modelport, or its run kept none.'),
					info.quality ? figures(Object.entries(info.quality).map(([k, v]) => [k, fmt(v)])) : null);
			return;
		}
		if (files.includes('evaluation.json')) {
			const report = await api(base + '/evaluation.json');
			pane.append(h('div.report', { dataset: { task: info.task || '' } }, (RENDERERS[info.task] || (() => []))(report),
					otherFigures(report, info.task)));
		}
		for (const file of files.filter((f) => f.endsWith('.png'))) {
			const img = h('img', { alt: CAPTIONS[file] || file, className: 'report-image' });
			pane.append(h('figure.chart', h('figcaption', CAPTIONS[file] || file.replace(/\.png$/, '').replace(/-/g, ' ')), img));
			imageUrl(base + '/' + encodeURIComponent(file)).then((url) => {
				img.src = url;
			}, (e) => showProblem(problem, e));
		}
	}
	catch (e) {
		showProblem(problem, e);
	}
}
