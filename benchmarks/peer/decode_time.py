"""Times PIL decode + numpy preprocessing of one PNG, as peer_server.py does it.

Usage: python3 decode_time.py IMAGE CHANNELS ITERATIONS; prints the mean microseconds.
"""
import io
import sys
import time

import numpy as np
from PIL import Image

body = open(sys.argv[1], "rb").read()
channels, iterations = int(sys.argv[2]), int(sys.argv[3])
mean = np.full((channels, 1, 1), 0.45, np.float32)
std = np.full((channels, 1, 1), 0.25, np.float32)
best = float("inf")
for _ in range(3):
    start = time.perf_counter()
    for _ in range(iterations):
        image = Image.open(io.BytesIO(body)).convert("L" if channels == 1 else "RGB")
        array = np.asarray(image, np.float32).reshape(image.size[1], image.size[0], -1).transpose(2, 0, 1)
        array = (array / 255.0 - mean) / std
    best = min(best, (time.perf_counter() - start) / iterations * 1e6)
print(f"{best:.1f}")
