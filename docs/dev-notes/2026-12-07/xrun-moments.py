import sys,re
def events(f):
    out=[]
    for l in open(f):
        if 'xrun' not in l.lower(): continue
        t,rest=l.split(' ',1)
        h,m,s=t.split(':'); sec=int(h)*3600+int(m)*60+float(s)
        kind='timer' if 'TimedDriver' in rest else ('Running' if 'Running' in rest else 'Triggered')
        out.append((sec,kind))
    return out
for label in sys.argv[1:]:
    b=events(f'/tmp/xr/{label}/base.log'); s=events(f'/tmp/xr/{label}/soak.log')
    # moments: cluster events within 20 ms
    def moments(ev):
        ms=[]
        for t,k in sorted(ev):
            if ms and t-ms[-1][0][-1]<0.02: ms[-1][0].append(t); ms[-1][1].append(k)
            else: ms.append(([t],[k]))
        return ms
    sm=moments(s); bm=moments(b)
    both=[m for m in sm if any(abs(m[0][0]-x[0][0])<0.02 for x in bm)]
    only_s=[m for m in sm if m not in both]
    only_b=[x for x in bm if not any(abs(x[0][0]-m[0][0])<0.02 for m in sm)]
    fmt=lambda m: '%02d:%02d:%06.3f %s'%(int(m[0][0]//3600),int(m[0][0]%3600//60),m[0][0]%60,'+'.join(m[1]))
    print(f'{label}: soak {len(s)} xrun lines in {len(sm)} moments, base {len(b)} lines in {len(bm)} moments; moments on both servers: {len(both)}; soak only: {len(only_s)} {[fmt(m) for m in only_s]}; base only: {len(only_b)}')
