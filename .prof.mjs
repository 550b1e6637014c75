import * as ort from 'onnxruntime-node';
import fs from 'fs';
const dir = process.argv[2] || 'cache_hub/default';
const s = await ort.InferenceSession.create(dir + '/decoder.onnx', { intraOpNumThreads: 2, interOpNumThreads: 1, enableProfiling: true, profileFilePrefix: '/tmp/decprof', graphOptimizationLevel: 'all' });
console.log(s.inputNames, s.outputNames);
const F = 512, B = 1;
const feeds = {};
const mk = (dims, v=()=>Math.random()) => new ort.Tensor('float32', Float32Array.from({length: dims.reduce((a,b)=>a*b)}, v), dims);
for (const n of s.inputNames) {
  if (n === 'x' || n === 'mu') feeds[n] = mk([B,80,F]);
  else if (n === 'mask') feeds[n] = mk([B,1,F], ()=>1);
  else if (n === 't') feeds[n] = mk([B]);
  else if (n === 'speaker') feeds[n] = new ort.Tensor('int64', BigInt64Array.from([0n]), [B]);
  else if (n === 'style') feeds[n] = mk([B,64]);
}
for (let i=0;i<3;i++) await s.run(feeds);
const t0 = performance.now();
for (let i=0;i<20;i++) await s.run(feeds);
console.log('ms/step', (performance.now()-t0)/20, 'F', F);
const f = s.endProfiling ? s.endProfiling() : null;
console.log(f);
