/* The 点名 page (render/templates/dianming.md.j2): a mark per 序号 and session, kept in the draft
   as it is tapped; 生成点名码 makes one LA1 code of every session marked so far, so a code sent
   after the last session of the day holds the whole day. */
function startRollCall() {
  const form = document.querySelector('form.lx-rollcall');
  const data = form && formData();
  if (!data) return;
  const key = draftKey('rollcall', data);
  const stored = draftOf(key, data) || {};
  const marks = isMap(stored.marks) ? stored.marks : {};
  const select = form.elements.session;
  const radios = () => Array.from(form.querySelectorAll('.lx-rc-seats input[type=radio]'));
  const seatOf = radio => Number(radio.name.slice('lx-a-'.length));
  const current = () => (isMap(marks[select.value]) ? marks[select.value] : (marks[select.value] = {}));
  const save = code => store.set(key, {schedule: data.scheduleTag, session: select.value, marks, code: code || ''});
  // the session under way today, else today's first, else the one last used, else the first
  const today = new Date(), iso = [today.getFullYear(), today.getMonth() + 1, today.getDate()].map(n => String(n).padStart(2, '0')).join('-');
  const clock = String(today.getHours()).padStart(2, '0') + ':' + String(today.getMinutes()).padStart(2, '0');
  const todays = data.sessions.filter(s => s.date === iso);
  const running = todays.find(s => s.time.slice(0, 5) <= clock && clock <= s.time.slice(-5)) || todays[0];
  if (running) select.value = String(running.n);
  else if (typeof stored.session === 'string' && data.sessions.some(s => String(s.n) === stored.session)) select.value = stored.session;
  const draw = () => {
    const row = current();
    radios().forEach(radio => { radio.checked = Number(row[seatOf(radio)]) === Number(radio.value); });
    const counts = ROLL_MARKS.map((mark, k) => Object.values(row).filter(value => Number(value) === k + 1).length);
    const done = counts.reduce((a, b) => a + b, 0);
    showStatus(form, `本课次已点 ${done}/${data.seats} 人：` + ROLL_MARKS.map((mark, k) => `${mark} ${counts[k]}`).join('，') + '。');
  };
  draw();
  showCode(form, stringOr(stored.code, ''));
  select.addEventListener('change', () => { save(''); showCode(form, ''); draw(); });
  form.querySelector('.lx-rc-seats').addEventListener('change', event => {
    current()[seatOf(event.target)] = Number(event.target.value);
    save('');
    showCode(form, '');
    draw();
  });
  form.querySelector('.lx-rc-all').addEventListener('click', () => {
    const row = current();
    for (let seat = 1; seat <= data.seats; seat++) if (!row[seat]) row[seat] = 1;
    save('');
    showCode(form, '');
    draw();
  });
  form.querySelector('.lx-rc-clear').addEventListener('click', () => {
    marks[select.value] = {};
    save('');
    showCode(form, '');
    draw();
  });
  form.addEventListener('submit', event => {
    event.preventDefault();
    const marked = {};
    for (const session of data.sessions) {
      const row = isMap(marks[session.n]) ? marks[session.n] : {};
      const kept = {};
      for (let seat = 1; seat <= data.seats; seat++) if (Number(row[seat]) >= 1 && Number(row[seat]) <= 5) kept[seat] = Number(row[seat]);
      if (Object.keys(kept).length) marked[session.n] = kept;
    }
    if (!Object.keys(marked).length) {
      showStatus(form, '还没有点名：请先为学员点 到、迟到、早退、请假 或 缺勤。');
      return;
    }
    const code = makeRollCallCode({cohortTag: data.cohortTag, scheduleTag: data.scheduleTag, minutes: nowMinutes(), seats: data.seats, marks: marked});
    save(code);
    showCode(form, code);
    const open = data.seats - Object.keys(current()).length;
    showStatus(form, `点名码已生成，含 ${Object.keys(marked).length} 个课次` + (open > 0 ? `；本课次还有 ${open} 人未点。` : '。'));
    form.querySelector('.lx-rc-code').focus();
  });
  wireCopy(form);
}
whenReady(startRollCall);
