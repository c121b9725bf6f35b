/* Result code: LX1.<base64url(UTF-8 JSON), no padding>.<CRC-32 of that text, 8 hex digits>;
   generator/results/code.py decodes it (tests/data/result_codes.json is the table both sides pass). */
function crc32Hex(text) {
  let crc = -1;
  for (let i = 0; i < text.length; i++) {
    let c = (crc ^ text.charCodeAt(i)) & 255;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xEDB88320 : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return ((crc ^ -1) >>> 0).toString(16).padStart(8, '0');
}
function makeResultCode(payload) {
  let binary = '';
  new TextEncoder().encode(JSON.stringify(payload)).forEach(byte => { binary += String.fromCharCode(byte); });
  const body = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return 'LX1.' + body + '.' + crc32Hex(body);
}
