#!/usr/bin/env -S node --max-old-space-size=1024
// The installed `darcha-server` command: runs the built server (npm install builds it through
// `prepare`; `npm run build` after an edit). `npm start` runs the TypeScript sources instead.
//
// The heap limit on the first line keeps memory in proportion to the work. Left to itself, Node 20
// sizes the heap from the machine's memory (4 GB on a 24 GB machine) and V8 lets garbage grow to
// several times the live heap between full collections; with 1 GB it collects sooner (measured on
// Node 20.20). The operations guide ("Memory") says how to choose another limit.
import '../dist/main.js';
