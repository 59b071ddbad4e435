import pickle
import json
def restore(blob):
    # ruleid: py.unsafe-deserialization
    return pickle.loads(blob)
def restore_json(blob):
    # ok: py.unsafe-deserialization
    return json.loads(blob)
