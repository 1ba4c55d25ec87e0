/*
 * The APS machine's receipt screen (src/modules/aps): shows the "In phiếu" button and prints the receipt with the
 * browser's own print (aps.css prints only the receipt block). Without this file the receipt is still on screen.
 */
(() => {
  for (const button of document.querySelectorAll('[data-aps-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
})();
