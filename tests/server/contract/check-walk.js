#!/usr/bin/env node
// After the contract walk: reads its record (one JSON exchange a line) against docs/api/openapi.yaml.
//   1. Coverage: every operation of the document was walked with an answer it documents as a
//      success (2xx or 304); the list of operations covered is printed. A new operation cannot
//      be skipped silently.
//   2. Each exchange names an operation whose method and path template match what was sent.
//   3. A strict JSON Schema reading (Ajv, draft 2019-09 semantics as OpenAPI 3.0 maps onto them):
//      `nullable` counts only beside a `type`, `allOf` branches each hold on their own (so an
//      `additionalProperties: false` in one forbids what another adds). Every JSON answer must
//      fit its response's schema, every body the walk sent as a good request its request schema.
//      The document itself is read for the two traps of that reading wherever they stand.
//   4. HEAD answers as GET does without the body; OPTIONS answers what the document's
//      `x-unrouted-responses` says (405 with `Allow` naming exactly the path's methods).
// Usage: check-walk.js <openapi.yaml> <record.jsonl>
'use strict';
const fs = require('fs');
const yaml = require('js-yaml');
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats').default;

const [specPath, recordPath] = process.argv.slice(2);
if (!specPath || !recordPath) {
    console.error('usage: check-walk.js <openapi.yaml> <record.jsonl>');
    process.exit(2);
}
const spec = yaml.safeLoad(fs.readFileSync(specPath, 'utf8'));
const records = fs.readFileSync(recordPath, 'utf8').split('\n').filter(Boolean).map(JSON.parse);
const problems = [];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// --- the document's operations -------------------------------------------------------------
const operations = new Map(); // operationId → { method, template, regex, operation, pathItem }
for (const [template, pathItem] of Object.entries(spec.paths)) {
    const regex = new RegExp('^' + template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+') + '$');
    for (const method of METHODS) {
        const operation = pathItem[method];
        if (!operation) continue;
        operations.set(operation.operationId, { method, template, regex, operation, pathItem });
    }
}

// --- OpenAPI 3.0 schemas as plain JSON Schema, read strictly ------------------------------------
function strict(schema) {
    if (Array.isArray(schema)) return schema.map(strict);
    if (!schema || typeof schema !== 'object') return schema;
    const out = {};
    for (const [key, value] of Object.entries(schema)) {
        if (key === 'nullable' || key === 'example' || key === 'xml' || key === 'externalDocs' ||
            key === 'discriminator' || key.startsWith('x-')) continue;
        if (key === '$ref') { out.$ref = value.replace('#/components/schemas/', 'components#/definitions/'); continue; }
        if (key === 'properties' || key === 'patternProperties') {
            out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strict(v)]));
            continue;
        }
        out[key] = strict(value);
    }
    // OpenAPI 3.0.3: `nullable: true` adds null to the `type` beside it, and does nothing alone.
    if (schema.nullable === true && typeof schema.type === 'string') {
        out.type = [schema.type, 'null'];
        if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    }
    return out;
}
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
ajv.addFormat('byte', /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
ajv.addFormat('int32', { type: 'number', validate: n => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
ajv.addFormat('int64', { type: 'number', validate: n => Number.isInteger(n) });
ajv.addFormat('binary', () => true);
ajv.addSchema({ $id: 'components', definitions: strict(spec.components.schemas) });
const compiled = new Map();
function validator(schema) {
    const key = JSON.stringify(schema);
    if (!compiled.has(key)) compiled.set(key, ajv.compile(strict(schema)));
    return compiled.get(key);
}
function resolve(object) {
    while (object && object.$ref) {
        const parts = object.$ref.replace(/^#\//, '').split('/');
        object = parts.reduce((node, part) => node[part.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
    }
    return object;
}
function header(list, name) {
    const found = (list || []).find(([key]) => key.toLowerCase() === name.toLowerCase());
    return found ? found[1] : undefined;
}
// The walk writes an XML body down as `{ root: element }`, an element being its text or an
// object of child name → list of children. The schema decides what is a list (an array
// property's items repeat as elements of that name) and names the root (`xml.name`).
function fromXml(where, value, schema) {
    schema = resolve(schema);
    if (schema.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
        const out = {};
        for (const [name, children] of Object.entries(value)) {
            const property = resolve((schema.properties || {})[name]) || {};
            if (property.type === 'array') out[name] = children.map(child => fromXml(where, child, property.items));
            else if (children.length === 1) out[name] = fromXml(where, children[0], property);
            else { problems.push(`${where}: <${name}> ${children.length} times, where the schema has one`); out[name] = children; }
        }
        return out;
    }
    return value;
}
function checkBody(where, content, contentType, text, xml) {
    const type = (contentType || '').split(';')[0].trim();
    if (!content) {
        if (text) problems.push(`${where}: a body, where the document has none`);
        return;
    }
    const media = content[type];
    if (!media) {
        problems.push(`${where}: content type '${type}' is not one the document names (${Object.keys(content).join(', ')})`);
        return;
    }
    if (type === 'application/xml' && media.schema) {
        const schema = resolve(media.schema);
        const root = (schema.xml && schema.xml.name) || '';
        if (!xml || !(root in xml)) {
            problems.push(`${where}: not XML with a <${root}> root`);
            return;
        }
        const validate = validator(media.schema);
        if (!validate(fromXml(where, xml[root], schema)))
            problems.push(`${where}: ${ajv.errorsText(validate.errors, { separator: '; ' })}`);
        return;
    }
    if (type !== 'application/json' || !media.schema) return;
    let value;
    try { value = JSON.parse(text); } catch (error) {
        problems.push(`${where}: not JSON: ${error.message}`);
        return;
    }
    const validate = validator(media.schema);
    if (!validate(value))
        problems.push(`${where}: ${ajv.errorsText(validate.errors, { separator: '; ' })}`);
}

// --- the strict reading over the whole document, also where no exchange reached -------------
// `nullable` without a `type` beside it allows no null; an `allOf` branch with
// `additionalProperties: false` refuses every member another branch adds.
(function strictDocument(node, where) {
    if (Array.isArray(node)) return node.forEach((item, i) => strictDocument(item, `${where}/${i}`));
    if (!node || typeof node !== 'object') return;
    if (node.nullable === true && node.type === undefined)
        problems.push(`${where}: nullable without a type allows no null under JSON Schema`);
    if (Array.isArray(node.allOf)) {
        const branches = node.allOf.map(resolve);
        for (const closed of branches.filter(b => b && b.additionalProperties === false)) {
            const declared = new Set(Object.keys(closed.properties || {}));
            for (const other of branches.filter(b => b !== closed))
                for (const name of new Set([...Object.keys((other && other.properties) || {}), ...((other && other.required) || [])]))
                    if (!declared.has(name))
                        problems.push(`${where}: allOf adds '${name}', which a branch with additionalProperties: false refuses`);
        }
    }
    for (const [key, value] of Object.entries(node)) strictDocument(value, `${where}/${key}`);
})(spec, '#');

// --- the exchanges ---------------------------------------------------------------------------
const covered = new Set();
for (const [index, record] of records.entries()) {
    const where = `#${index + 1} ${record.method} ${record.path}${record.query ? '?' + record.query : ''} → ${record.status}`;
    if (record.kind === 'head' || record.kind === 'options') continue;
    const entry = operations.get(record.operationId);
    if (!entry) { problems.push(`${where}: no operation '${record.operationId}' in the document`); continue; }
    if (entry.method !== record.method.toLowerCase() || !entry.regex.test(record.path)) {
        problems.push(`${where}: is not ${record.operationId} (${entry.method.toUpperCase()} ${entry.template})`);
        continue;
    }
    const responses = entry.operation.responses;
    const response = resolve(responses[String(record.status)]);
    if (!response) {
        problems.push(`${where}: ${record.operationId} documents no ${record.status} (it has ${Object.keys(responses).join(', ')})`);
        continue;
    }
    checkBody(`${where} answer`, response.content, header(record.responseHeaders, 'content-type'), record.responseBody, record.responseXml);
    if (record.kind === 'call') {
        const requestBody = resolve(entry.operation.requestBody);
        if (record.requestBody && requestBody)
            checkBody(`${where} request`, requestBody.content, header(record.requestHeaders, 'content-type'), record.requestBody);
        if (record.status < 300 || record.status === 304) covered.add(record.operationId);
    }
}

// --- HEAD and OPTIONS ------------------------------------------------------------------------
const unrouted = spec['x-unrouted-responses'] || {};
for (const [index, record] of records.entries()) {
    if (record.kind !== 'head' && record.kind !== 'options') continue;
    const where = `#${index + 1} ${record.method} ${record.path} → ${record.status}`;
    const template = Object.keys(spec.paths).find(t =>
        new RegExp('^' + t.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+') + '$').test(record.path));
    if (!template) { problems.push(`${where}: no path of the document`); continue; }
    const methods = METHODS.filter(m => spec.paths[template][m]).map(m => m.toUpperCase());
    const served = record.kind === 'head' ? methods.includes('GET') : false;
    if (record.kind === 'head' && served) {
        if (record.status !== record.get.status)
            problems.push(`${where}: GET answered ${record.get.status}; HEAD is documented as GET without the body`);
        if (record.responseBody)
            problems.push(`${where}: HEAD answered a body`);
        for (const name of ['content-type', 'etag', 'cache-control'])
            if (header(record.responseHeaders, name) !== header(record.get.headers, name))
                problems.push(`${where}: ${name} '${header(record.responseHeaders, name)}' where GET has '${header(record.get.headers, name)}'`);
        continue;
    }
    if (!unrouted[String(record.status)]) {
        problems.push(`${where}: ${record.method} is not served on ${template}, and x-unrouted-responses documents no ${record.status}`);
        continue;
    }
    const allow = (header(record.responseHeaders, 'allow') || '').split(',').map(s => s.trim()).filter(Boolean);
    const expected = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
    if (allow.slice().sort().join(', ') !== expected.slice().sort().join(', '))
        problems.push(`${where}: Allow '${allow.join(', ')}', where the document has ${expected.join(', ')}`);
    if (record.kind === 'head') continue; // no body to read
    checkBody(`${where} answer`, resolve(unrouted[String(record.status)]).content,
        header(record.responseHeaders, 'content-type'), record.responseBody);
}

const missing = [...operations.keys()].filter(id => !covered.has(id));
console.log(`check-walk: ${records.length} exchanges; ${covered.size} of ${operations.size} operations covered:`);
for (const [id, entry] of operations)
    console.log(`  ${covered.has(id) ? 'covered' : 'MISSING'}  ${id.padEnd(20)} ${entry.method.toUpperCase()} ${entry.template}`);
for (const id of missing) problems.push(`operation ${id} was not walked to a success answer`);
if (problems.length) {
    console.error(`check-walk: ${problems.length} problem(s):`);
    for (const problem of problems) console.error('  ' + problem);
    process.exit(1);
}
console.log('check-walk: every body fits the document under the strict reading; HEAD and OPTIONS answer as documented');
