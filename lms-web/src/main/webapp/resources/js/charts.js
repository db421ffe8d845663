// Draws each <canvas data-chart="…"> with the Chart.js configuration the server wrote into it
// (web/reporting/Charts). Loaded with "defer" after Chart.js, so the page is parsed and Chart is there.
document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    new Chart(canvas, JSON.parse(canvas.dataset.chart));
});
