// In-page page-switch probe, shared by deskdash and Dash: clicks the two links in turn and
// times each click until the new page's marker element is in the page and painted (two
// animation frames later). arguments: [linkIdsCsv, markerIdsCsv, runs]; returns sorted ms.
const [linkCsv, markerCsv, runs, done] = [arguments[0], arguments[1], arguments[2], arguments[arguments.length - 1]];
(async () => {
  const links = linkCsv.split(","), markers = markerCsv.split(",");
  const painted = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const lat = [];
  for (let i = 0; i < runs; i++) {
    const to = (i + 1) % 2;
    const t0 = performance.now();
    await new Promise((resolve) => {
      const there = () => document.getElementById(markers[to]) && !document.getElementById(markers[1 - to]);
      const obs = new MutationObserver(() => { if (there()) { obs.disconnect(); resolve(); } });
      obs.observe(document.body, { childList: true, subtree: true });
      document.getElementById(links[to]).click();
    });
    await painted();
    lat.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  lat.sort((a, b) => a - b);
  done(lat);
})();
