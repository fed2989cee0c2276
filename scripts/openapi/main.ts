/**
 * Writes docs/openapi.json from the route table, the handlers' schemas and scripts/openapi/contract.ts,
 * then the typed client's types (client/schema.d.ts) from it: `npm run docs:openapi`.
 * test/unit/openapi.test.ts fails when either committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { clientTypes, clientTypesFile } from './client';
import { buildOpenApiDocument, openApiFile, serialize } from './document';

const documentText = serialize(await buildOpenApiDocument());
writeFileSync(openApiFile, documentText);
console.log(`wrote ${openApiFile}`);
writeFileSync(clientTypesFile, await clientTypes(documentText));
console.log(`wrote ${clientTypesFile}`);
