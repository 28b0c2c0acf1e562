// The progress charts, drawn with the vendored Apache ECharts from the data the page carries in
// <script type="application/json" id="progress-data"> (never executed, so the CSP allows it).
// Each chart's figures are also in the page as text or a table; once a chart is drawn, its
// table is kept for screen readers only. Without this file the tables simply stay visible.
"use strict";

(function () {
  const source = document.getElementById("progress-data");
  if (!source || typeof echarts === "undefined") return;
  const data = JSON.parse(source.textContent);
  const lang = document.documentElement.lang || "vi";
  const colors = { accent: "#b3261e", ok: "#1e6b34", line: "#d6d9de", muted: "#55606e" };
  const font = getComputedStyle(document.body).fontFamily;
  // Dates arrive as "YYYY-MM-DD": read them as local calendar days, not UTC midnights.
  const asDate = (iso) => new Date(iso.slice(0, 10) + "T12:00:00");
  const dayMonth = new Intl.DateTimeFormat(lang, { day: "numeric", month: "numeric" });
  const fullDate = new Intl.DateTimeFormat(lang, { dateStyle: "medium" });
  const charts = [];

  function draw(id, tableId, build) {
    const element = document.getElementById(id);
    if (!element) return;
    const chart = echarts.init(element, null, { renderer: "canvas" });
    const render = () => {
      chart.setOption(build(element), { notMerge: true });
      chart.resize();
    };
    render();
    charts.push(render);
    const table = tableId && document.getElementById(tableId);
    if (table) table.classList.add("visually-hidden");
  }

  // Tooltips drawn on the canvas: ECharts' HTML tooltips carry inline styles the CSP refuses.
  const tooltip = (formatter, trigger = "item") => ({
    trigger, renderMode: "richText", formatter, confine: true,
  });
  const base = () => ({ textStyle: { fontFamily: font }, animation: false });

  if (data.forecast) {
    draw("forecast-chart", "forecast-table", () => ({
      ...base(),
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      tooltip: tooltip((p) => `${fullDate.format(asDate(p.name))}: ${p.value}`),
      xAxis: {
        type: "category",
        data: data.forecast.map(([day]) => day),
        axisLabel: { formatter: (day) => dayMonth.format(asDate(day)), hideOverlap: true },
        axisTick: { alignWithLabel: true },
      },
      yAxis: { type: "value", minInterval: 1 },
      series: [{
        type: "bar", name: data.labels.due, data: data.forecast.map(([, n]) => n),
        itemStyle: { color: colors.accent },
      }],
    }));
  }

  if (data.year) {
    const monthNames = Array.from({ length: 12 }, (_, m) =>
      new Intl.DateTimeFormat(lang, { month: "short" }).format(new Date(2024, m, 15)));
    // 7 January 2024 was a Sunday: ECharts wants the names from Sunday on.
    const dayNames = Array.from({ length: 7 }, (_, d) =>
      new Intl.DateTimeFormat(lang, { weekday: "narrow" }).format(new Date(2024, 0, 7 + d)));
    const most = Math.max(1, ...data.year.map(([, n]) => n));
    draw("year-chart", "year-table", (element) => {
      // A phone gets the year in two rows of six months, so each day stays big enough to see.
      const width = element.clientWidth || 320;
      const parts = width < 640 ? 2 : 1;
      const size = Math.ceil(data.year.length / parts);
      const chunks = Array.from({ length: parts }, (_, i) => data.year.slice(i * size, (i + 1) * size));
      const weeks = Math.ceil(size / 7) + 1;
      const left = 28, right = 8;
      const cell = Math.max(8, Math.min(18, Math.floor((width - left - right) / weeks)));
      const rowHeight = 7 * cell + 28;
      element.style.height = `${parts * rowHeight + 56}px`;
      return {
        ...base(),
        tooltip: tooltip((p) => `${fullDate.format(asDate(p.value[0]))}: ${p.value[1]}`),
        visualMap: {
          type: "continuous", min: 1, max: most, orient: "horizontal", left: "center", bottom: 0,
          itemHeight: Math.min(160, width - 80), calculable: false,
          inRange: { color: ["#cfe8d4", colors.ok] }, text: [String(most), "1"],
        },
        calendar: chunks.map((chunk, i) => ({
          range: [chunk[0][0], chunk[chunk.length - 1][0]],
          top: 22 + i * rowHeight, left, right, cellSize: [cell, cell],
          dayLabel: { firstDay: 1, nameMap: dayNames, fontSize: 10, color: colors.muted },
          monthLabel: { nameMap: monthNames, fontSize: 10, color: colors.muted },
          yearLabel: { show: false },
          splitLine: { show: false },
          itemStyle: { color: "#f0f1f3", borderColor: "#ffffff", borderWidth: 2 },
        })),
        series: chunks.map((chunk, i) => ({
          type: "heatmap", coordinateSystem: "calendar", calendarIndex: i,
          name: data.labels.reviews, data: chunk.filter(([, n]) => n > 0),
        })),
      };
    });
  }

  if (data.quizzes && data.quizzes.length) {
    draw("quiz-chart", null, () => ({
      ...base(),
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: tooltip((p) => `${data.quizzes[p.dataIndex].title}: ${p.value}%`),
      xAxis: {
        type: "category",
        data: data.quizzes.map((q) => dayMonth.format(new Date(q.date))),
      },
      yAxis: { type: "value", min: 0, max: 100, name: data.labels.score },
      series: [{
        type: "line", name: data.labels.score, data: data.quizzes.map((q) => q.percent),
        itemStyle: { color: colors.accent }, symbolSize: 8,
      }],
    }));
  }

  let pending;
  window.addEventListener("resize", () => {
    clearTimeout(pending);
    pending = setTimeout(() => charts.forEach((render) => render()), 150);
  });
})();
