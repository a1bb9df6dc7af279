/* global document, window, fetch, DOMParser, EventSource, echarts */
// The dashboard's only script (served as is, no build step): sortable tables, the stat and window
// pickers, the charts, and live updates. Every name reaches the page as text (textContent, canvas
// labels, rich-text tooltips), never as HTML.
'use strict';

(function () {
  const charts = [];

  function readJson(id) {
    const el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function sortTables() {
    for (const table of document.querySelectorAll('table.sortable')) {
      table.querySelectorAll('th[data-sort] button').forEach((button) => {
        button.addEventListener('click', () => {
          const th = button.parentElement;
          const index = Number(th.dataset.sort);
          const ascending = th.getAttribute('aria-sort') !== 'ascending';
          table.querySelectorAll('th').forEach((h) => h.removeAttribute('aria-sort'));
          th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          const body = table.tBodies[0];
          const rows = Array.from(body.rows);
          const key = (row) => {
            const cell = row.cells[index];
            const v = cell.dataset.value;
            return v !== undefined && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : cell.textContent.trim().toLowerCase();
          };
          rows.sort((a, b) => {
            const x = key(a);
            const y = key(b);
            const order = x < y ? -1 : x > y ? 1 : 0;
            return ascending ? order : -order;
          });
          rows.forEach((row) => body.appendChild(row));
        });
      });
    }
  }

  function autoSubmit() {
    for (const form of document.querySelectorAll('form.auto')) {
      form.querySelectorAll('select').forEach((select) => select.addEventListener('change', () => form.submit()));
    }
  }

  const richTooltip = { trigger: 'axis', renderMode: 'richText' };

  function barChart(el, names, series) {
    return {
      tooltip: richTooltip,
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { rotate: 40, interval: 0 } },
      yAxis: { type: 'value' },
      series,
    };
  }

  const builders = {
    'session-kills'(el) {
      const rows = readJson(el.dataset.source) || [];
      return barChart(
        el,
        rows.map((r) => r.name),
        [
          { name: 'kills', type: 'bar', data: rows.map((r) => r.kills) },
          { name: 'deaths', type: 'bar', data: rows.map((r) => r.deaths) },
        ],
      );
    },
    'session-dpm'(el) {
      const rows = (readJson(el.dataset.source) || []).slice().sort((a, b) => b.dpm - a.dpm);
      return barChart(
        el,
        rows.map((r) => r.name),
        [{ name: 'DPM', type: 'bar', data: rows.map((r) => r.dpm) }],
      );
    },
    rating(el) {
      const recent = readJson(el.dataset.source) || [];
      return {
        tooltip: richTooltip,
        grid: { left: 8, right: 8, bottom: 8, top: 16, containLabel: true },
        xAxis: { type: 'category', data: recent.map((m) => m.endedAtUtc.slice(0, 10)) },
        yAxis: { type: 'value', scale: true },
        series: [{ name: 'rating', type: 'line', data: recent.map((m) => m.ratingAfter) }],
      };
    },
    async history(el) {
      const response = await fetch(el.dataset.src, { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`history: ${response.status}`);
      const { points } = await response.json();
      return {
        tooltip: richTooltip,
        legend: { top: 0 },
        grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
        xAxis: { type: 'category', data: points.map((p) => p.day) },
        yAxis: [
          { type: 'value', name: 'DPM' },
          { type: 'value', name: 'K/D' },
        ],
        series: [
          { name: 'DPM', type: 'line', data: points.map((p) => p.dpm) },
          { name: 'K/D', type: 'line', yAxisIndex: 1, data: points.map((p) => p.kd) },
        ],
      };
    },
  };

  // echarts is large: it loads only on pages with a chart, after the page is shown.
  let echartsLoading = null;
  function loadEcharts() {
    echartsLoading ??= new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `${document.body.dataset.base}/static/echarts.min.js`;
      script.onload = resolve;
      script.onerror = () => reject(new Error('echarts did not load'));
      document.head.appendChild(script);
    });
    return echartsLoading;
  }

  async function drawCharts() {
    while (charts.length > 0) charts.pop().dispose();
    if (!document.querySelector('[data-chart]')) return;
    await loadEcharts();
    const pending = [];
    for (const el of document.querySelectorAll('[data-chart]')) {
      const build = builders[el.dataset.chart];
      if (!build) continue;
      pending.push(
        Promise.resolve(build(el)).then((option) => {
          const chart = echarts.init(el, 'dark', { renderer: 'canvas' });
          // No animation: the chart is final when it is drawn (screenshots, live updates).
          chart.setOption({ backgroundColor: 'transparent', animation: false, ...option });
          charts.push(chart);
          el.dataset.drawn = 'true';
        }),
      );
    }
    await Promise.all(pending);
  }

  function enhance() {
    sortTables();
    autoSubmit();
    drawCharts().catch((err) => {
      document.body.dataset.chartError = String(err.message || err);
    });
  }

  // A new round: fetch this page again and swap its main content (the server escaped every name).
  async function refresh() {
    const response = await fetch(window.location.href, { headers: { accept: 'text/html' } });
    if (!response.ok) return;
    const next = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('main');
    const main = document.querySelector('main');
    if (!next || !main) return;
    main.replaceWith(document.importNode(next, true));
    enhance();
    document.body.dataset.updates = String(Number(document.body.dataset.updates || '0') + 1);
  }

  function listen() {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`${document.body.dataset.base}/events`);
    const status = document.getElementById('live-status');
    source.addEventListener('open', () => {
      document.body.dataset.live = 'open';
      if (status) status.textContent = 'live updates on';
    });
    source.addEventListener('error', () => {
      document.body.dataset.live = 'retrying';
      if (status) status.textContent = 'live updates reconnecting';
    });
    source.addEventListener('rounds', () => {
      refresh().catch(() => undefined);
    });
  }

  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
  enhance();
  listen();
})();
