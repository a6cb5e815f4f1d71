package io.modelport.seq2seq.training;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import io.modelport.seq2seq.SymbolVocabulary;
import io.modelport.seq2seq.training.Seq2SeqTrainer.Encoded;

/**
 * The tensors of a batch of encoded pairs, padded to its longest member, and the masked
 * loss over them: what training and the dev loss feed the network.
 *
 * @author Modelport Team
 */
final class Seq2SeqBatches {

	private Seq2SeqBatches() {
	}

	/**
	 * The mean cross-entropy of the true next symbols, padding positions excluded (DJL's
	 * masked loss needs an operator the PyTorch engine lacks).
	 * @param logits {@code [B, Ty, V]}
	 * @param labels {@code [B, Ty]} int64, 0 at padding
	 * @return the scalar loss
	 */
	static NDArray maskedCrossEntropy(NDArray logits, NDArray labels) {
		int vocabulary = (int) logits.getShape().get(2);
		NDArray picked = logits.logSoftmax(-1).mul(labels.oneHot(vocabulary)).sum(new int[] { -1 });
		NDArray mask = labels.neq(SymbolVocabulary.PAD_ID).toType(DataType.FLOAT32, false);
		return picked.mul(mask).sum().neg().div(mask.sum().maximum(1f));
	}

	static NDArray sources(NDManager manager, List<Encoded> batch) {
		int length = batch.stream().mapToInt((pair) -> pair.source().length).max().orElse(1);
		long[] ids = new long[batch.size() * length];
		for (int b = 0; b < batch.size(); b++) {
			int[] source = batch.get(b).source();
			for (int t = 0; t < source.length; t++) {
				ids[b * length + t] = source[t];
			}
		}
		return manager.create(ids, new Shape(batch.size(), length));
	}

	// <SOS> then the target, padded.
	static NDArray decoderInputs(NDManager manager, List<Encoded> batch) {
		int length = targetLength(batch);
		long[] ids = new long[batch.size() * length];
		for (int b = 0; b < batch.size(); b++) {
			int[] target = batch.get(b).target();
			ids[b * length] = SymbolVocabulary.SOS_ID;
			for (int t = 0; t < target.length; t++) {
				ids[b * length + t + 1] = target[t];
			}
		}
		return manager.create(ids, new Shape(batch.size(), length));
	}

	// The target then <EOS>, padded with 0.
	static NDArray labels(NDManager manager, List<Encoded> batch) {
		int length = targetLength(batch);
		long[] ids = new long[batch.size() * length];
		for (int b = 0; b < batch.size(); b++) {
			int[] target = batch.get(b).target();
			for (int t = 0; t < target.length; t++) {
				ids[b * length + t] = target[t];
			}
			ids[b * length + target.length] = SymbolVocabulary.EOS_ID;
		}
		return manager.create(ids, new Shape(batch.size(), length));
	}

	static int targetLength(List<Encoded> batch) {
		return batch.stream().mapToInt((pair) -> pair.target().length).max().orElse(0) + 1;
	}

}
