// Sends the CSRF token with every htmx request, and turns the caller's own event stream into
// htmx triggers: a page fragment that declares hx-trigger="bta:ledger from:body" reloads itself
// when one of the caller's ledger, staking or reward events arrives.
(function () {
  "use strict";
  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute("content") : null;
  }
  document.addEventListener("htmx:configRequest", function (e) {
    var header = meta("csrf-header");
    var token = meta("csrf-token");
    if (header && token) {
      e.detail.headers[header] = token;
    }
  });
  // A form shown again with errors puts the keyboard on its first bad field.
  document.addEventListener("DOMContentLoaded", function () {
    var invalid = document.querySelector('[aria-invalid="true"]');
    if (invalid) {
      invalid.focus();
    }
  });
  // One submission per click: the button is disabled once the browser has taken the form.
  document.addEventListener("submit", function (e) {
    var button = e.target.querySelector('button[type="submit"]');
    if (button) {
      setTimeout(function () { button.disabled = true; }, 0);
    }
  });
  if (!window.EventSource || !document.querySelector("[data-live]")) {
    return;
  }
  var stream = new EventSource("/api/events/stream");
  stream.addEventListener("open", function () { window.btaStreamOpen = true; });
  var triggers = {
    "ledger.transferred": "bta:ledger", "ledger.minted": "bta:ledger", "ledger.burned": "bta:ledger",
    "ledger.locked": "bta:ledger", "ledger.unlocked": "bta:ledger",
    "staking.stake.opened": "bta:staking", "staking.stake.closed": "bta:staking", "staking.rewards.paid": "bta:staking",
    "rewards.reward.distributed": "bta:rewards", "rewards.reward.claimed": "bta:rewards",
    "governance.vote.cast": "bta:governance", "governance.proposal.created": "bta:governance"
  };
  Object.keys(triggers).forEach(function (type) {
    stream.addEventListener(type, function () {
      if (window.htmx) {
        window.htmx.trigger(document.body, triggers[type]);
      }
    });
  });
  window.addEventListener("pagehide", function () { stream.close(); });
})();
