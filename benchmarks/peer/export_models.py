"""Writes the peer benchmark's TorchScript models and test images into one folder.

cnn.pt       the shipped fashion-mnist architecture (conv-classifier: 3x3 conv 32 + batch norm +
             ReLU + 2x2 max pool, the same with 64, dense 128, 10 classes), 1x28x28 input;
             its weights come from weights/*.bin when the harness exported the shipped
             model's parameters there, else they are random (same cost per image).
resnet18.pt  ResNet-18 (He et al. 2015, basic blocks 2-2-2-2), 3x224x224 input, 1000 classes,
             random weights: the benchmark measures speed, not accuracy.
resnet18.png a 224x224 RGB PNG (a smooth pattern with noise, so it compresses like a photo).

Usage: python3 export_models.py OUT_DIR
"""
import os
import sys

import numpy as np
import torch
from torch import nn
from PIL import Image


def conv_bn(cin, cout, stride=1):
    return [nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout)]


class Basic(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.body = nn.Sequential(*conv_bn(cin, cout, stride), nn.ReLU(inplace=True), *conv_bn(cout, cout))
        self.skip = nn.Identity()
        if stride != 1 or cin != cout:
            self.skip = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        return torch.relu(self.body(x) + self.skip(x))


def resnet18(classes=1000):
    layers = [nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU(inplace=True),
              nn.MaxPool2d(3, 2, 1)]
    cin = 64
    for cout, stride in ((64, 1), (128, 2), (256, 2), (512, 2)):
        layers += [Basic(cin, cout, stride), Basic(cout, cout, 1)]
        cin = cout
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(512, classes)]
    return nn.Sequential(*layers)


def small_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, 1, 1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Conv2d(32, 64, 3, 1, 1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Dropout(0.3), nn.Linear(128, 10))


def load_shipped(net, folder):
    """Copies the shipped model's parameters, written by the harness as raw float32 files."""
    names = sorted(os.listdir(folder))
    tensors = [t for m in net.modules() for t in _own(m)]
    if len(names) != len(tensors):
        raise SystemExit(f"{len(names)} parameter files for {len(tensors)} tensors")
    for name, tensor in zip(names, tensors):
        data = np.fromfile(os.path.join(folder, name), dtype="<f4")
        tensor.data.copy_(torch.from_numpy(data).reshape(tensor.shape))


def _own(module):
    # DJL's order within a block: weight, bias; batch norm: gamma, beta, running mean, var.
    if isinstance(module, nn.BatchNorm2d):
        return [module.weight, module.bias, module.running_mean, module.running_var]
    if isinstance(module, (nn.Conv2d, nn.Linear)):
        return [module.weight] + ([module.bias] if module.bias is not None else [])
    return []


def main(out):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(17)
    cnn = small_cnn()
    weights = os.path.join(out, "weights")
    if os.path.isdir(weights):
        load_shipped(cnn, weights)
    for name, net, shape in (("cnn", cnn, (1, 1, 28, 28)), ("resnet18", resnet18(), (1, 3, 224, 224))):
        net.eval()
        with torch.no_grad():
            traced = torch.jit.trace(net, torch.rand(shape))
        traced.save(os.path.join(out, name + ".pt"))
    y, x = np.mgrid[0:224, 0:224]
    rng = np.random.default_rng(17)
    pattern = np.stack([128 + 100 * np.sin(x / 17.0), 128 + 100 * np.cos(y / 23.0), (x + y) / 2.0], -1)
    pattern += rng.normal(0, 12, pattern.shape)
    Image.fromarray(np.clip(pattern, 0, 255).astype(np.uint8), "RGB").save(os.path.join(out, "resnet18.png"))


if __name__ == "__main__":
    main(sys.argv[1])
