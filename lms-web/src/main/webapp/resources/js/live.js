// The invigilator's list: who has started, answered how many, last saved when, who has not been
// heard from for a minute, who has submitted. Read every 5 seconds from the exam's own records.
(function () {
    'use strict';
    var root = document.getElementById('live');
    var text = root.dataset;
    var url = text.api + '/assessments/' + encodeURIComponent(text.code) + '/live';
    var SILENT_MS = 60000;
    var statusText = {OPEN: text.statusOpen, GRADED: text.statusGraded, AWAITING_GRADING: text.statusAwaiting};

    function time(value) {
        return value ? new Date(value).toLocaleTimeString(document.documentElement.lang) : text.never;
    }

    function cell(row, value, className) {
        var td = document.createElement('td');
        td.textContent = value;
        if (className) {
            td.className = className;
        }
        row.appendChild(td);
        return td;
    }

    function draw(lines) {
        var body = document.getElementById('live-rows');
        body.textContent = '';
        var now = Date.now();
        lines.forEach(function (line) {
            var row = document.createElement('tr');
            cell(row, line.employeeCode);
            cell(row, line.fullName);
            var status = statusText[line.status] || line.status;
            if (line.status === 'OPEN' && now - Date.parse(line.lastSavedAt || 0) > SILENT_MS) {
                status += ' · ' + text.silent;
                row.className = 'silent';
            } else if (line.status !== 'OPEN') {
                status += ' · ' + (line.submittedBy === 'SERVER' ? text.server : text.trainee);
            }
            cell(row, status);
            cell(row, line.answered + ' / ' + line.questions, 'num');
            cell(row, time(line.lastSavedAt));
            cell(row, time(line.deadline));
            var actions = cell(row, '');
            if (line.status !== 'OPEN' && line.submittedBy === 'SERVER' && line.passed !== true) {
                var button = document.createElement('button');
                button.type = 'button';
                button.className = 'choose-reopen';
                button.textContent = text.reopen;
                button.setAttribute('aria-label', text.reopen + ': ' + line.fullName);
                button.addEventListener('click', function () {
                    var field = document.getElementById('actions:attempt');
                    field.value = line.attemptId;
                    document.getElementById('actions:reopen-reason').focus();
                });
                actions.appendChild(button);
            }
            body.appendChild(row);
        });
        document.getElementById('live-table').hidden = lines.length === 0;
        document.getElementById('live-empty').hidden = lines.length !== 0;
        document.getElementById('live-updated').textContent = text.updated + ' ' + time(new Date().toISOString());
    }

    function refresh() {
        fetch(url, {credentials: 'same-origin',
            headers: {'Accept': 'application/json', 'Accept-Language': document.documentElement.lang}})
            .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
            .then(draw, function () { /* the next round tries again */ })
            .then(function () { setTimeout(refresh, 5000); });
    }

    refresh();
}());
