/* Copying a text field where navigator.clipboard may be missing (plain-http intranet sites,
   file:// pages) or WeChat may not pass it on: see shared/wechat.js. In quiz.js (the 成绩码) and
   backup.js; a bundle whose copy buttons use copyField includes this section after wechat.js. */
const hasClipboard = () => !!(navigator.clipboard && typeof navigator.clipboard.writeText === 'function');
// Copies a text field's whole text; true when it was copied. Without the clipboard API the text
// is left selected in the field, so a long press copies it even when execCommand cannot.
async function copyField(field) {
  if (hasClipboard()) {
    try { await navigator.clipboard.writeText(field.value); return true; } catch (error) { /* refused: select instead */ }
  }
  field.focus();
  field.select();
  field.setSelectionRange(0, field.value.length);  // iOS selects nothing with select() alone
  try { return document.execCommand('copy') === true; } catch (error) { return false; }
}
// Where copying cannot be trusted, the hint is shown from the start, beside the text.
const copyUnsure = () => inWeChat() || !hasClipboard();
