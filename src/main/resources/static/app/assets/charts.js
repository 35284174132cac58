// Draws the analytics series that the page carries as JSON (#chart-data) with Chart.js.
// The values are exact decimal strings; they become numbers here only to be drawn.
(function () {
  "use strict";
  function draw() {
    var data = document.getElementById("chart-data");
    if (!data || !window.Chart) {
      return;
    }
    JSON.parse(data.textContent).forEach(function (chart) {
      var canvas = document.getElementById("chart-" + chart.id);
      if (!canvas) {
        return;
      }
      new window.Chart(canvas, {
        type: chart.id === "transactions" ? "bar" : "line",
        data: {
          labels: chart.labels.map(function (l) { return l.replace("T", " ").replace(":00Z", ""); }),
          datasets: [{
            label: chart.title,
            data: chart.values.map(function (v) { return v === null ? null : Number(v); }),
            spanGaps: true,
            borderColor: "#1f5fbf",
            backgroundColor: "rgba(31, 95, 191, 0.35)",
            pointRadius: 2
          }]
        },
        options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } }
      });
      canvas.setAttribute("data-drawn", "true");
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
