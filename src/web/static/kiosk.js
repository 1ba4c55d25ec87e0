/*
 * The listing kiosk and LED board (src/modules/kiosks/kiosk-pages.tsx): enhancements only, every screen works
 * without this file. Reads its settings from <body data-…>:
 * - data-version / data-version-url: polls the URL every data-poll seconds; a different version reloads the screen
 *   (a publication shows within a minute, no restart). A failed poll shows the offline notice (aria-live), keeps the
 *   screen, and retries every few seconds until the network is back.
 * - data-idle / data-home (kiosk): back to the start screen after data-idle seconds without a touch.
 * - data-rotate (LED board): shows one slide at a time, the next every data-rotate seconds.
 */
(() => {
  const body = document.body;
  const d = body.dataset;
  const seconds = (v, fallback) => {
    const n = Number(v);
    return n > 0 ? n * 1000 : fallback;
  };
  const pollEvery = seconds(d.poll, 30000);
  const retryEvery = Math.min(pollEvery, 5000);
  const notice = document.getElementById('k-offline');
  let offline = false;
  let pollTimer = 0;

  function setOffline(value) {
    if (offline === value) return;
    offline = value;
    body.classList.toggle('k-is-offline', value);
    if (notice) notice.textContent = value ? d.offlineText || 'Mất kết nối mạng — đang thử lại…' : '';
  }

  /** Asks for the current version: true when the network and server answered. */
  async function check() {
    if (!d.versionUrl) return true;
    const abort = new AbortController();
    const timeout = setTimeout(() => abort.abort(), 8000);
    try {
      const res = await fetch(d.versionUrl, { cache: 'no-store', headers: { accept: 'application/json' }, signal: abort.signal });
      if (!res.ok) throw new Error(`status ${res.status}`);
      const json = await res.json();
      setOffline(false);
      if (d.version && json.version && json.version !== d.version) {
        location.reload();
      }
      return true;
    } catch {
      setOffline(true);
      return false;
    } finally {
      clearTimeout(timeout);
    }
  }

  function schedule(ms) {
    clearTimeout(pollTimer);
    pollTimer = setTimeout(async () => {
      const ok = await check();
      schedule(ok ? pollEvery : retryEvery);
    }, ms);
  }

  if (d.versionUrl) {
    schedule(pollEvery);
    window.addEventListener('offline', () => {
      setOffline(true);
      schedule(retryEvery);
    });
    window.addEventListener('online', () => schedule(0));
  }

  // While offline, a touch on a link first checks the network: leaving the screen would show the browser's error page.
  document.addEventListener('click', async (event) => {
    if (!offline || event.defaultPrevented) return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link) return;
    event.preventDefault();
    if (await check()) location.assign(link.href);
  });

  // Idle return to the start screen (kiosk only; the start screen has nowhere to return to).
  const idleMs = seconds(d.idle, 0);
  if (d.kiosk === 'kiosk' && idleMs > 0 && d.home) {
    const home = new URL(d.home, location.href);
    const atHome = home.pathname === location.pathname;
    let idleTimer = 0;
    const arm = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(goHome, idleMs);
    };
    const goHome = () => {
      if (offline) return arm();
      if (atHome) {
        window.scrollTo(0, 0);
        return arm();
      }
      location.assign(home.href);
    };
    for (const type of ['pointerdown', 'touchstart', 'keydown', 'wheel', 'scroll']) window.addEventListener(type, arm, { passive: true });
    arm();
  }

  // LED board rotation: one slide at a time; the index survives the reload that follows a change.
  const slides = d.kiosk === 'led' ? Array.from(document.querySelectorAll('.led-slide')) : [];
  if (slides.length > 1) {
    const key = `led-slide:${location.pathname}`;
    let index = Number(sessionStorage.getItem(key)) || 0;
    if (index >= slides.length) index = 0;
    const show = () => {
      slides.forEach((s, i) => {
        s.classList.toggle('led-active', i === index);
      });
      sessionStorage.setItem(key, String(index));
    };
    const box = document.getElementById('led-slides');
    box?.classList.add('led-rotating');
    show();
    // WCAG 2.2.2 (pause, stop, hide): a button stops the rotation for whoever reads at the board; hovering or focusing
    // the slides holds it too.
    let paused = false;
    let held = false;
    if (box) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'led-pause';
      button.setAttribute('aria-controls', 'led-slides');
      const label = () => {
        button.textContent = paused ? box.dataset.playLabel || 'Tiếp tục' : box.dataset.pauseLabel || 'Tạm dừng';
        button.setAttribute('aria-pressed', String(paused));
      };
      button.addEventListener('click', () => {
        paused = !paused;
        label();
      });
      label();
      box.after(button);
      box.addEventListener('mouseenter', () => (held = true));
      box.addEventListener('mouseleave', () => (held = false));
      box.addEventListener('focusin', () => (held = true));
      box.addEventListener('focusout', () => (held = false));
    }
    setInterval(
      () => {
        if (paused || held) return;
        index = (index + 1) % slides.length;
        show();
      },
      seconds(d.rotate, 10000),
    );
  }
})();
