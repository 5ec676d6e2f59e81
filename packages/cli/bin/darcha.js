#!/usr/bin/env node
// The installed `darcha` command: runs the built CLI (npm install builds it through `prepare`).
import '../dist/bin.js';
