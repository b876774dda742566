#!/usr/bin/env node
// Assembles the test workspace (test/fixtures/workspace/ + seeds/*.md) into a folder, for the
// "Extension Tests" launch configuration:  node test/launch/prepare-workspace.mjs [folder]
import { rmSync } from 'node:fs';
import path from 'node:path';
import { prepareWorkspace, projectRoot } from './session.mjs';

const parent = path.resolve(process.argv[2] ?? path.join(projectRoot, '.vscode-test/test-workspace'));
rmSync(path.join(parent, 'workspace'), { recursive: true, force: true });
console.log(prepareWorkspace(parent));
