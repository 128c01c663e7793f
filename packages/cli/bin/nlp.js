#!/usr/bin/env node
// Thin launcher: the client is compiled TypeScript (npm run build, which npm test and npm start run).
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2), process.env, process.stdout, process.stderr);
