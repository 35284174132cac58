#!/usr/bin/env node
// Compiles the bridge contracts with solc-js (standard JSON input) and writes one JSON artifact per
// contract under src/main/resources/contracts/, so the Java service needs no Node at run time.
//   node compile.js            writes the artifacts
//   node compile.js --check    compiles into a temporary directory and fails if the committed
//                              artifacts differ byte for byte
// Everything comes from node_modules (after `npm ci`): solc-js is the compiler itself and
// downloads nothing, so this works offline.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const solc = require('solc');

const CONTRACTS = ['BtaToken', 'BtaBridge', 'BtaBadges'];
const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  // cancun: OpenZeppelin 5.7 uses mcopy, which shanghai lacks
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
};

const here = __dirname;
const committed = path.join(here, '..', 'src', 'main', 'resources', 'contracts');

/** Resolves an import as solc names it: a local file, or one under node_modules. */
function readSource(name) {
  const candidates = [path.join(here, name), path.join(here, 'node_modules', name)];
  for (const file of candidates) {
    if (fs.existsSync(file)) {
      return fs.readFileSync(file, 'utf8');
    }
  }
  return null;
}

function compile() {
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(CONTRACTS.map((c) => [`${c}.sol`, { content: readSource(`${c}.sol`) }])),
    settings: SETTINGS,
  };
  const used = new Map(); // every source the compiler read, by the name it used
  for (const [name, source] of Object.entries(input.sources)) {
    used.set(name, source.content);
  }
  const findImports = (name) => {
    const content = readSource(name);
    if (content === null) {
      return { error: `not found: ${name}` };
    }
    used.set(name, content);
    return { contents: content };
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const errors = (output.errors || []).filter((e) => e.severity === 'error');
  for (const e of output.errors || []) {
    process.stderr.write(e.formattedMessage + '\n');
  }
  if (errors.length > 0) {
    process.exit(1);
  }

  // sha256 over every source compiled (ours and OpenZeppelin's), sorted by name: name NUL content NUL
  const hash = crypto.createHash('sha256');
  for (const name of [...used.keys()].sort()) {
    hash.update(name, 'utf8').update('\0').update(used.get(name), 'utf8').update('\0');
  }
  const sourcesSha256 = hash.digest('hex');

  const artifacts = {};
  for (const name of CONTRACTS) {
    const contract = output.contracts[`${name}.sol`][name];
    const artifact = {
      contractName: name,
      sourceName: `contracts/${name}.sol`,
      compiler: `solc-js ${solc.version()}`,
      settings: { optimizer: SETTINGS.optimizer, evmVersion: SETTINGS.evmVersion },
      sourcesSha256,
      abi: contract.abi,
      bytecode: '0x' + contract.evm.bytecode.object,
      deployedBytecode: '0x' + contract.evm.deployedBytecode.object,
    };
    artifacts[`${name}.json`] = JSON.stringify(artifact, null, 2) + '\n';
  }
  return artifacts;
}

function write(dir, artifacts) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(artifacts)) {
    fs.writeFileSync(path.join(dir, file), text);
  }
}

const artifacts = compile();
if (process.argv.includes('--check')) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bta-contracts-'));
  try {
    write(tmp, artifacts);
    let differ = false;
    for (const file of Object.keys(artifacts)) {
      const fresh = fs.readFileSync(path.join(tmp, file));
      const target = path.join(committed, file);
      const old = fs.existsSync(target) ? fs.readFileSync(target) : null;
      if (old === null || !old.equals(fresh)) {
        process.stderr.write(`${path.relative(path.join(here, '..'), target)} differs from a fresh compile\n`);
        differ = true;
      }
    }
    if (differ) {
      process.stderr.write('run `npm ci && node compile.js` in contracts/ and commit the artifacts\n');
      process.exit(1);
    }
    process.stdout.write(`contracts: ${Object.keys(artifacts).length} artifacts match a fresh compile\n`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
} else {
  write(committed, artifacts);
  process.stdout.write(`contracts: wrote ${Object.keys(artifacts).join(', ')} to ${committed}\n`);
}
