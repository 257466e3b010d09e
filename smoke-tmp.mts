import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:', { threads: '2', preserve_insertion_order: 'false' });
const c = await inst.connect();
const q = async (label: string, sql: string) => { const t = performance.now(); const r = await c.runAndReadAll(sql); console.log(label, (performance.now()-t).toFixed(1), JSON.stringify(r.getRows().slice(0,1), (k,v)=>typeof v==='bigint'?String(v):v)); };
await q('gen', `create table lines as select (h % 1095)::INTEGER as day, (2023*100 + 1 + (h % 12))::INTEGER as month, (h//7 % 30)::SMALLINT hf_key, (h//7 % 4)::SMALLINT rhf_key, (floor(20000*pow((h%1000003)/1000003.0,3)))::INTEGER supplier_key, (h//11 % 14)::SMALLINT category_key, ((h % 2000000)/100.0)::DECIMAL(18,2) amount_nok, (h%5=0) is_rate_missing, (h%3=0) is_free_text, (h%2=0) has_order from (select hash(i) h from range(10000000) t(i)) order by day`);
await c.run(`alter table lines add column cov_key BIGINT; update lines set cov_key = (supplier_key::BIGINT*64+category_key)*1024+hf_key`);
await c.run(`alter table lines add column base_key INTEGER; update lines set base_key = category_key::INTEGER*1024+hf_key`);
await c.run(`alter table lines add column ore BIGINT; update lines set ore = (amount_nok*100)::BIGINT`);
await c.run(`create or replace table lines as select * from lines order by day`);
await q('iv', `create table cov_iv as select distinct ((s::BIGINT*64 + (s%14))*1024 + h) k, 0 from_day, 2000 to_day from (select (floor(4000*pow(random(),2)))::INTEGER s, (random()*30)::INTEGER h from range(60000))`);
await q('biv', `create table base_iv as select distinct (c::INTEGER*1024+h) k, 100 from_day, 900 to_day from (select (random()*14)::INTEGER c, (random()*30)::INTEGER h from range(300))`);
const cube = (amount: string, keys: string) => `create or replace table cube as select ${keys}, count(*) n, sum(${amount}) t, sum(${amount}) filter (c.k is not null) cv, sum(${amount}) filter (b.k is not null) bs, sum(${amount}) filter (is_free_text) ft, sum(${amount}) filter (has_order) wo, count(*) filter (is_rate_missing) rm from lines l left join cov_iv c on c.k = l.cov_key and l.day between c.from_day and c.to_day left join base_iv b on b.k = l.base_key and l.day between b.from_day and b.to_day group by all`;
for (let i = 0; i < 2; i++) {
await q('decimal 4 keys', cube('amount_nok', 'month, hf_key, rhf_key, category_key'));
await q('ore 4 keys', cube('ore', 'month, hf_key, rhf_key, category_key'));
await q('ore 3 keys', cube('ore', 'month, hf_key, category_key'));
await q('join only', `select count(c.k), count(b.k) from lines l left join cov_iv c on c.k = l.cov_key and l.day between c.from_day and c.to_day left join base_iv b on b.k = l.base_key and l.day between b.from_day and b.to_day`);
await q('inner semantics', `select sum(ore) from lines l join cov_iv c on c.k = l.cov_key and l.day between c.from_day and c.to_day`);
await q('no join', `create or replace table cube as select month, hf_key, category_key, count(*) n, sum(ore) t, sum(ore) filter (is_free_text) ft from lines group by all`);
}
