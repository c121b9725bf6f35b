/* The progress panel's own stored values, checked on read. Shared by progress.js, which writes
   them, and backup.js, which backs them up and restores them with the same checks. */
// "visited": {methodId: timestampMs}; entries that are not times are dropped.
function cleanVisited(map) {
  if (!isMap(map)) return undefined;
  const kept = {};
  Object.keys(map).forEach(id => { if (isNumber(map[id])) kept[id] = map[id]; });
  return kept;
}
// "attended:<programme>": the session keys ticked, as texts.
const cleanTicked = list => (Array.isArray(list) ? list.filter(key => typeof key === 'string') : undefined);
