/* "Run it live in your browser": turns a widget's snapshot into the live widget, in the page.
 *
 * tools/sphinx/kit_live.py puts a hidden control (div.kit-live) before the snapshot (the
 * cell's saved output) of each cell tagged "live", with the address of the browser edition's
 * REPL app running that cell's code. This script shows the control; on a click, and only
 * then, it embeds the REPL in an iframe (same site, so no third-party request), tells the
 * reader what is loading, and once the widget has drawn puts it where the snapshot was,
 * sized to its content. The snapshot stays in the page (hidden) and comes back in print. */
(function () {
  "use strict";
  var TIMEOUT_S = 300;
  // what Python in the browser (Pyodide 0.27 in JupyterLite 0.6) needs from the browser
  var NEEDS = [
    ["WebAssembly", function () { return typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function"; }],
    ["Web Workers", function () { return typeof Worker === "function"; }],
    ["IndexedDB", function () { try { return !!window.indexedDB; } catch (e) { return false; } }],
    ["BigInt", function () { return typeof BigInt64Array === "function"; }]
  ];
  var TOO_OLD = "This browser cannot run Python in the page: it lacks {missing}. " +
    "Use a recent browser (Chrome or Edge 100 or later, Firefox 100 or later, Safari 15.4 or later); " +
    "the snapshot stays as it is.";
  // the REPL app, reduced to the cell's output (its code is already hidden by hideCodeInput=1);
  // the output pane takes the whole frame: the split panel still gives the hidden prompt its
  // share (about 40%), which would cut off the bottom of a tall widget such as the builder
  var FRAME_CSS = [
    ".jp-CodeConsole-input, .jp-CodeConsole-split > .lm-SplitPanel-handle, .jp-Notification-Status,",
    ".jp-CodeConsole-content .jp-Cell-inputWrapper, .jp-OutputPrompt, .jp-OutputArea-prompt { display: none !important; }",
    ".jp-CodeConsole-content { overflow: hidden !important; height: 100% !important; }",
    ".jp-CodeConsole-content .jp-Cell { padding: 0 !important; }"
  ].join("\n");

  function missing() {
    return NEEDS.filter(function (need) { return !need[1](); }).map(function (need) { return need[0]; });
  }

  function snapshotOf(control) {
    var next = control.nextElementSibling;
    while (next && !next.classList.contains("cell_output")) next = next.nextElementSibling;
    return next;
  }

  // the stage the REPL has reached, read from its page; null while it is not there yet
  function stage(doc) {
    if (!doc || !doc.querySelector(".jp-CodeConsole")) return {text: "Loading the browser edition…"};
    var content = doc.querySelector(".jp-CodeConsole-content");
    if (content.querySelector(".jp-OutputArea-output.jp-mod-error, " +
        ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")) return {failed: true};
    if (content.querySelector(".jp-OutputArea-output .jupyter-widgets")) return {ready: true};
    // the cell shows as soon as it is queued: Python may still be starting
    if (content.querySelector(".jp-Cell")) return {text: "Starting Python and running the page's code…"};
    return {text: "Starting the kernel…"};
  }

  // JupyterLab focuses its whole panel on every mouse press; in a frame as tall as its content
  // that scrolls this page between the press and the release, and the click is lost. A focus
  // made by a script in the frame never scrolls the page (Tab still scrolls as usual).
  function keepScroll(win) {
    var focus = win.HTMLElement.prototype.focus;
    win.HTMLElement.prototype.focus = function (options) {
      return focus.call(this, Object.assign({}, options, {preventScroll: true}));
    };
  }

  function contentHeight(doc) {
    var cells = doc.querySelectorAll(".jp-CodeConsole-content > .jp-Cell");
    var height = 0;
    cells.forEach(function (cell) { height += cell.offsetHeight; });
    return Math.max(200, Math.ceil(height) + 24);
  }

  function start(control) {
    var button = control.querySelector(".kit-live-button");
    var status = control.querySelector(".kit-live-status");
    if (button.getAttribute("aria-disabled") === "true") return;
    var lacking = missing();
    if (lacking.length) {
      status.textContent = TOO_OLD.replace("{missing}", lacking.join(", "));
      status.classList.add("kit-live-problem");
      return;
    }
    var snapshot = snapshotOf(control);
    button.setAttribute("aria-disabled", "true");
    status.classList.remove("kit-live-problem");
    status.textContent = "Loading Python in your browser… (first visit: about " + control.dataset.kitLiveMb + " MB)";
    var progress = document.createElement("div");
    progress.className = "kit-live-progress";
    progress.innerHTML = '<progress aria-label="Loading Python in your browser"></progress> ' +
      '<span class="kit-live-stage"></span> <span class="kit-live-elapsed" aria-hidden="true"></span>';
    control.appendChild(progress);
    var frame = document.createElement("iframe");
    frame.className = "kit-live-frame kit-live-loading";
    frame.title = control.dataset.kitLiveTitle;
    frame.style.width = (snapshot ? snapshot.offsetWidth : control.offsetWidth) + "px";
    frame.src = control.dataset.kitLiveSrc;
    control.insertAdjacentElement("afterend", frame);
    var began = Date.now();
    var said = "";
    var timer = setInterval(function () {
      var doc = null;
      try { doc = frame.contentDocument; } catch (e) { doc = null; }
      var now = stage(doc);
      var seconds = Math.round((Date.now() - began) / 1000);
      progress.querySelector(".kit-live-elapsed").textContent = seconds + " s";
      if (now.text && now.text !== said) {
        said = now.text;
        progress.querySelector(".kit-live-stage").textContent = now.text;
      }
      if (now.ready) {
        clearInterval(timer);
        live(control, frame, doc, snapshot, progress, seconds);
      } else if (now.failed || seconds > TIMEOUT_S) {
        clearInterval(timer);
        frame.remove();
        progress.remove();
        button.removeAttribute("aria-disabled");
        status.classList.add("kit-live-problem");
        status.textContent = (now.failed ? "The live version stopped with an error" : "The live version took too long to start") +
          "; the snapshot stays. Try again, or open the notebook in your browser from the top of the page.";
      }
      if (doc && doc.querySelector(".jp-CodeConsole") && !doc.getElementById("kit-live-css")) {
        var style = doc.createElement("style");
        style.id = "kit-live-css";
        style.textContent = FRAME_CSS;
        doc.head.appendChild(style);
        keepScroll(frame.contentWindow);
      }
    }, 250);
  }

  function live(control, frame, doc, snapshot, progress, seconds) {
    var status = control.querySelector(".kit-live-status");
    var hadFocus = document.activeElement === control.querySelector(".kit-live-button");
    progress.remove();
    if (snapshot) snapshot.hidden = true;
    control.querySelector(".kit-live-button").hidden = true;
    control.querySelector(".kit-live-hint").hidden = true;
    frame.classList.remove("kit-live-loading");
    frame.style.width = "";
    control.classList.add("kit-live-on");
    status.textContent = "Live: Python is running in your browser (started in " + seconds + " s).";
    var resize = function () { frame.style.height = contentHeight(doc) + "px"; };
    resize();
    new frame.contentWindow.ResizeObserver(resize).observe(doc.querySelector(".jp-CodeConsole-content"));
    doc.querySelectorAll(".jp-CodeConsole-content > .jp-Cell").forEach(function (cell) {
      new frame.contentWindow.ResizeObserver(resize).observe(cell);
    });
    var content = doc.querySelector(".jp-CodeConsole-content");
    content.scrollTop = 0;
    if (window.kitNameSliderHandles) {
      window.kitNameSliderHandles(doc);
      new frame.contentWindow.MutationObserver(function () { window.kitNameSliderHandles(doc); })
        .observe(doc.body, {childList: true, subtree: true});
    }
    // the reader asked for the live widget: take them there
    if (hadFocus) frame.focus();
  }

  function init() {
    document.querySelectorAll(".kit-live").forEach(function (control) {
      control.hidden = false;
      control.querySelector(".kit-live-button").addEventListener("click", function () { start(control); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
