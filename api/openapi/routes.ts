import { createRouter } from '../http/router.js';
import { openApiDocument } from './document.js';

export const openApiRoutes = createRouter();
const document = openApiDocument();

openApiRoutes.get('/openapi.json', (ctx) => {
  ctx.body = document;
});
