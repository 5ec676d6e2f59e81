#!/usr/bin/env node
// The installed `darcha-server` command: runs the built server (npm install builds it through
// `prepare`; `npm run build` after an edit). `npm start` runs the TypeScript sources instead.
import '../dist/main.js';
