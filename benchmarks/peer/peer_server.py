"""The peer: what a Python shop writes instead of a model server. FastAPI + uvicorn, PIL
decode, numpy normalisation, a TorchScript forward pass, softmax and top-5 as JSON.

Environment: PEER_CONFIG (JSON: {"models": {name: {"file", "width", "height", "channels",
"mean", "std", "labels"}}}), PEER_THREADS (torch intra-op threads), PEER_MODE (inline: run
in the event loop; pool: run in Starlette's thread pool).
"""
import io
import json
import os

import numpy as np
import torch
from fastapi import FastAPI, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from PIL import Image

torch.set_num_threads(int(os.environ.get("PEER_THREADS", "1")))
INLINE = os.environ.get("PEER_MODE", "inline") == "inline"
MODELS = {}
for name, spec in json.load(open(os.environ["PEER_CONFIG"]))["models"].items():
    module = torch.jit.load(spec["file"]).eval()
    channels = spec["channels"]
    mean = np.array(spec["mean"], np.float32).reshape(channels, 1, 1)
    std = np.array(spec["std"], np.float32).reshape(channels, 1, 1)
    MODELS[name] = (module, spec, mean, std)
    with torch.inference_mode():
        module(torch.zeros(1, channels, spec["height"], spec["width"]))

app = FastAPI()


def infer(name, body):
    module, spec, mean, std = MODELS[name]
    image = Image.open(io.BytesIO(body)).convert("L" if spec["channels"] == 1 else "RGB")
    if image.size != (spec["width"], spec["height"]):
        image = image.resize((spec["width"], spec["height"]), Image.BILINEAR)
    array = np.asarray(image, np.float32).reshape(spec["height"], spec["width"], -1).transpose(2, 0, 1)
    array = (array / 255.0 - mean) / std
    with torch.inference_mode():
        probabilities = torch.softmax(module(torch.from_numpy(array).unsqueeze(0))[0], 0)
    top = torch.topk(probabilities, 5)
    return {"model": name, "predictions": [{"label": spec["labels"][i], "probability": float(p)}
                                            for p, i in zip(top.values.tolist(), top.indices.tolist())]}


@app.post("/classify/{name}")
async def classify(name: str, request: Request):
    if name not in MODELS:
        raise HTTPException(404, "no model " + name)
    body = await request.body()
    return infer(name, body) if INLINE else await run_in_threadpool(infer, name, body)


@app.get("/ready")
async def ready():
    return {"status": "UP", "models": sorted(MODELS)}
