// npm scripts must run on the Node that the `node` devDependency pins: Electron 45's own major.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(
    `Pathwise scripts need Node 24 (found ${process.versions.node}). Run them through npm (\`npm test\`, \`npm start\`), which uses the pinned node@24 from node_modules.`,
  );
  process.exit(1);
}
