/* Pieces of the result page: the code box, the record download and the certificate */
function codeBox(code, say) {
  const id = uniqueId(), area = h('textarea', {id, readonly: true, rows: 4, class: 'lx-codetext', value: code});
  return h('div', {class: 'lx-code'}, h('label', {for: id}, '成绩码'), area, button('复制成绩码', async () => {
    let copied = false;
    try { await navigator.clipboard.writeText(code); copied = true; } catch (error) { /* no clipboard API over http or file:// */ }
    if (!copied) { area.focus(); area.select(); try { copied = document.execCommand('copy'); } catch (error) { copied = false; } }
    say(copied ? '成绩码已复制，可以粘贴到微信发给培训老师' : '无法自动复制，请长按文本框全选后复制');
  }, 'lx-primary'));
}
function downloadJson(name, data) {
  const link = h('a', {href: URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], {type: 'application/json'})), download: name});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
// The certificate prints alone: a copy goes into a body-level holder that print CSS shows by itself.
function certificate(profile, title, score, day) {
  const cert = h('div', {class: 'lx-cert'},
    h('p', {class: 'lx-cert-t'}, '测验合格证明'),
    h('p', {class: 'lx-cert-name'}, profile.name || '（未填写姓名）'),
    profile.unit && h('p', {}, profile.unit),
    h('p', {}, '参加“', title, '”，成绩 ', h('strong', {}, score + ' 分'), '，合格。'),
    profile.id && h('p', {}, '学员编号：' + profile.id),
    h('p', {class: 'lx-cert-date'}, day.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1 年 $2 月 $3 日')));
  return h('div', {class: 'lx-certbox'}, cert, button('打印合格证明', () => {
    const holder = h('div', {class: 'lx-print'}, cert.cloneNode(true));
    document.body.append(holder);
    document.body.classList.add('lx-printing');
    const done = () => { holder.remove(); document.body.classList.remove('lx-printing'); removeEventListener('afterprint', done); };
    addEventListener('afterprint', done);
    print();
    setTimeout(done, 1000);
  }));
}
