/*
 * Gần Dân: enhances ID-card scan forms, `<form data-cccd-form>` holding `<input name="qr" data-cccd-scan>`.
 * Without this script the form already works: a handheld scanner types the QR text into the box and its Enter
 * submits; the server reads the text. This script only adds:
 *  (a) a whole payload kept together: an Enter (or a Tab) the scanner sends in the middle of the code does not submit
 *      or leave the box; the form is submitted once the keys have stopped for a moment;
 *  (b) "Quét bằng camera" where the browser can use a camera: the rear camera in a <video>, decoded with
 *      BarcodeDetector where the browser has it, otherwise with jsQR (served from our origin); the text goes into the
 *      box and the form is submitted. Messages go to an aria-live region, in the page's language.
 * No inline script or style (CSP): sizes are set through the CSSOM.
 */
(() => {
  /** Quiet time after an Enter before submitting: short when the text looks whole, longer when it looks cut short. */
  const QUIET_WHOLE_MS = 150;
  const QUIET_PARTIAL_MS = 700;
  /** Keys closer together than this come from a scanner, not a person. */
  const SCANNER_KEY_MS = 60;
  const FRAME_MS = 120;

  const english = document.documentElement.lang === 'en';
  const t = (vi, en) => (english ? en : vi);

  /** The seven fields of an ID card's QR text are there, the seventh a full date (extras may still follow). */
  const looksWhole = (v) => {
    const p = v.split('|');
    return p.length >= 7 && /^\s*\d{12}\s*$/.test(p[0]) && /^\s*\d{8}\s*$/.test(p[6]);
  };

  const submit = (form) => (typeof form.requestSubmit === 'function' ? form.requestSubmit() : form.submit());

  function keepPayloadTogether(form, input) {
    let timer = 0;
    let lastKey = 0;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => {
          timer = 0;
          submit(form);
        },
        looksWhole(input.value) ? QUIET_WHOLE_MS : QUIET_PARTIAL_MS,
      );
    };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.isComposing) {
        e.preventDefault();
        schedule();
      } else if (e.key === 'Tab' && !e.shiftKey && input.value !== '' && !looksWhole(input.value) && performance.now() - lastKey < SCANNER_KEY_MS) {
        // A scanner's Tab in the middle of the code would send the rest of it to the next field.
        e.preventDefault();
      }
    });
    input.addEventListener('input', () => {
      lastKey = performance.now();
      if (timer) schedule();
    });
  }

  let jsQrLoading = null;
  function loadJsQr() {
    if (window.jsQR) return Promise.resolve();
    if (!jsQrLoading) {
      jsQrLoading = new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = '/static/vendor/jsqr.js';
        s.onload = () => (window.jsQR ? resolve() : reject(new Error('jsQR missing')));
        s.onerror = () => {
          jsQrLoading = null;
          reject(new Error('jsQR not loaded'));
        };
        document.head.appendChild(s);
      });
    }
    return jsQrLoading;
  }

  /** A function reading one video frame: text or null. */
  async function makeDecoder() {
    if ('BarcodeDetector' in window) {
      try {
        const formats = await window.BarcodeDetector.getSupportedFormats();
        if (formats.includes('qr_code')) {
          const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
          return async (video) => {
            const codes = await detector.detect(video);
            return codes.length > 0 ? codes[0].rawValue : null;
          };
        }
      } catch {
        // fall back to jsQR
      }
    }
    await loadJsQr();
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const utf8 = new TextDecoder('utf-8');
    return async (video) => {
      const w = video.videoWidth;
      const h = video.videoHeight;
      if (!w || !h) return null;
      const scale = Math.min(1, 960 / Math.max(w, h));
      canvas.width = Math.round(w * scale);
      canvas.height = Math.round(h * scale);
      ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
      const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const code = window.jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
      // The card's QR code is UTF-8 in byte mode: decode the bytes ourselves.
      return code ? utf8.decode(new Uint8Array(code.binaryData)) : null;
    };
  }

  function cameraError(e) {
    const name = e?.name;
    if (name === 'NotAllowedError' || name === 'SecurityError') {
      return t(
        'Trình duyệt chưa được phép dùng camera. Hãy cho phép camera cho trang này, hoặc dùng máy quét cầm tay.',
        'The browser may not use the camera. Allow the camera for this page, or use the handheld scanner.',
      );
    }
    if (name === 'NotFoundError' || name === 'OverconstrainedError')
      return t('Không tìm thấy camera trên thiết bị này.', 'No camera was found on this device.');
    if (name === 'NotReadableError') return t('Camera đang được ứng dụng khác sử dụng.', 'Another application is using the camera.');
    return t('Không mở được camera.', 'The camera could not be opened.');
  }

  function addCamera(form, input) {
    const media = navigator.mediaDevices;
    if (!media || typeof media.getUserMedia !== 'function') return;

    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'secondary';
    open.textContent = t('Quét bằng camera', 'Scan with the camera');
    const panel = document.createElement('div');
    panel.className = 'cccd-camera';
    panel.hidden = true;
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.setAttribute('playsinline', '');
    video.setAttribute('aria-label', t('Hình ảnh từ camera', 'Camera picture'));
    video.style.display = 'block';
    video.style.width = '100%';
    video.style.maxWidth = '28rem';
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'secondary';
    close.textContent = t('Đóng camera', 'Close the camera');
    panel.append(video, close);
    const status = document.createElement('p');
    status.className = 'hint';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    status.dataset.cccdStatus = '';
    input.after(open, panel, status);

    const say = (text) => {
      status.textContent = text;
    };
    let stream = null;
    let running = false;

    const stop = () => {
      running = false;
      if (stream) for (const track of stream.getTracks()) track.stop();
      stream = null;
      video.srcObject = null;
      panel.hidden = true;
      open.hidden = false;
    };

    const scanFrames = async (decode) => {
      if (!running) return;
      let text = null;
      try {
        text = await decode(video);
      } catch {
        // a frame that cannot be read yet
      }
      if (!running) return;
      if (text) {
        stop();
        input.value = text;
        say(t('Đã đọc được mã QR, đang gửi…', 'QR code read; sending…'));
        submit(form);
        return;
      }
      setTimeout(() => scanFrames(decode), FRAME_MS);
    };

    open.addEventListener('click', async () => {
      say(t('Đang mở camera…', 'Opening the camera…'));
      try {
        stream = await media.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
      } catch (e) {
        say(cameraError(e));
        return;
      }
      running = true;
      video.srcObject = stream;
      panel.hidden = false;
      open.hidden = true;
      close.focus();
      try {
        await video.play();
      } catch {
        // autoplay of a muted stream is allowed; frames are read anyway
      }
      let decode;
      try {
        decode = await makeDecoder();
      } catch {
        stop();
        say(t('Không tải được bộ đọc mã QR. Hãy dùng máy quét cầm tay.', 'The QR reader could not be loaded. Use the handheld scanner.'));
        return;
      }
      say(t('Đưa mã QR trên thẻ căn cước vào giữa khung hình và giữ yên.', 'Hold the ID card’s QR code in the middle of the picture, still.'));
      scanFrames(decode);
    });

    close.addEventListener('click', () => {
      stop();
      say(t('Đã đóng camera.', 'Camera closed.'));
      open.focus();
    });
    window.addEventListener('pagehide', stop);
  }

  for (const form of document.querySelectorAll('form[data-cccd-form]')) {
    const input = form.querySelector('input[data-cccd-scan]');
    if (!input) continue;
    keepPayloadTogether(form, input);
    addCamera(form, input);
  }
})();
