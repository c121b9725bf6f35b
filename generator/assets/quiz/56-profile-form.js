/* 考前登记: name, unit and trainee id, kept on this device for the code and the certificate.
   A ticketed bank asks for the 准考证号 and 密码 instead (the roster names the trainee; a
   browser-graded exam still asks the name for its certificate), and a bank with `sitting` for
   the 考场口令. Those three go to go(profile, entry) for the attempt alone, never to the profile. */
function profileForm(label, required, go, bank = {}) {
  const saved = readProfile(), error = h('p', {class: 'lx-err', role: 'alert'}), ticketed = bank.tickets;
  const names = ticketed ? (bank.grading === 'trainer' ? [] : ['name', 'unit']) : ['name', 'unit', 'id'];
  const asked = names.concat(ticketed ? ['ticket', 'secret'] : [], bank.sitting ? ['sitting'] : []);
  const field = (name, text, autocomplete = 'off') => {
    const id = uniqueId(), named = names.includes(name);
    return asked.includes(name) && h('p', {class: 'lx-field'}, h('label', {for: id}, text), h('input', {id, type: 'text', name: 'lx-' + name,
      value: named ? saved[name] || '' : '', autocomplete, required: named ? required && !ticketed && name !== 'id' : true}));
  };
  return h('form', {class: 'lx-profile', novalidate: true, onsubmit: event => {
    event.preventDefault();
    const inputs = event.target.elements, value = name => inputs.namedItem('lx-' + name).value;
    const profile = Object.assign({}, saved), entry = {};
    names.forEach(name => { profile[name] = value(name).trim(); });
    if (ticketed) Object.assign(entry, {ticket: ticketText(value('ticket')), secret: normaliseSecret(value('secret'))});
    if (bank.sitting) entry.sitting = ticketText(value('sitting'));
    const problems = ticketProblems(entry, bank);
    if (required && !ticketed && (!profile.name || !profile.unit)) {
      problems.unshift([profile.name ? 'unit' : 'name', '请填写姓名和单位：成绩码和合格证明要用到。']);
    }
    asked.forEach(name => inputs.namedItem('lx-' + name).setAttribute('aria-invalid', problems.some(([bad]) => bad === name)));
    error.textContent = problems.map(([, message]) => message).join(' ');
    if (problems.length) return inputs.namedItem('lx-' + problems[0][0]).focus();
    if (names.length) store.set('profile', profile);
    go(profile, entry);
  }}, h('p', {class: 'lx-note'}, ticketed ? '请按准考证填写。准考证号和密码只保存在本机的这次作答里，交卷后即删除。'
    : '以下信息只保存在本机，用于生成成绩码，可随时修改。'),
  field('ticket', '准考证号'), field('secret', '密码（准考证上的 10 位）'),
  field('name', '姓名', 'name'), field('unit', '单位（乡镇、村或社区）', 'organization'), field('id', '学员编号（选填）'),
  field('sitting', '考场口令（开考时培训老师宣布）'), error, h('button', {type: 'submit', class: 'lx-primary lx-wide'}, label));
}
