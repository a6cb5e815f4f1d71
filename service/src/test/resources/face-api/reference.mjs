// Records reference outputs of face-api's own TF.js networks for FaceApiParityTests.
// Run from a folder where `npm install @tensorflow/tfjs@4.22.0 @tensorflow/tfjs-backend-wasm@4.22.0
// <the pinned face-api tarball>` was done:
//   node reference.mjs <face-api package folder> > fixture.json
// The inputs are synthetic (integer patterns the Java test rebuilds), so no photo is needed.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

// The CommonJS build: it loads @tensorflow/tfjs (pure JavaScript) and the wasm backend, no native code.
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

// The same pattern as FaceApiFixture.pattern in Java: 0..255 integers, height x width x 3.
function pattern(size, seed) {
	const values = new Float32Array(size * size * 3);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			for (let c = 0; c < 3; c++) {
				values[(y * size + x) * 3 + c] = ((x * (3 + seed)) + (y * (5 + c)) + ((x * y) >> 4) + (seed * 41)) & 255;
			}
		}
	}
	return tf.tensor4d(values, [1, size, size, 3]);
}

await tf.setBackend('cpu');
await tf.ready();
const recognition = new faceapi.FaceRecognitionNet();
recognition.loadFromWeightMap(weightMap('face_recognition_model'));
const landmarks = new faceapi.FaceLandmark68Net();
landmarks.loadFromWeightMap(weightMap('face_landmark_68_model'));

const seeds = [1, 2, 3];
const out = { tfjs: tf.version.tfjs, backend: tf.getBackend(), seeds, descriptors: [], landmarks: [] };
for (const seed of seeds) {
	out.descriptors.push(Array.from(await (await recognition.forward(pattern(150, seed))).data()));
	out.landmarks.push(Array.from(await (await landmarks.forward(pattern(112, seed))).data()));
}
process.stdout.write(JSON.stringify(out) + '\n');
