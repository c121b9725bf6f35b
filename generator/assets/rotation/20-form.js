/* What both forms share: their data, the draft in localStorage, the status line and the code box. */
function formData() {
  const node = document.querySelector('.lx-rc-data');
  try { return JSON.parse(node.textContent); } catch (error) { return null; }
}

// The draft under "rotation:<kind>:<programme>/<cohort>": an object, else nothing.
const draftKey = (kind, data) => 'rotation:' + kind + ':' + data.id;
// A draft made for another schedule (sessions changed since) would put marks on the wrong sessions: dropped.
const draftOf = (key, data) => store.get(key, value => (isMap(value) && value.schedule === data.scheduleTag ? value : undefined), null);

function showStatus(form, text) { form.querySelector('.lx-rc-status').textContent = text; }

function showCode(form, code) {
  const box = form.querySelector('.lx-rc-result');
  const field = box.querySelector('.lx-rc-code');
  field.value = code;
  box.hidden = !code;
  box.querySelector('.lx-rc-hint').textContent = code && copyUnsure() ? COPY_HINT + '，或点“复制”。' : '';
}

function wireCopy(form) {
  const button = form.querySelector('.lx-rc-copy');
  button.addEventListener('click', async () => {
    const copied = await copyField(form.querySelector('.lx-rc-code'));
    form.querySelector('.lx-rc-hint').textContent = copied ? '已复制，请粘贴到微信或短信发给培训老师。' : COPY_HINT + '。';
  });
}

const nowMinutes = () => Math.floor(Date.now() / 60000);

function whenReady(start) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
