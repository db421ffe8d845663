/*
 * The exam page. Every answer goes to the server as soon as it is given (typed text after
 * a short pause) and is shown as saved only when the server said so; an answer that could
 * not be saved is tried again until it is, or until the attempt closes. Until then it is
 * also kept in the browser's storage, so that a reload or a crash of the browser on a weak
 * connection does not lose it: the resumed attempt sends it again. The clock is the
 * server's: the time left counts from the deadline and the server time the attempt carries.
 */
(function () {
    'use strict';
    var root = document.getElementById('exam');
    if (!root) {
        return;
    }
    var api = root.dataset.api;
    var code = root.dataset.code;
    var text = root.dataset;
    var attempt = null;
    var clockOffset = 0;
    var pending = {};
    var inFlight = {};
    var typing = {};
    var closed = false;

    function el(tag, attributes, children) {
        var node = document.createElement(tag);
        Object.keys(attributes || {}).forEach(function (name) {
            if (name === 'text') {
                node.textContent = attributes[name];
            } else {
                node.setAttribute(name, attributes[name]);
            }
        });
        (children || []).forEach(function (child) { node.appendChild(child); });
        return node;
    }

    function call(method, path, body, contentType) {
        // The API answers in the page's language, not the browser's.
        var options = {method: method, credentials: 'same-origin',
            headers: {'Accept': 'application/json', 'Accept-Language': document.documentElement.lang}};
        if (body !== undefined) {
            options.headers['Content-Type'] = contentType || 'application/json';
            options.body = contentType ? body : JSON.stringify(body);
        }
        return fetch(api + path, options).then(function (response) {
            if (response.status === 204) {
                return null;
            }
            return response.json().then(function (json) {
                if (!response.ok) {
                    var error = new Error(json.detail || json.title || response.status);
                    error.status = response.status;
                    throw error;
                }
                return json;
            });
        });
    }

    function message(value) {
        document.getElementById('exam-message').textContent = value || '';
    }

    function status(questionId, value, kind) {
        var node = document.getElementById('status-' + questionId);
        if (node) {
            node.textContent = value;
            node.className = 'save ' + (kind || '');
        }
    }

    function answerOf(question) {
        var box = document.getElementById('q-' + question.id);
        if (question.type === 'SINGLE_CHOICE' || question.type === 'TRUE_FALSE' || question.type === 'MULTIPLE_CHOICE') {
            var selected = [];
            box.querySelectorAll('input[name="a-' + question.id + '"]').forEach(function (input) {
                if (input.checked) {
                    selected.push(Number(input.value));
                }
            });
            return {selected: selected};
        }
        if (question.type === 'MATCHING') {
            var pairs = [];
            box.querySelectorAll('select').forEach(function (select) {
                if (select.value) {
                    pairs.push({option: Number(select.dataset.option), choice: Number(select.value)});
                }
            });
            return {pairs: pairs};
        }
        return {text: box.querySelector('.answer-text').value};
    }

    function storageKey(question) {
        return 'lms-exam-' + attempt.id + '-' + question.id;
    }

    function keep(question, body) {
        try {
            if (body) {
                window.localStorage.setItem(storageKey(question), JSON.stringify(body));
            } else {
                window.localStorage.removeItem(storageKey(question));
            }
        } catch (storageFull) {
            // Without storage the answer is still retried while the page stays open.
        }
    }

    function kept(question) {
        try {
            var value = window.localStorage.getItem(storageKey(question));
            return value ? JSON.parse(value) : null;
        } catch (unreadable) {
            return null;
        }
    }

    /*
     * One request per question at a time, so that answers reach the server in the order
     * they were given: a change made while one is on its way is sent when it returns.
     */
    function save(question) {
        if (closed) {
            return;
        }
        var body = answerOf(question);
        pending[question.id] = body;
        keep(question, body);
        if (inFlight[question.id]) {
            return;
        }
        inFlight[question.id] = true;
        status(question.id, text.saving, 'saving');
        call('PUT', '/attempts/' + attempt.id + '/answers/' + question.id, body).then(function () {
            inFlight[question.id] = false;
            if (pending[question.id] === body) {
                delete pending[question.id];
                keep(question, null);
                status(question.id, text.saved + ' ' + new Date().toLocaleTimeString(), 'saved');
            } else {
                save(question);
            }
        }, function (error) {
            inFlight[question.id] = false;
            if (error.status === 422) {
                delete pending[question.id];
                keep(question, null);
                status(question.id, error.message, 'error');
                return;
            }
            if (error.status === 409) {
                closedOnServer(question);
                return;
            }
            retryLater(question);
        });
    }

    function retryLater(question) {
        status(question.id, text.retrying, 'error');
        setTimeout(function () {
            if (pending[question.id]) {
                save(question);
            }
        }, 3000);
    }

    /** A 409 means the attempt closed, unless the attempt says it is still open. */
    function closedOnServer(question) {
        call('GET', '/attempts/' + attempt.id).then(function (json) {
            if (json.status === 'OPEN') {
                retryLater(question);
            } else {
                delete pending[question.id];
                keep(question, null);
                finished();
            }
        }, function () { retryLater(question); });
    }

    /** Sends at once what is being typed, rather than after the pause. */
    function flushTyping() {
        Object.keys(typing).forEach(function (id) {
            clearTimeout(typing[id].timer);
            save(typing[id].question);
            delete typing[id];
        });
    }

    function upload(question, input) {
        var file = input.files[0];
        var key = 'file-' + question.id;
        if (!file || closed) {
            return;
        }
        pending[key] = file;
        status(question.id, text.saving, 'saving');
        call('PUT', '/attempts/' + attempt.id + '/answers/' + question.id + '/file?name=' + encodeURIComponent(file.name),
            file, file.type || 'application/octet-stream').then(function () {
            delete pending[key];
            status(question.id, text.saved + ' ' + file.name, 'saved');
        }, function (error) {
            delete pending[key];
            status(question.id, error.message, 'error');
        });
    }

    /** The pictures a question shows, served only to those who may read this attempt. */
    function pictures(question) {
        return (question.pictures || []).map(function (picture) {
            return el('img', {src: api + '/attempts/' + attempt.id + '/pictures/' + picture.sha256,
                alt: picture.name, 'class': 'question-picture'});
        });
    }

    function render(question, answer) {
        if (question.type === 'DESCRIPTION') {
            // A passage to read before the questions of its part: nothing to answer.
            return el('div', {id: 'q-' + question.id, 'class': 'description'},
                [el('p', {text: question.text})].concat(pictures(question)));
        }
        var box = el('fieldset', {id: 'q-' + question.id, 'class': 'question'});
        box.appendChild(el('legend', {text: question.text}));
        pictures(question).forEach(function (picture) { box.appendChild(picture); });
        var selected = (answer && answer.selected) || [];
        if (question.type === 'SINGLE_CHOICE' || question.type === 'TRUE_FALSE' || question.type === 'MULTIPLE_CHOICE') {
            var kind = question.type === 'MULTIPLE_CHOICE' ? 'checkbox' : 'radio';
            question.options.forEach(function (option) {
                var input = el('input', {type: kind, name: 'a-' + question.id, value: option.id,
                    id: 'a-' + question.id + '-' + option.id});
                input.checked = selected.indexOf(option.id) >= 0;
                input.addEventListener('change', function () { save(question); });
                box.appendChild(el('label', {}, [input, document.createTextNode(' ' + option.text)]));
            });
        } else if (question.type === 'MATCHING') {
            var chosen = {};
            ((answer && answer.pairs) || []).forEach(function (pair) { chosen[pair.option] = pair.choice; });
            question.options.forEach(function (option) {
                var select = el('select', {'data-option': option.id});
                select.appendChild(el('option', {value: '', text: '—'}));
                question.choices.forEach(function (choice) {
                    var item = el('option', {value: choice.id, text: choice.text});
                    item.selected = chosen[option.id] === choice.id;
                    select.appendChild(item);
                });
                select.addEventListener('change', function () { save(question); });
                box.appendChild(el('label', {}, [document.createTextNode(option.text + ' '), select]));
            });
        } else {
            var area = el(question.type === 'ESSAY' ? 'textarea' : 'input', {'class': 'answer-text'});
            area.value = (answer && answer.text) || '';
            area.addEventListener('input', function () {
                if (typing[question.id]) {
                    clearTimeout(typing[question.id].timer);
                }
                status(question.id, text.typing, 'saving');
                typing[question.id] = {question: question, timer: setTimeout(function () {
                    delete typing[question.id];
                    save(question);
                }, 800)};
            });
            box.appendChild(el('label', {}, [document.createTextNode(text.answer + ' '), area]));
            if (question.type === 'ESSAY') {
                var file = el('input', {type: 'file', 'class': 'answer-file'});
                file.addEventListener('change', function () { upload(question, file); });
                box.appendChild(el('label', {}, [document.createTextNode(text.file + ' '), file]));
            }
        }
        box.appendChild(el('span', {id: 'status-' + question.id, 'class': 'save',
            text: answer ? text.saved : ''}));
        return box;
    }

    function tick() {
        if (closed) {
            return;
        }
        var left = Math.max(0, Date.parse(attempt.deadline) - (Date.now() + clockOffset));
        var minutes = Math.floor(left / 60000);
        var seconds = Math.floor(left / 1000) % 60;
        document.getElementById('exam-clock').textContent = text.timeLeft + ' ' + minutes + ':' + (seconds < 10 ? '0' : '') + seconds;
        if (left === 0) {
            flushTyping();
            finished();
            return;
        }
        setTimeout(tick, 1000);
    }

    function showResult(result) {
        var node = document.getElementById('exam-result');
        if (result.status === 'AWAITING_GRADING') {
            node.textContent = text.awaiting;
        } else {
            node.textContent = text.score + ' ' + result.score + '/' + result.maxScore + ' (' + result.percent + '%) — '
                + (result.passed ? text.passed : text.failed);
        }
    }

    function finished() {
        if (closed) {
            return;
        }
        closed = true;
        document.querySelectorAll('#exam-questions input, #exam-questions textarea, #exam-questions select, #exam-submit')
            .forEach(function (input) { input.disabled = true; });
        document.getElementById('exam-clock').textContent = text.closed;
        call('POST', '/attempts/' + attempt.id + '/submit').then(showResult, function (error) { message(error.message); });
    }

    function show(json) {
        attempt = json;
        clockOffset = Date.parse(json.serverTime) - Date.now();
        var answers = {};
        json.answers.forEach(function (answer) { answers[answer.questionId] = answer; });
        var list = document.getElementById('exam-questions');
        list.textContent = '';
        var unsent = [];
        var number = 0;
        json.questions.forEach(function (question) {
            var local = json.status === 'OPEN' && question.type !== 'DESCRIPTION' ? kept(question) : null;
            var box = render(question, local || answers[question.id]);
            if (question.type !== 'DESCRIPTION') {
                number++;
                box.querySelector('legend').textContent = number + '. ' + question.text;
            }
            list.appendChild(box);
            if (local) {
                unsent.push(question);
            }
        });
        unsent.forEach(save);
        document.getElementById('exam-start').hidden = true;
        document.getElementById('exam-code-row').hidden = true;
        document.getElementById('exam-submit').hidden = false;
        if (json.status === 'OPEN') {
            tick();
        } else {
            closed = true;
            showResult(json.result);
        }
    }

    document.getElementById('exam-start').addEventListener('click', function () {
        message('');
        var accessCode = document.getElementById('exam-access-code').value;
        call('POST', '/assessments/' + encodeURIComponent(code) + '/attempts',
            {accessCode: accessCode || null}).then(show, function (error) {
            message(error.message);
        });
    });
    /** Submits once every answer given is on the server; until then it waits and says so. */
    function submitWhenSaved() {
        flushTyping();
        if (Object.keys(pending).length > 0) {
            message(text.unsaved);
            setTimeout(submitWhenSaved, 500);
            return;
        }
        message('');
        finished();
    }

    document.getElementById('exam-submit').addEventListener('click', submitWhenSaved);
    window.addEventListener('beforeunload', function (event) {
        if (!closed && Object.keys(pending).length > 0) {
            event.preventDefault();
            event.returnValue = text.unsaved;
        }
    });
    call('GET', '/assessments/' + encodeURIComponent(code)).then(function (assessment) {
        document.getElementById('exam-title').textContent = assessment.title;
        document.getElementById('exam-rules').textContent = text.rules
            .replace('{0}', assessment.timeLimitMinutes).replace('{1}', assessment.passPercent);
        document.getElementById('exam-code-row').hidden = !assessment.accessCodeRequired;
    }, function (error) { message(error.message); });
}());
