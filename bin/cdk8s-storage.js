#!/usr/bin/env node
// The cdk8s-storage command line: `cdk8s-storage guard ...`, `cdk8s-storage check <dir|file|->` and `cdk8s-storage map <dir|file|->`.
const { runCli } = require('../lib/cli/main');
const io = { out: s => process.stdout.write(s + '\n'), err: s => process.stderr.write(s + '\n') };
Promise.resolve(runCli(process.argv.slice(2), io)).then(status => { process.exitCode = status; });
