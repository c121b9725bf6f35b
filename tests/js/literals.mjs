// Every string, template and regular-expression literal of each script, in source order, as acorn
// parses it (tests/render/test_bundle.py compares the readable sections with the minified bundle).
// Usage: node literals.mjs ACORN_PATH FILE...  →  on stdout, a JSON list with each file's list
import {readFileSync} from 'node:fs';
import {pathToFileURL} from 'node:url';

const [acornPath, ...files] = process.argv.slice(2);
const acorn = await import(pathToFileURL(acornPath).href);

function literals(file) {
  const found = [];
  const visit = node => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'Literal' && (typeof node.value === 'string' || node.regex)) found.push([node.start, node.regex ? '/' + node.regex.pattern + '/' + node.regex.flags : node.value]);
    if (node.type === 'TemplateElement') found.push([node.start, '`' + node.value.cooked]);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && value !== node) visit(value);
    }
  };
  visit(acorn.parse(readFileSync(file, 'utf8'), {ecmaVersion: 2022}));
  return found.sort((a, b) => a[0] - b[0]).map(pair => pair[1]);
}

console.log(JSON.stringify(files.map(literals)));
