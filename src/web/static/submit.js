/*
 * Gần Dân: checks the files of the online submission form (`form.sub-form`, src/modules/submissions) before upload.
 * Without this script the form works the same: the server reads the files, checks each one (size, and type by its
 * first bytes) and sends the form back with the same message next to the file. This script only saves the upload of
 * a file the server would refuse: it reads the file's size and first bytes, checks them against the same limits and
 * magic numbers, and shows the server's own words (handed over in the form's data-msg-* attributes) in the same places:
 * an error summary at the top and the message above the file input.
 * No inline script or style (CSP).
 */
(() => {
  const form = document.querySelector('form.sub-form');
  if (!form) return;
  const maxFile = Number(form.dataset.maxFile);
  const maxTotal = Number(form.dataset.maxTotal);
  const msg = { size: form.dataset.msgSize, empty: form.dataset.msgEmpty, type: form.dataset.msgType, total: form.dataset.msgTotal };
  // The accepted types by content, as src/modules/dossiers/rules/attachments.ts: PDF, JPEG, PNG.
  const signatures = [
    [0x25, 0x50, 0x44, 0x46, 0x2d],
    [0xff, 0xd8, 0xff],
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  ];
  const inputs = () => Array.from(form.querySelectorAll('input[type="file"]'));

  /** The message for one file, or '' when the server would take it. */
  async function check(file) {
    if (file.size > maxFile) return msg.size;
    if (file.size === 0) return msg.empty;
    const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
    const known = signatures.some((s) => head.length >= s.length && s.every((b, i) => head[i] === b));
    return known ? '' : msg.type;
  }

  /** Shows (or clears) a message above a control, as the server renders it. */
  function show(control, field, text) {
    const box = control.closest('.field');
    const id = `f-${field}-error`;
    let p = document.getElementById(id);
    if (!text) {
      if (p) p.remove();
      if (box) box.classList.remove('has-error');
      control.removeAttribute('aria-invalid');
      control.setAttribute('aria-describedby', (control.getAttribute('aria-describedby') || '').replace(id, '').trim());
      return;
    }
    if (!p) {
      p = document.createElement('p');
      p.className = 'error';
      p.id = id;
      control.parentNode.insertBefore(p, control.id === 'f-files' ? control.firstChild : control);
    }
    p.textContent = text;
    if (box) box.classList.add('has-error');
    control.setAttribute('aria-invalid', 'true');
    const described = (control.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== id);
    control.setAttribute('aria-describedby', [...described, id].join(' '));
  }

  /** Replaces the error summary at the top of the form (the server's markup) with these messages. */
  function summary(errors) {
    const old = document.querySelector('.error-summary');
    if (old) old.remove();
    if (errors.length === 0) return;
    const div = document.createElement('div');
    div.className = 'error-summary';
    div.setAttribute('role', 'alert');
    div.tabIndex = -1;
    const h = document.createElement('h2');
    h.textContent = form.dataset.msgSummary;
    const ul = document.createElement('ul');
    for (const [field, text] of errors) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `#f-${field}`;
      a.textContent = text;
      li.appendChild(a);
      ul.appendChild(li);
    }
    div.append(h, ul);
    form.parentNode.insertBefore(div, form);
    div.focus();
  }

  /** Checks every chosen file; returns [field, message] pairs. */
  async function checkAll() {
    const errors = [];
    let total = 0;
    for (const input of inputs()) {
      const file = input.files?.[0];
      const text = file ? await check(file) : '';
      show(input, input.name, text);
      if (text) errors.push([input.name, text]);
      if (file) total += file.size;
    }
    if (errors.length === 0 && total > maxTotal) errors.push(['files', msg.total]);
    return errors;
  }

  for (const input of inputs()) {
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      show(input, input.name, file ? await check(file) : '');
    });
  }

  let checked = false;
  form.addEventListener('submit', async (event) => {
    if (checked) return;
    event.preventDefault();
    const errors = await checkAll();
    if (errors.length) {
      summary(errors);
      return;
    }
    checked = true;
    // The button's own submit: the browser then sends the files as without this script.
    if (typeof form.requestSubmit === 'function') form.requestSubmit();
    else form.submit();
  });
})();
