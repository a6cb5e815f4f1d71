#!/usr/bin/python3
"""Builds the TorchScript face-embedder test fixture: a module traced like a user's exported
embedding network, mapping a [batch, 1, 32, 32] face to a raw 64-value embedding.

The embedding is the image's 8x8 grid of 4x4 block means minus their average, so images
with the same layout of light and dark are close whatever their size or brightness, and
different layouts are far apart. It stands for a face verifier trained elsewhere; the
serving tests know its distances exactly. Needs Debian's python3-torch:

    apt-get install python3-torch
    /usr/bin/python3 scripts/make_torchscript_embedder.py service/src/test/resources/model-store-faces/pixel-faces/1
"""
import hashlib
import os
import sys

import torch
import torch.nn.functional as F
from torch import nn


class BlockMeans(nn.Module):

    def forward(self, x):
        blocks = F.avg_pool2d(x, 4).flatten(1)
        return blocks - blocks.mean(dim=1, keepdim=True)


def main(target):
    os.makedirs(target, exist_ok=True)
    module = torch.jit.trace(BlockMeans().eval(), torch.zeros(1, 1, 32, 32))
    path = os.path.join(target, "pixel-faces.pt")
    module.save(path)
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    with open(os.path.join(target, "descriptor.yaml"), "w") as f:
        f.write(f"""name: pixel-faces
version: 1
task: face-verifier
format: torchscript
artifacts:
  - file: pixel-faces.pt
    sha256: {digest}
input:
  width: 32
  height: 32
  channels: 1
  scale: 255.0
parameters:
  threshold: 0.5
  distance: squared-l2
  embeddingSize: 64
provenance:
  trainedBy: scripts/make_torchscript_embedder.py (block means, no training)
  quality: {{}}
""")


if __name__ == "__main__":
    main(sys.argv[1])
