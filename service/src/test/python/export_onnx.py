#!/usr/bin/python3
"""Exports a TorchScript image classifier to ONNX with a dynamic batch axis.

Makes the ONNX test fixture from the TorchScript fixture, so the two engines can be
compared on the same weights. Needs Debian's python3-torch (no onnx package: the
exporter in torch writes the protobuf itself):

    apt-get install python3-torch
    /usr/bin/python3 service/src/test/python/export_onnx.py \
        service/src/test/resources/djl-serving/torch-fashion/torch-fashion.pt \
        service/src/test/resources/model-store-onnx/onnx-fashion/1/onnx-fashion.onnx
"""
import hashlib
import os
import sys

import torch


def main(source, target, height=28, width=28, channels=1):
    module = torch.jit.load(source, map_location="cpu")
    module.eval()
    example = torch.zeros(2, channels, height, width)
    os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
    # The input and output names become the ONNX graph's names; the batch axis stays
    # symbolic so the server's batcher can stack any number of requests.
    torch.onnx.export(module, (example,), target, input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}},
                      opset_version=13, do_constant_folding=True)
    with open(target, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    print(f"{target}: torch {torch.__version__}, sha256 {digest}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: export_onnx.py <model.pt> <model.onnx>")
    main(sys.argv[1], sys.argv[2])
