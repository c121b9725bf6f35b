/* Pieces of the result page: the code box, the record download and the certificate */
function codeBox(code, say) {
  const id = uniqueId(), area = h('textarea', {id, readonly: true, rows: 4, class: 'lx-codetext', value: code});
  // where copying cannot be trusted (WeChat, plain-http pages) the long-press hint is on screen from the start
  const hint = h('p', {class: 'lx-note lx-copy-hint', hidden: !copyUnsure()}, COPY_HINT + '：长按上面的成绩码，选择“全选”，再选择“复制”。');
  return h('div', {class: 'lx-code'}, h('label', {for: id}, '成绩码'), area, hint, button('复制成绩码', async () => {
    const copied = await copyField(area);
    hint.hidden = copied && !copyUnsure();
    say(copied ? '成绩码已复制，可以粘贴到微信发给培训老师' : '无法自动复制：成绩码已选中，请长按后选择“复制”');
  }, 'lx-primary'), codeQr(code));
}
/* The code as a QR code (55-qr.js) for the trainer's phone: whole modules in one SVG path, a quiet zone of
   4 modules, 5 px a module unless the page is narrower, white behind it in dark mode and on paper. The SVG
   is built from numbers only. No QR code for text it cannot hold (an LX2 code always fits). */
function codeQr(code) {
  let modules;
  try { modules = qrEncode(code); } catch (error) { return null; }
  const size = modules.length + 8;
  let path = '';
  modules.forEach((row, y) => row.forEach((dark, x) => {
    if (!dark || row[x - 1]) return;
    let run = 1;
    while (row[x + run]) run++;
    path += `M${x + 4} ${y + 4}h${run}v1h-${run}z`;
  }));
  return h('figure', {class: 'lx-qr', html: `<svg viewBox="0 0 ${size} ${size}" width="${size * 5}" role="img" aria-label="二维码，供培训老师扫描" ` +
    `shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`},
  h('figcaption', {}, '培训老师用手机扫描二维码，读到的就是上面这串码'));
}
// 下载作答记录 (`from`: the button clicked). WeChat downloads nothing: there the record is shown
// as text to copy, below the buttons, with the way to a browser that can download it.
function downloadJson(name, data, from) {
  const text = JSON.stringify(data, null, 2);
  if (inWeChat()) return textInstead(from.closest('.lx-tools') || from, text);
  const link = h('a', {href: URL.createObjectURL(new Blob([text], {type: 'application/json'})), download: name});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
function textInstead(place, text) {
  const next = place.nextElementSibling, id = uniqueId();
  if (next && next.classList.contains('lx-instead')) next.remove();
  const area = h('textarea', {id, readonly: true, rows: 6, class: 'lx-codetext', value: text});
  place.after(h('div', {class: 'lx-instead'}, h('p', {role: 'status'}, openInBrowser('下载文件')),
    h('label', {for: id}, '也可以复制下面的作答记录（' + COPY_HINT + '）'), area));
  area.focus();
  area.select();
}
/* The certificate: what it shows is kept with its attempt in "history:<bank>" (shared/storage.js
   checks it), so it can be reopened from 本机作答记录 after a reload. The programme and the issuer
   come from the page (data-programme, data-issuer: the site's or the programme's organizer);
   without them the certificate names none. data-hours is the 学时 the programme's
   completion.quiz_hours credits for passing this bank; without it the certificate states none. */
const certOf = (session, profile) => ({name: profile.name || '', unit: profile.unit || '', id: profile.id || '',
  title: session.bank.title, programme: session.root.dataset.programme || '', issuer: session.root.dataset.issuer || '',
  hours: session.root.dataset.hours || ''});
// The certificate prints alone: a copy goes into a body-level holder that print CSS shows by itself.
function certificate(cert, score, finishedAt) {
  const quiz = '“' + cert.title + '”';
  const node = h('div', {class: 'lx-cert'},
    h('p', {class: 'lx-cert-t'}, '测验合格证明'),
    h('p', {class: 'lx-cert-name'}, cert.name || '（未填写姓名）'),
    cert.unit && h('p', {}, cert.unit),
    h('p', {}, cert.programme ? '在“' + cert.programme + '”中参加测验' + quiz : '参加' + quiz, '，成绩 ', h('strong', {}, score + ' 分'), '，合格。'),
    cert.hours && h('p', {class: 'lx-cert-hours'}, '计 ', h('strong', {}, cert.hours + ' 学时'), '。'),
    cert.id && h('p', {}, '学员编号：' + cert.id),
    cert.issuer && h('p', {class: 'lx-cert-issuer'}, cert.issuer),
    h('p', {class: 'lx-cert-date'}, dayText(finishedAt).replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1 年 $2 月 $3 日')));
  const guide = h('p', {class: 'lx-instead', role: 'status'});
  return h('div', {class: 'lx-certbox'}, node, guide, button('打印合格证明', () => {
    if (inWeChat()) return (guide.textContent = openInBrowser('打印'));  // print() does nothing there
    const holder = h('div', {class: 'lx-print'}, node.cloneNode(true));
    document.body.append(holder);
    document.body.classList.add('lx-printing');
    const done = () => { holder.remove(); document.body.classList.remove('lx-printing'); removeEventListener('afterprint', done); };
    addEventListener('afterprint', done);
    print();
    setTimeout(done, 1000);
  }));
}
