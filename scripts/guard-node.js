// npm scripts must run on the project's pinned Node 24 (devDependency "node"), not the system's Node 20.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Hagukumi needs Node 24 for its scripts, but this is Node ${process.versions.node}.\n` +
      'Run `npm install` without --ignore-scripts so the pinned node@24 devDependency is installed.'
  );
  process.exit(1);
}
