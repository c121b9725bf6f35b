/* order: tap items in sequence (undo, reset; tap a placed item to take it back) or drag them */
TYPES.order = {
  name: '排序题',
  perm: (question, random) => mix(question.items.length, random),
  view(control) {
    const question = control.question, box = h('div', {class: 'lx-order'}), placed = control.answer ? control.answer.slice() : [];
    const save = focus => { control.set(placed.length ? placed.slice() : null); draw(focus); };
    const chip = (item, position) => button(position == null ? h('span', {html: question.items[item]})
      : [h('b', {}, position + 1), ' ', h('span', {html: question.items[item]})], () => {
      if (box.dragged) return;
      if (position == null) placed.push(item); else placed.splice(position, 1);
      save(position == null ? '.lx-pool button' : '.lx-put button');
    }, 'lx-chip' + (control.shown && position != null ? (item === position ? ' lx-ok' : ' lx-bad') : ''), {
      'data-i': item, disabled: control.locked,  // the name starts with the visible text (WCAG 2.5.3, label in name)
      'aria-label': position == null ? '放入下一位：' + textOf(question.items[item])
        : `${position + 1} ${textOf(question.items[item])}（第 ${position + 1} 位，点按退回）`,
    });
    const draw = focus => {
      const pool = control.perm.filter(item => !placed.includes(item));
      fill(box,
        h('ol', {class: 'lx-put', 'aria-label': '已排好的顺序'}, placed.length
          ? placed.map((item, position) => h('li', {}, chip(item, position)))
          : h('li', {class: 'lx-none'}, '依次点选下面的事项排出先后，也可以拖动')),
        pool.length ? h('div', {class: 'lx-pool', role: 'group', 'aria-label': '待排事项'}, pool.map(item => chip(item))) : null,
        !control.locked && h('div', {class: 'lx-tools'},
          button('撤销', () => { placed.pop(); save('.lx-pool button'); }, '', {disabled: !placed.length}),
          button('重排', () => { placed.length = 0; save('.lx-pool button'); }, '', {disabled: !placed.length})));
      if (focus) (box.querySelector(focus) || box.querySelector('button:enabled') || box).focus();
    };
    draw();
    if (!control.locked) dragChips(box, (item, at) => {
      const was = placed.indexOf(item);
      if (was >= 0) placed.splice(was, 1);
      if (at != null) placed.splice(at, 0, item);
      save();
    });
    return box;
  },
  right: (question, answer) => Array.isArray(answer) && answer.length === question.items.length && answer.every((item, position) => item === position),
  key: question => h('ol', {class: 'lx-keylist'}, question.items.map(item => h('li', {html: item}))),
  answerFits: (question, answer) => Array.isArray(answer) && answer.length > 0 && new Set(answer).size === answer.length
    && answer.every(item => isIndex(item, question.items.length)),
  valid: question => isTextList(question.items),
};

// Pointer-event dragging (mouse, touch, pen): drop on the placed list to place or reorder, below it to take back.
function dragChips(box, drop) {
  box.addEventListener('pointerdown', down => {
    const chip = down.target.closest('.lx-chip');
    if (!chip || chip.disabled || down.button > 0) return;
    const x0 = down.clientX, y0 = down.clientY;
    let moved = false;
    const move = event => {
      if (!moved && Math.abs(event.clientX - x0) + Math.abs(event.clientY - y0) < 8) return;
      moved = true;
      chip.classList.add('lx-lift');
      chip.style.transform = `translate(${event.clientX - x0}px,${event.clientY - y0}px)`;
    };
    const end = event => {
      chip.removeEventListener('pointermove', move);
      chip.removeEventListener('pointerup', end);
      chip.removeEventListener('pointercancel', end);
      if (!moved) return;
      box.dragged = true;
      setTimeout(() => { box.dragged = false; });  // swallow the click that follows the drop
      chip.classList.remove('lx-lift');
      chip.style.transform = '';
      if (event.type === 'pointercancel') return;
      const y = event.clientY;
      if (y > box.querySelector('.lx-put').getBoundingClientRect().bottom) return drop(+chip.dataset.i, null);
      const others = [...box.querySelectorAll('.lx-put .lx-chip')].filter(other => other !== chip);
      drop(+chip.dataset.i, others.filter(other => { const r = other.getBoundingClientRect(); return r.top + r.height / 2 < y; }).length);
    };
    try { chip.setPointerCapture(down.pointerId); } catch (error) { /* synthetic events */ }
    chip.addEventListener('pointermove', move);
    chip.addEventListener('pointerup', end);
    chip.addEventListener('pointercancel', end);
  });
}
