// Answer whatever quiz question is on screen, whatever its type (the banks shuffle their
// questions). A function expression, run in the page by lighthouse.mjs and by
// tests/browser/test_accessibility.py, to reach the quiz states only use reaches.
() => {
  const q = document.querySelector('.lx-main .lx-q');
  const fire = (el, type) => el.dispatchEvent(new Event(type, {bubbles: true}));
  const radio = q.querySelector('.lx-opt input');
  if (radio) radio.click();
  q.querySelectorAll('input.lx-blank').forEach(el => { el.value = '答'; fire(el, 'input'); });
  q.querySelectorAll('select').forEach(el => { el.selectedIndex = 1; fire(el, 'change'); });
  for (let chip; (chip = document.querySelector('.lx-main .lx-pool button'));) chip.click();
}
