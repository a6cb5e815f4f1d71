#!/usr/bin/python3
"""Builds the TorchScript detector test fixture: a module traced the way YOLOv5 exports are,
with one output [batch, candidates, 4 + 1 + classes] (centre x, centre y, width, height in
input pixels, objectness, class scores).

Its three candidates are fixed; their objectness follows the input's mean brightness, so a
white image gives confident boxes and a black one none. The first two overlap (IoU 0.78),
so non-max suppression must drop the second; the third has the other class. It stands for a
detector a user exported from PyTorch. Needs Debian's python3-torch:

    apt-get install python3-torch
    /usr/bin/python3 scripts/make_torchscript_detector.py service/src/test/resources/model-store-detectors/torch-yolo/1
"""
import hashlib
import os
import sys

import torch
from torch import nn


class FixedCandidates(nn.Module):

    def __init__(self):
        super().__init__()
        self.register_buffer("boxes", torch.tensor([[8.0, 8.0, 8.0, 8.0],
                                                    [9.0, 8.0, 8.0, 8.0],
                                                    [24.0, 24.0, 8.0, 8.0]]))
        self.register_buffer("classes", torch.tensor([[0.9, 0.1], [0.8, 0.2], [0.2, 0.9]]))
        self.register_buffer("offsets", torch.tensor([0.0, -0.5, -1.0]))

    def forward(self, x):
        brightness = x.mean(dim=(1, 2, 3)).unsqueeze(1)
        objectness = torch.sigmoid(12.0 * brightness - 6.0 + self.offsets)
        batch = x.shape[0]
        boxes = self.boxes.unsqueeze(0).expand(batch, -1, -1)
        classes = self.classes.unsqueeze(0).expand(batch, -1, -1)
        return torch.cat([boxes, objectness.unsqueeze(2), classes], dim=2)


def main(target):
    os.makedirs(target, exist_ok=True)
    module = torch.jit.trace(FixedCandidates().eval(), torch.zeros(1, 1, 32, 32))
    path = os.path.join(target, "torch-yolo.pt")
    module.save(path)
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    with open(os.path.join(target, "descriptor.yaml"), "w") as f:
        f.write(f"""name: torch-yolo
version: 1
task: detector
format: torchscript
artifacts:
  - file: torch-yolo.pt
    sha256: {digest}
input:
  width: 32
  height: 32
  channels: 1
  scale: 255.0
labels: [cat, dog]
parameters:
  outputLayout: flat-objectness
  scoreThreshold: 0.5
  iouThreshold: 0.5
  letterboxPad: 114
provenance:
  trainedBy: scripts/make_torchscript_detector.py (fixed candidates, no training)
  quality: {{}}
""")


if __name__ == "__main__":
    main(sys.argv[1])
