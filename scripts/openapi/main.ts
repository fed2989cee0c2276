/**
 * Writes docs/openapi.json from the route table, the handlers' schemas and scripts/openapi/contract.ts:
 * `npm run docs:openapi`. test/unit/openapi.test.ts fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument, openApiFile, serialize } from './document';

writeFileSync(openApiFile, serialize(await buildOpenApiDocument()));
console.log(`wrote ${openApiFile}`);
