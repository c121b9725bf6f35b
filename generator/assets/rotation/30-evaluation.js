/* The 培训质量测评 page (render/templates/pingjia.md.j2): ratings by tap, the draft kept on
   every change, the LE1 code made on 生成测评码. With tickets the 准考证号 and 密码 only make the
   key (53-ticket.js); the code carries neither, and the password is dropped from the draft
   once the code is made. */
function startEvaluation() {
  const form = document.querySelector('form.lx-eval');
  const data = form && formData();
  if (!data) return;
  const key = draftKey('evaluation', data);
  const radios = () => Array.from(form.querySelectorAll('input[type=radio]'));
  const save = code => {
    const draft = {schedule: data.scheduleTag, ratings: {}, comment: form.elements.comment.value, code: code || ''};
    radios().filter(radio => radio.checked).forEach(radio => { draft.ratings[radio.name] = radio.value; });
    if (data.tickets) {
      draft.ticket = form.elements.ticket.value;
      draft.secret = code ? '' : form.elements.secret.value;
    }
    store.set(key, draft);
  };
  const draft = draftOf(key, data);
  if (draft) {
    const ratings = isMap(draft.ratings) ? draft.ratings : {};
    radios().forEach(radio => { radio.checked = ratings[radio.name] === radio.value; });
    form.elements.comment.value = stringOr(draft.comment, '');
    if (data.tickets) {
      form.elements.ticket.value = stringOr(draft.ticket, '');
      form.elements.secret.value = stringOr(draft.secret, '');
    }
    showCode(form, stringOr(draft.code, ''));
  }
  const score = name => {
    const checked = form.querySelector(`input[name="${name}"]:checked`);
    return checked ? Number(checked.value) : 0;
  };
  const count = () => {
    const rated = radios().filter(radio => radio.checked && radio.name !== 'lx-e-overall').length;
    showStatus(form, `已打分 ${rated}/${data.sessions * 3} 项` + (score('lx-e-overall') ? '，已有总体评价。' : '。'));
  };
  count();
  form.addEventListener('input', () => { showCode(form, ''); save(''); count(); });
  form.addEventListener('submit', event => {
    event.preventDefault();
    let signing = {};
    if (data.tickets) {
      const ticket = ticketText(form.elements.ticket.value), secret = normaliseSecret(form.elements.secret.value);
      if (!ticket || Array.from(ticket).length > TICKET_LONGEST) {
        showStatus(form, '请填写准考证上的准考证号。');
        form.elements.ticket.focus();
        return;
      }
      if (!TICKET_SECRET.test(secret)) {
        showStatus(form, secret ? `密码是准考证上的 10 位数字和字母，现在是 ${secret.length} 位，请对照准考证重新输入。`
          : '请填写准考证上的密码（生成测评码后本机不保存密码，改动测评须重新输入）。');
        form.elements.secret.focus();
        return;
      }
      signing = {key: ticketKey(ticket, secret)};
    }
    if (!score('lx-e-overall')) {
      showStatus(form, '请给出总体评价（1–5 分）后再生成测评码。');
      form.querySelector('input[name="lx-e-overall"]').focus();
      return;
    }
    const ratings = [];
    for (let k = 0; k < data.sessions; k++) ratings.push([0, 1, 2].map(aspect => score(`lx-e${k}-${aspect}`)));
    const missing = ratings.flat().filter(value => !value).length;
    const code = makeEvaluationCode(Object.assign({cohortTag: data.cohortTag, scheduleTag: data.scheduleTag, minutes: nowMinutes(),
      ratings, overall: score('lx-e-overall'), comment: form.elements.comment.value, maxComment: data.maxComment}, signing));
    if (data.tickets) form.elements.secret.value = '';
    save(code);
    showCode(form, code);
    showStatus(form, missing ? `测评码已生成（${missing} 项没有打分，按未评计）。` : '测评码已生成，谢谢！');
    form.querySelector('.lx-rc-code').focus();
  });
  wireCopy(form);
}
whenReady(startEvaluation);
