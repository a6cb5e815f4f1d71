#!/usr/bin/env python3
"""An Open Inference Protocol v2 gRPC client that Modelport did not write.

Generates Python stubs from grpc_predict_v2.proto with grpc_tools (Debian's
python3-grpc-tools), then calls a running server with grpcio (python3-grpcio) and prints
one JSON object with what it saw. The Java test PythonGrpcClientTests runs it and checks
the answers; this script only fails on a broken connection or protocol.

Usage: oip_grpc_client.py PROTO_DIR HOST:PORT MODEL [API_KEY]
"""
import importlib
import json
import os
import struct
import sys
import tempfile

# Debian's grpc_tools bundles an older protoc than the protobuf runtime; the pure-Python
# runtime accepts the descriptors that protoc writes.
os.environ.setdefault("PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION", "python")

import grpc  # noqa: E402
from grpc_tools import protoc  # noqa: E402


def generate(proto_dir, out_dir):
    status = protoc.main(["grpc_tools.protoc", "-I" + proto_dir, "--python_out=" + out_dir,
                          "--grpc_python_out=" + out_dir, os.path.join(proto_dir, "grpc_predict_v2.proto")])
    if status != 0:
        raise SystemExit("protoc failed with status %d" % status)
    sys.path.insert(0, out_dir)
    return importlib.import_module("grpc_predict_v2_pb2"), importlib.import_module("grpc_predict_v2_pb2_grpc")


def status_of(call):
    try:
        call()
    except grpc.RpcError as error:
        return {"code": error.code().name, "details": error.details()}
    return {"code": "OK", "details": ""}


def main():
    proto_dir, target, model = sys.argv[1], sys.argv[2], sys.argv[3]
    metadata = [("authorization", "Bearer " + sys.argv[4])] if len(sys.argv) > 4 else []
    pb, pb_grpc = generate(proto_dir, tempfile.mkdtemp(prefix="oip-py-"))
    channel = grpc.insecure_channel(target)
    stub = pb_grpc.GRPCInferenceServiceStub(channel)
    result = {}
    result["live"] = stub.ServerLive(pb.ServerLiveRequest(), timeout=30).live
    result["server"] = stub.ServerMetadata(pb.ServerMetadataRequest(), timeout=30, metadata=metadata).name
    meta = stub.ModelMetadata(pb.ModelMetadataRequest(name=model), timeout=30, metadata=metadata)
    result["inputs"] = [{"name": t.name, "datatype": t.datatype, "shape": list(t.shape)} for t in meta.inputs]
    result["outputs"] = [{"name": t.name, "datatype": t.datatype, "shape": list(t.shape)} for t in meta.outputs]

    # One image of a ramp, 0..1 over the 784 pixels, as little-endian FP32 raw contents.
    pixels = [i / 783.0 for i in range(784)]
    request = pb.ModelInferRequest(model_name=model, id="py-1")
    tensor = request.inputs.add()
    tensor.name, tensor.datatype = "input", "FP32"
    tensor.shape.extend([1, 1, 28, 28])
    request.raw_input_contents.append(struct.pack("<784f", *pixels))
    answer = stub.ModelInfer(request, timeout=60, metadata=metadata)
    result["id"] = answer.id
    result["version"] = answer.model_version
    outputs = {}
    for output, raw in zip(answer.outputs, answer.raw_output_contents):
        if output.datatype == "FP32":
            outputs[output.name] = list(struct.unpack("<%df" % (len(raw) // 4), raw))
        elif output.datatype == "BYTES":
            values, offset = [], 0
            while offset < len(raw):
                (length,) = struct.unpack_from("<I", raw, offset)
                values.append(raw[offset + 4:offset + 4 + length].decode("utf-8"))
                offset += 4 + length
            outputs[output.name] = values
    result["infer"] = outputs

    unknown = pb.ModelInferRequest(model_name="no-such-model")
    unknown.inputs.add(name="input", datatype="FP32", shape=[1, 1, 28, 28])
    unknown.raw_input_contents.append(struct.pack("<784f", *pixels))
    result["unknown_model"] = status_of(lambda: stub.ModelInfer(unknown, timeout=30, metadata=metadata))

    short = pb.ModelInferRequest(model_name=model)
    short.inputs.add(name="input", datatype="FP32", shape=[1, 1, 28, 28])
    short.raw_input_contents.append(struct.pack("<700f", *pixels[:700]))
    result["short_raw"] = status_of(lambda: stub.ModelInfer(short, timeout=30, metadata=metadata))

    garbage = channel.unary_unary("/inference.GRPCInferenceService/ModelInfer")
    result["malformed"] = status_of(lambda: garbage(b"\xff\x01\x02", timeout=30, metadata=metadata))
    channel.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
