#!/usr/bin/env node
// The cdk8s-storage command line: `cdk8s-storage guard ...` and `cdk8s-storage check <dir|file|->`.
const { runCli } = require('../lib/cli/main');
process.exitCode = runCli(process.argv.slice(2), { out: s => process.stdout.write(s + '\n'), err: s => process.stderr.write(s + '\n') });
