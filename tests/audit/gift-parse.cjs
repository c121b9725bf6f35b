// Parse GIFT texts with gift-pegjs (an independent GIFT parser). Standard input: a JSON array of
// texts, all read by one node process; standard output: a JSON array with, for each text, either
// {"parsed": [...]} (the parser's questions) or {"error": "..."} (its message and where it stopped).
const { parse } = require("gift-pegjs");

function read(text) {
  try {
    return { parsed: parse(text) };
  } catch (error) {
    const where = error.location ? ` at line ${error.location.start.line}` : "";
    return { error: `${error.message}${where}` };
  }
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  process.stdout.write(JSON.stringify(JSON.parse(input).map(read)));
});
