/*
 * Gần Dân: enhances the public feedback form (`form.fb-form`, src/modules/feedback/public-pages.tsx).
 * Without this script the form works the same: the server checks the photos (count, size, type by their first bytes)
 * and sends the form back with the message next to the file box. This script only
 *  - shows the "use my current position" button and fills latitude and longitude from navigator.geolocation;
 *  - checks the chosen files before upload with the same limits and magic numbers, showing the server's own words
 *    (handed over in the form's data-msg-* attributes) in the same places: an error summary and a message above the box.
 * No inline script or style (CSP).
 */
(() => {
  const form = document.querySelector('form.fb-form');
  if (!form) return;
  const d = form.dataset;

  // ---- position ----
  const locate = document.getElementById('fb-locate');
  const status = document.getElementById('fb-locate-status');
  const lat = document.getElementById('f-lat');
  const lng = document.getElementById('f-lng');
  if (locate && lat && lng && 'geolocation' in navigator) {
    locate.hidden = false;
    locate.addEventListener('click', () => {
      if (status) status.textContent = d.msgLocating || '';
      navigator.geolocation.getCurrentPosition(
        (pos) => {
          lat.value = pos.coords.latitude.toFixed(6);
          lng.value = pos.coords.longitude.toFixed(6);
          if (status) status.textContent = d.msgLocated || '';
        },
        () => {
          if (status) status.textContent = d.msgGeoError || '';
        },
        { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
      );
    });
  }

  // ---- photos ----
  const input = document.getElementById('f-photos');
  if (!input) return;
  const maxFile = Number(d.maxFile);
  const maxCount = Number(d.maxCount);
  // PDF, JPEG, PNG by their first bytes, as src/platform/documents/file-type.ts.
  const signatures = [
    [0x25, 0x50, 0x44, 0x46, 0x2d],
    [0xff, 0xd8, 0xff],
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  ];

  async function check(files) {
    if (files.length > maxCount) return d.msgCount;
    for (const file of files) {
      if (file.size > maxFile) return `${file.name}: ${d.msgSize}`;
      if (file.size === 0) return `${file.name}: ${d.msgEmpty}`;
      const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
      if (!signatures.some((s) => head.length >= s.length && s.every((b, i) => head[i] === b))) return `${file.name}: ${d.msgType}`;
    }
    return '';
  }

  function show(text) {
    const box = input.closest('.field');
    const id = 'f-photos-error';
    let p = document.getElementById(id);
    const described = (input.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== id);
    if (!text) {
      if (p) p.remove();
      if (box) box.classList.remove('has-error');
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', described.join(' '));
      return;
    }
    if (!p) {
      p = document.createElement('p');
      p.className = 'error';
      p.id = id;
      input.parentNode.insertBefore(p, input);
    }
    p.textContent = text;
    if (box) box.classList.add('has-error');
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [...described, id].join(' '));
  }

  function summary(text) {
    const old = document.querySelector('.error-summary');
    if (old) old.remove();
    if (!text) return;
    const div = document.createElement('div');
    div.className = 'error-summary';
    div.setAttribute('role', 'alert');
    div.tabIndex = -1;
    const h = document.createElement('h2');
    h.textContent = d.msgSummary;
    const ul = document.createElement('ul');
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = '#f-photos';
    a.textContent = text;
    li.appendChild(a);
    ul.appendChild(li);
    div.append(h, ul);
    form.parentNode.insertBefore(div, form);
    div.focus();
  }

  input.addEventListener('change', async () => show(await check(Array.from(input.files || []))));

  let checked = false;
  form.addEventListener('submit', async (event) => {
    if (checked) return;
    event.preventDefault();
    const text = await check(Array.from(input.files || []));
    show(text);
    if (text) {
      summary(text);
      return;
    }
    checked = true;
    if (typeof form.requestSubmit === 'function') form.requestSubmit();
    else form.submit();
  });
})();
