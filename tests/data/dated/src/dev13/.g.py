import json,re,sys
pat=re.compile(sys.argv[1],re.I)
full='-f' in sys.argv
for f in ['ofac-sdn.jsonl','un-sc.jsonl','officials.jsonl','officials-curated.jsonl']:
    for l in open('/work/main/gazetteers/'+f):
        if l.startswith('//') or not l.strip(): continue
        d=json.loads(l)
        names=[d['name']]+[a['name'] if isinstance(a,dict) else a for a in d.get('aliases',[])]
        if any(pat.search(n) for n in names) or pat.fullmatch(d['id']):
            al='; '.join((a['name']+('('+a.get('kind','')+')' if a.get('kind') not in ('aka',None) else '')) if isinstance(a,dict) else a for a in d.get('aliases',[]))
            if not full: al=al[:500]
            r=(d.get('remarks','') or '')
            roles=d.get('roles') or []
            rs=', '.join(f"{x.get('role')} {x.get('start','')}-{x.get('end','')}" for x in roles[:4]) if isinstance(roles,list) else ''
            print(d['id'],d['type'],'|',d['name'],'|',al,'|',d.get('lists'),d.get('dob',d.get('birth_date','')),d.get('imo',''),rs,'|',r[:300 if full else 120])
