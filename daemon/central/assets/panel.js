// hyctl panel: the little the pages do with JavaScript on top of plain links and forms.
// Every page works without it; this adds live numbers, confirmations and "select all".
"use strict";

// Forms that change many things or cannot be undone ask first.
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  const message = (button && button.dataset.confirm) || event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// "Select all" in the users list.
document.addEventListener("change", (event) => {
  const all = event.target;
  if (!all.matches("[data-select-all]")) return;
  for (const box of document.querySelectorAll("input[name=user]")) {
    box.checked = all.checked;
  }
});

// Live figures: the overview's numbers follow /panel/live (server-sent events).
const live = document.querySelectorAll("[data-live]");
if (live.length > 0 && "EventSource" in window) {
  const source = new EventSource("/panel/live");
  source.addEventListener("figures", (event) => {
    const figures = JSON.parse(event.data);
    for (const el of live) {
      const value = figures[el.dataset.live];
      if (value !== undefined && el.textContent !== value) {
        el.textContent = value;
      }
    }
    document.body.dataset.liveAt = Date.now().toString();
  });
}
