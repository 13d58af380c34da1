import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

/** zod with `.openapi()` — every schema of the gateway is built from this `z`, so it is documented. */
extendZodWithOpenApi(z);

export { z };
