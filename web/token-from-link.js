/*
 * Mailed links carry their token after "#token=", which browsers never send to the server (so it is
 * not in any log or Referer). On the confirm-email and reset-password pages this copies it into the
 * form's token box and removes it from the address bar. Without JavaScript the box is there to paste into.
 */
/* global document, window */
;(function () {
  'use strict'
  var match = /^#token=([A-Za-z0-9_-]{20,100})$/.exec(window.location.hash)
  if (!match) return
  var box = document.querySelector('input[name="token"]')
  if (!box) return
  box.value = match[1]
  if (window.history && window.history.replaceState) window.history.replaceState(null, '', window.location.pathname + window.location.search)
})()
