# mix.py ENC_MODEL DEC_MODEL OUT: a model folder with ENC_MODEL's encoder and DEC_MODEL's decoder (same shapes)
import json, sys, shutil, os
enc, dec, out = sys.argv[1:4]
def load(d):
    m = json.load(open(os.path.join(d, 'weights_manifest.json')))
    data = open(os.path.join(d, 'weights.bin'), 'rb').read()
    t, off = {}, 0
    for w in m[0]['weights']:
        n = 4
        for s in w['shape']: n *= s
        t[w['name']] = data[off:off + n]; off += n
    assert off == len(data)
    return m, t
me, te = load(enc); md, td = load(dec)
os.makedirs(out, exist_ok=True)
shutil.copy(os.path.join(dec, 'model.json'), out)
shutil.copy(os.path.join(dec, 'weights_manifest.json'), out)
with open(os.path.join(out, 'weights.bin'), 'wb') as f:
    for w in md[0]['weights']:
        f.write(te[w['name']] if w['name'].startswith('enc.') else td[w['name']])
