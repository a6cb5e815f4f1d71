// Records reference outputs of face-api's own tiny face detector for TinyFaceDetectorParityTests.
// Run, like reference.mjs, from a folder where `npm install @tensorflow/tfjs@4.22.0
// @tensorflow/tfjs-backend-wasm@4.22.0 <the pinned face-api tarball>` was done:
//   node detector-reference.mjs <face-api package folder> > detector-fixture.json
// The inputs are synthetic integer patterns the Java test rebuilds: the raw grid checks the
// network, the detections (a non-square input, so padding, resizing, decoding and
// non-maximum suppression all take part) check the Java pipeline around it.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(path.join(process.cwd(), 'reference.cjs'));
const tf = require('@tensorflow/tfjs');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const modelDir = path.join(process.argv[2], 'model');

function weightMap(name) {
	const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, `${name}-weights_manifest.json`), 'utf8'));
	const buffers = manifest[0].paths.map((p) => fs.readFileSync(path.join(modelDir, p)));
	const joined = Buffer.concat(buffers);
	const bytes = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength);
	return tf.io.decodeWeights(bytes, manifest[0].weights);
}

// The same pattern as TinyFaceDetectorParityTests.pattern: 0..255 integers, height x width x 3.
function pattern(width, height, seed) {
	const values = new Float32Array(width * height * 3);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			for (let c = 0; c < 3; c++) {
				values[(y * width + x) * 3 + c] = ((x * (7 + seed + c)) ^ (y * (3 + 2 * seed))) & 255;
			}
		}
	}
	return values;
}

await tf.setBackend('cpu');
await tf.ready();
const detector = new faceapi.TinyFaceDetector();
detector.loadFromWeightMap(weightMap('tiny_face_detector_model'));

const raw = { size: 128, seeds: [1, 2], grids: [] };
for (const seed of raw.seeds) {
	const out = detector.forward(tf.tensor4d(pattern(128, 128, seed), [1, 128, 128, 3]), 128);
	raw.grids.push(Array.from(await (await out).data()));
}
const detect = { width: 200, height: 150, seed: 3, inputSize: 160, scoreThreshold: 0.001, detections: [] };
const input = tf.tensor3d(pattern(detect.width, detect.height, detect.seed), [detect.height, detect.width, 3]);
for (const d of await detector.detect(input, { inputSize: detect.inputSize, scoreThreshold: detect.scoreThreshold })) {
	detect.detections.push({ score: d.score, x: d.box.x, y: d.box.y, width: d.box.width, height: d.box.height });
}
const out = { tfjs: tf.version.tfjs, backend: tf.getBackend(), layout: 'NHWC', raw, detect };
process.stdout.write(JSON.stringify(out) + '\n');
