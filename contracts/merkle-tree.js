// Builds OpenZeppelin's StandardMerkleTree (@openzeppelin/merkle-tree, pinned in package.json) for
// leaves ["string", "uint256"] and prints its root and every value's leaf hash and proof, in the
// order given. Reads {"values": [["entity", "units"], ...]} on standard input. The service's tests
// compare its own tree with this one.
const { StandardMerkleTree } = require('@openzeppelin/merkle-tree');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => (input += chunk));
process.stdin.on('end', () => {
  const { values } = JSON.parse(input);
  const tree = StandardMerkleTree.of(values, ['string', 'uint256']);
  const leaves = [];
  for (const [i, value] of tree.entries()) {
    const proof = tree.getProof(i);
    if (!StandardMerkleTree.verify(tree.root, ['string', 'uint256'], value, proof)) {
      throw new Error('the package refuses its own proof of value ' + i);
    }
    leaves.push({ leaf: tree.leafHash(value), proof });
  }
  process.stdout.write(JSON.stringify({ root: tree.root, leaves }) + '\n');
});
