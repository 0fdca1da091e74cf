// Applies the saved theme before the first paint, so a dark page never flashes light. A file, not an inline script:
// the Content-Security-Policy allows scripts from this origin only.
(function () {
  try {
    var choice = localStorage.getItem('gagent.theme');
    var dark = choice === 'dark' || (choice !== 'light' && !!window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light');
  } catch (e) {
    // storage unavailable: the app applies the theme when it starts
  }
})();
