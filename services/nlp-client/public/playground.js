// The playground talks to this same gateway with the key the user typed; the key stays in this page's memory.
const KNOWN_TYPES = ['PERSON', 'ORGANIZATION', 'GPE', 'LOCATION', 'DATE', 'TIME', 'DURATION', 'MONEY', 'PERCENT', 'CARDINAL', 'ORDINAL'];
const $ = (id) => document.getElementById(id);

async function call(path, key, request) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body = await res.json().catch(() => ({ message: `${res.status} ${res.statusText}` }));
  if (!res.ok) throw new Error(`${path}: ${body.message ?? res.status}${body.code ? ` (${body.code})` : ''}`);
  return body;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function showKeywords(keywords) {
  const list = $('keywords');
  list.replaceChildren(
    ...keywords.map((k) => {
      const item = element('li');
      // Three significant digits: RAKE's 9 stays 9, and YAKE's 0.0013 or PositionRank's 0.042 do not round to 0.
      item.append(element('span', 'candidate', k.candidate), element('span', 'score', String(Number(k.score.toPrecision(3)))));
      return item;
    }),
  );
  if (keywords.length === 0) list.replaceChildren(element('li', 'hint', 'no keywords'));
}

/** The text as tokens (tag on hover), with entity spans wrapped and labelled. Built with DOM nodes, never HTML strings. */
function showAnnotated(text, tokens, entities) {
  const out = $('annotated');
  const nodes = [];
  let cursor = 0;
  let entityIndex = 0;
  let open = null;
  const flushGap = (until) => {
    if (until > cursor) (open ?? { append: (n) => nodes.push(n) }).append(document.createTextNode(text.slice(cursor, until)));
    cursor = Math.max(cursor, until);
  };
  for (const token of tokens) {
    while (!open && entities[entityIndex] && entities[entityIndex].end <= token.start) entityIndex += 1;
    const entity = entities[entityIndex];
    if (!open && entity && token.start >= entity.start) {
      flushGap(entity.start);
      const type = KNOWN_TYPES.includes(entity.label) ? entity.label : 'other';
      open = element('mark', `entity ${type}`);
      open.dataset.label = entity.label;
      open.title = entity.label;
      nodes.push(open);
    }
    flushGap(token.start);
    const span = element('span', 'token', token.text);
    span.title = `${token.tag}${token.label !== 'O' ? ` · ${token.label}` : ''}`;
    (open ?? { append: (n) => nodes.push(n) }).append(span);
    cursor = token.end;
    if (open && entity && token.end >= entity.end) {
      open.append(element('span', 'type', entity.label));
      open = null;
      entityIndex += 1;
    }
  }
  flushGap(text.length);
  out.replaceChildren(...nodes);
  const seen = [...new Set(entities.map((e) => e.label))];
  $('legend').replaceChildren(...seen.map((label) => element('span', `entity ${KNOWN_TYPES.includes(label) ? label : 'other'}`, label)));
}

$('analyse').addEventListener('submit', async (event) => {
  event.preventDefault();
  const key = $('key').value.trim();
  const text = $('text').value;
  const algorithm = $('algorithm').value;
  const status = $('status');
  $('run').disabled = true;
  status.className = '';
  status.textContent = 'Analysing…';
  try {
    const [keywords, entities, tokens] = await Promise.all([
      call('/keywords', key, { text, algorithm }),
      call('/entities', key, { text }),
      call('/tokens', key, { text }),
    ]);
    showKeywords(keywords);
    showAnnotated(text, tokens, entities);
    status.textContent = `${keywords.length} keywords, ${entities.length} entities, ${tokens.length} tokens`;
  } catch (error) {
    status.className = 'error';
    status.textContent = error.message;
  } finally {
    $('run').disabled = false;
  }
});
