#!/usr/bin/python3
"""Exports a Modelport yolo-detector version (a DJL .params file) to ONNX.

The shipped detector (model-store/fashion-scenes) was trained by DJL, so there is no
PyTorch module to export. This script reads the weights from DJL's parameter file, builds
the same network in torch (YoloDetectorNet: per stage a 3x3 convolution, batch norm,
leaky ReLU 0.1 and 2x2 max pooling; then a 3x3 convolution, batch norm and leaky ReLU;
then a 1x1 convolution), and exports it with a dynamic batch axis. The output is the raw
grid [batch, anchors * (5 + classes), S, S]; the server's decoder applies the
activations, as it does for the PyTorch engine. The layer sizes come from the weight
shapes, so any filters/headFilters/anchors/classes work. Needs Debian's python3-torch:

    apt-get install python3-torch
    /usr/bin/python3 service/src/test/python/export_detector_onnx.py \
        model-store/fashion-scenes/1 /tmp/onnx-scenes.onnx 64

OnnxDetectorTests runs it and compares the two engines' outputs.
"""
import glob
import hashlib
import os
import struct
import sys

import numpy
import torch
from torch import nn


def read_utf(data, at):
    length = struct.unpack(">H", data[at:at + 2])[0]
    return data[at + 2:at + 2 + length].decode("utf-8"), at + 2 + length


def djl_arrays(path):
    """The (name, tensor) pairs of a DJL .params file, in the block's order.

    Each parameter is an NDArray record: "NDAR", version, optional name, sparse format,
    data type, shape (rank, dims as longs, layout chars), byte order, byte length, data;
    the values are little-endian when the byte order is '<'.
    """
    with open(path, "rb") as f:
        data = f.read()
    if not data.startswith(b"DJL@"):
        sys.exit(f"{path} is not a DJL parameter file")
    arrays = []
    at = data.find(b"NDAR")
    while at >= 0:
        at += 4
        version = struct.unpack(">i", data[at:at + 4])[0]
        at += 4
        if version < 2:
            sys.exit(f"NDArray encoding version {version} is not supported")
        name = None
        if data[at]:
            name, at = read_utf(data, at + 1)
        else:
            at += 1
        sparse, at = read_utf(data, at)
        dtype, at = read_utf(data, at)
        if sparse != "DENSE" or dtype != "FLOAT32":
            sys.exit(f"parameter {name}: only dense FLOAT32 is supported, found {sparse} {dtype}")
        rank = struct.unpack(">i", data[at:at + 4])[0]
        at += 4
        shape = struct.unpack(f">{rank}q", data[at:at + 8 * rank])
        at += 8 * rank
        layout = struct.unpack(">i", data[at:at + 4])[0]
        at += 4 + 2 * layout
        order = chr(data[at])
        length = struct.unpack(">i", data[at + 1:at + 5])[0]
        at += 5
        values = numpy.frombuffer(data[at:at + length], dtype="<f4" if order == "<" else ">f4")
        arrays.append((name, torch.from_numpy(values.astype("<f4").reshape(shape))))
        at = data.find(b"NDAR", at + length)
    return arrays


def build(arrays):
    """The torch network whose parameters are, in order, the DJL arrays."""
    names = [name for name, _ in arrays]
    group = ["weight", "bias", "gamma", "beta", "runningMean", "runningVar"]
    stages = (len(arrays) - 2) // 6
    if len(arrays) != stages * 6 + 2 or names[-2:] != ["weight", "bias"] \
            or any(names[i * 6:i * 6 + 6] != group for i in range(stages)):
        sys.exit(f"not a yolo-detector parameter list: {names}")
    layers = []
    for i in range(stages):
        weight, bias, gamma, beta, mean, var = (t for _, t in arrays[i * 6:i * 6 + 6])
        conv = nn.Conv2d(weight.shape[1], weight.shape[0], 3, padding=1)
        conv.weight.data.copy_(weight)
        conv.bias.data.copy_(bias)
        # DJL's BatchNorm: epsilon 1e-5, the running statistics at inference.
        norm = nn.BatchNorm2d(weight.shape[0], eps=1e-5)
        norm.weight.data.copy_(gamma)
        norm.bias.data.copy_(beta)
        norm.running_mean.copy_(mean)
        norm.running_var.copy_(var)
        layers += [conv, norm, nn.LeakyReLU(0.1)]
        # Every stage but the last (the head's 3x3 convolution) halves the resolution.
        if i < stages - 1:
            layers.append(nn.MaxPool2d(2, 2))
    weight, bias = arrays[-2][1], arrays[-1][1]
    head = nn.Conv2d(weight.shape[1], weight.shape[0], 1)
    head.weight.data.copy_(weight)
    head.bias.data.copy_(bias)
    layers.append(head)
    return nn.Sequential(*layers).eval()


def main(version, target, size):
    params = sorted(glob.glob(os.path.join(version, "*.params")))
    if len(params) != 1:
        sys.exit(f"expected one .params file in {version}, found {params}")
    arrays = djl_arrays(params[0])
    net = build(arrays)
    channels = arrays[0][1].shape[1]
    os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(net, (torch.zeros(2, channels, size, size),), target, input_names=["input"],
                          output_names=["grid"], dynamic_axes={"input": {0: "batch"}, "grid": {0: "batch"}},
                          opset_version=13, do_constant_folding=True)
    with open(target, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    print(f"{target}: torch {torch.__version__}, {len(arrays)} arrays from {os.path.basename(params[0])}, "
          f"sha256 {digest}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: export_detector_onnx.py <version folder> <model.onnx> <input side>")
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
