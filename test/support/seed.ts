/** The 2019 service's example, and its answer byte for byte: every stage checks it. */
export const SEED =
  'The Internet is the global system of interconnected computer networks that use the Internet protocol suite to link devices worldwide.';

export const SEED_ANSWER =
  '[{"candidate":"interconnected computer networks","score":9},{"candidate":"link devices worldwide","score":9},' +
  '{"candidate":"internet protocol suite","score":8},{"candidate":"global system","score":4},{"candidate":"internet","score":2}]';

/** POST /keywords with the seed text; resolves with the status and the body as text. */
export async function postSeed(base: string, key: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${base}/keywords`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}` },
    body: JSON.stringify({ text: SEED }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, text: await res.text() };
}
