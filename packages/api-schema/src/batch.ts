import { z } from 'zod';

export const DEFAULT_BATCH_MAX_DOCUMENTS = 25;

export const BatchDocument = z
  .object({
    id: z.string().max(128).optional().describe('Your own id, echoed in the result or error.'),
    text: z.unknown().describe('The text; each is checked like the single endpoint\'s text, and a bad one only fails its own item.'),
  })
  .meta({ id: 'BatchDocument' });

/** Items are checked one by one later, so one bad document does not fail the batch. */
export function batchRequest(maxDocuments: number) {
  return z.looseObject({
    documents: z
      .array(z.unknown())
      .min(1)
      .max(maxDocuments)
      .describe(`1 to ${maxDocuments} documents, as {"id"?: string, "text": string}.`),
  });
}

export const BatchRequest = batchRequest(DEFAULT_BATCH_MAX_DOCUMENTS)
  .extend({ documents: z.array(BatchDocument).min(1).max(DEFAULT_BATCH_MAX_DOCUMENTS) })
  .meta({ id: 'BatchRequest' });

export const BatchError = z
  .object({ index: z.number().int(), id: z.string().optional(), code: z.string(), message: z.string() })
  .meta({ id: 'BatchError' });

export function batchResponse(field: 'keywords' | 'tokens' | 'entities', item: z.ZodType) {
  return z.object({
    results: z.array(z.object({ index: z.number().int(), id: z.string().optional(), [field]: item })),
    errors: z.array(BatchError),
  });
}
