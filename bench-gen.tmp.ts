import { measureGeneration } from './bench/engine.ts';
console.log(JSON.stringify(await measureGeneration(), null, 1));
