/* 考前登记: name, unit and trainee id, kept on this device for the code and the certificate */
function profileForm(label, required, go) {
  const saved = readProfile(), error = h('p', {class: 'lx-err', role: 'alert'});
  const field = (name, text, autocomplete) => {
    const id = uniqueId();
    return h('p', {class: 'lx-field'}, h('label', {for: id}, text), h('input', {id, type: 'text', name: 'lx-' + name,
      value: saved[name] || '', autocomplete, required: required && name !== 'id'}));
  };
  return h('form', {class: 'lx-profile', novalidate: true, onsubmit: event => {
    event.preventDefault();
    const inputs = event.target.elements, profile = {};
    ['name', 'unit', 'id'].forEach(name => { profile[name] = inputs.namedItem('lx-' + name).value.trim(); });
    if (required && (!profile.name || !profile.unit)) {
      error.textContent = '请填写姓名和单位：成绩码和合格证明要用到。';
      return inputs.namedItem(profile.name ? 'lx-unit' : 'lx-name').focus();
    }
    store.set('profile', profile);
    go(profile);
  }}, h('p', {class: 'lx-note'}, '以下信息只保存在本机，用于生成成绩码，可随时修改。'),
  field('name', '姓名', 'name'), field('unit', '单位（乡镇、村或社区）', 'organization'), field('id', '学员编号（选填）', 'off'), error,
  h('button', {type: 'submit', class: 'lx-primary lx-wide'}, label));
}
