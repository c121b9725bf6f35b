/* lunxun search, messages: Material's worker protocol (SETUP → READY, QUERY → RESULT), in a worker
 * or, from file://, on the page (search-shim.js). */

var index = null;

function handle(message) {
  switch (message.type) {
    case SETUP:
      index = new Index(message.data);
      return { type: READY };
    case QUERY:
      return { type: RESULT, data: index ? index.search(message.data) : { items: [] } };
    default:
      throw new TypeError("Invalid message type");
  }
}

// `self` is the worker's global scope, or the window when search-shim.js runs the engine on the page
self.lunxunSearch = { handle: handle, Index: Index, parse: parse, FILLERS: FILLERS, NEAR: NEAR };
if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) {
  self.addEventListener("message", function (event) {
    self.postMessage(handle(event.data));
  });
}
