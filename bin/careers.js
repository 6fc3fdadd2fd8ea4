#!/usr/bin/env node
// Thin shim: all logic lives in the built entry point.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
