// Parse GIFT text from stdin with gift-pegjs (an independent GIFT parser); print its JSON.
// Exit 1 with the parser's message (and where it stopped) when the text does not parse.
const { parse } = require("gift-pegjs");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  try {
    process.stdout.write(JSON.stringify(parse(input)));
  } catch (error) {
    const where = error.location ? ` at line ${error.location.start.line}` : "";
    process.stderr.write(`${error.message}${where}\n`);
    process.exit(1);
  }
});
