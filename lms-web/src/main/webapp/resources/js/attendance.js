// The instructor's tick list: keeps the focus on the mark just chosen while its line is drawn
// again, and shows the check-in QR code, fetching the code every few seconds so that the one
// on screen is never more than a moment behind (the one before is still taken for a while).
// While the code is shown, the list is drawn again whenever trainees have checked themselves in.
(function () {
    'use strict';
    if (window.faces && faces.ajax) {
        var focused = null;
        faces.ajax.addOnEvent(function (data) {
            if (data.status === 'begin') {
                focused = document.activeElement ? document.activeElement.id : null;
            } else if (data.status === 'success' && focused) {
                var again = document.getElementById(focused);
                if (again) {
                    again.focus();
                }
            }
        });
    }

    var panel = document.getElementById('checkin');
    if (!panel) {
        return;
    }
    var toggle = document.getElementById('checkin-toggle');
    var box = document.getElementById('checkin-box');
    var image = document.getElementById('checkin-qr');
    var problem = document.getElementById('checkin-problem');
    var url = panel.dataset.url;
    var marksUrl = panel.dataset.marks;
    var timer = null;
    var shown = null;

    function count(id) {
        var counter = document.getElementById(id);
        return counter ? Number(counter.textContent) : null;
    }

    // Draws the list again when the register holds more marks than the page shows.
    function catchUp() {
        var reload = document.getElementById('marks:reload');
        if (!reload) {
            return;
        }
        fetch(marksUrl, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (marks) {
                if (marks && marks.filter(function (mark) { return !mark.status; }).length !== count('count-unmarked')) {
                    reload.click();
                }
            }, function () { /* the next round tries again */ });
    }

    function refresh() {
        catchUp();
        fetch(url, {credentials: 'same-origin',
            headers: {'Accept': 'application/json', 'Accept-Language': document.documentElement.lang}})
            .then(function (response) {
                return response.json().then(function (body) { return {ok: response.ok, body: body}; });
            })
            .then(function (answer) {
                if (!answer.ok) {
                    stop();
                    problem.textContent = answer.body.detail || '';
                    return;
                }
                problem.textContent = '';
                if (answer.body.code !== shown) {
                    shown = answer.body.code;
                    // The code in the address only makes the browser fetch the picture again.
                    image.src = url + '?format=svg&for=' + encodeURIComponent(shown);
                }
            }, function () { /* the next round tries again */ });
    }

    // Once the first code is drawn, the whole code comes into sight, even on a phone.
    image.addEventListener('load', function () {
        if (image.dataset.seen !== 'yes') {
            image.dataset.seen = 'yes';
            panel.scrollIntoView({block: 'start'});
        }
    });

    function start() {
        box.hidden = false;
        toggle.textContent = panel.dataset.hide;
        toggle.setAttribute('aria-expanded', 'true');
        refresh();
        timer = setInterval(refresh, 5000);
    }

    function stop() {
        clearInterval(timer);
        timer = null;
        shown = null;
        box.hidden = true;
        toggle.textContent = panel.dataset.show;
        toggle.setAttribute('aria-expanded', 'false');
    }

    toggle.addEventListener('click', function () {
        if (timer) {
            stop();
        } else {
            start();
        }
    });
}());
