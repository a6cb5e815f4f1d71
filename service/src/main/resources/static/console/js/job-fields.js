// The training job form's fields: the names, defaults and valid ranges the service's job
// validator applies (TrainingJobValidator, TrainingSettings.withDefaults). The server stays
// the judge: a value it refuses comes back as a field error shown next to the input.
// ConsoleJobFieldsTests checks these ranges against the validator.

export const TASKS = ['classifier', 'detector', 'face-verifier', 'word2vec', 'seq2seq'];

export const FIELDS = {
	settings: [
		{ name: 'settings.epochs', label: 'Epochs', def: 10, min: 1, max: 1000, step: 1, hint: '1–1000, default 10' },
		{ name: 'settings.batchSize', label: 'Batch size', def: 128, min: 1, max: 4096, step: 1, hint: '1–4096, default 128' },
		{ name: 'settings.optimizer.type', label: 'Optimizer', def: 'adam', options: ['adam', 'sgd', 'momentum'] },
		{ name: 'settings.optimizer.learningRate', label: 'Learning rate', def: 0.001, min: 1e-9, max: 10,
			hint: '(0, 10], default 0.001 for Adam, 0.01 otherwise' },
		{ name: 'settings.weightDecay', label: 'Weight decay', def: 0, min: 0, max: 1, hint: '[0, 1], default 0' },
		{ name: 'settings.earlyStoppingPatience', label: 'Early stopping patience', def: 0, min: 0, max: 1000, step: 1,
			hint: '0–1000 epochs, 0 = off' },
		{ name: 'settings.devFraction', label: 'Dev fraction', def: 0.1, min: 0.001, max: 0.5, hint: '[0.001, 0.5], default 0.1' },
		{ name: 'settings.testFraction', label: 'Test fraction', def: 0.1, min: 0.001, max: 0.5, hint: '[0.001, 0.5], default 0.1' },
		{ name: 'settings.maxShift', label: 'Max shift (augmentation)', def: 0, min: 0, max: 8, step: 1, hint: '0–8 pixels, default 0' },
		{ name: 'settings.seed', label: 'Seed', def: 42, step: 1, hint: 'default 42' },
	],
	'input and limits': [
		{ name: 'input.width', label: 'Input width', def: 'data set\'s', min: 8, max: 512, step: 1, hint: '8–512 pixels' },
		{ name: 'input.height', label: 'Input height', def: 'data set\'s', min: 8, max: 512, step: 1, hint: '8–512 pixels' },
		{ name: 'limits.trainImages', label: 'Train images', def: 0, min: 0, step: 1, hint: 'at most this many, 0 = all' },
		{ name: 'limits.testImages', label: 'Test images', def: 0, min: 0, step: 1, hint: 'at most this many, 0 = all' },
		{ name: 'promotion', label: 'Promotion', def: 'if-better', options: ['always', 'if-better', 'never'] },
	],
};

export const TASK_EXTRAS = {
	'face-verifier': { key: 'faces', hint: 'faces: margin, mining (batch-hard…), identitiesPerBatch, imagesPerIdentity, '
		+ 'thresholdRule (max-accuracy or far), targetFar, devShare, testShare, jitter, stepsPerEpoch, rotation, scale, ensemble' },
	word2vec: { key: 'words', hint: 'words: architecture (skip-gram or cbow), dimension, window, negatives, negativePower, '
		+ 'subsample, minCount, epochs, learningRate, batchSize, maxVocabulary, seed' },
	seq2seq: { key: 'seq2seq', hint: 'seq2seq: sourceLevel, targetLevel (character or word), maxInputLength, maxOutputLength, '
		+ 'teacherForcing, minCount, beamWidth, lengthNormalization, devShare, testShare, generatedExamples, heldOutDates, evaluationLimit' },
};
