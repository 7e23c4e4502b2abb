/* Jupyter widgets typeset their labels through the MathJax 2 API
 * (MathJax.Hub.Queue); the site serves MathJax 3, which has no Hub, so a
 * widget on a page with math throws "Cannot read properties of undefined
 * (reading 'Queue')". This adapter gives widgets the call they expect and
 * hands the work to MathJax 3. It must run after Sphinx's MathJax config
 * script and before MathJax itself loads. */
(function () {
  "use strict";
  var pending = [];
  function queue(job) {
    var element = job && job[2];
    if (!element) return;
    var mj = window.MathJax;
    if (mj && typeof mj.typesetPromise === "function") {
      mj.typesetPromise([element]).catch(function (err) {
        console.warn("MathJax could not typeset a widget label:", err);
      });
    } else {
      pending.push(element);
    }
  }
  var config = (window.MathJax = window.MathJax || {});
  config.Hub = { Queue: queue };
  var startup = (config.startup = config.startup || {});
  var previousReady = startup.ready;
  startup.ready = function () {
    if (previousReady) previousReady();
    else window.MathJax.startup.defaultReady();
    window.MathJax.Hub = { Queue: queue };
    window.MathJax.startup.promise.then(function () {
      if (pending.length) return window.MathJax.typesetPromise(pending.splice(0));
    });
  };
})();
