// The patient page of SpineTriage.Server (docs/page.md): plain JavaScript, no build step, no dependency.
// Everything the patient enters stays in this page's memory and goes only to POST /api/interview/next on this origin:
// no cookie, no localStorage or sessionStorage, nothing from or to another origin (the server's CSP says so too).
'use strict';

(() => {
  // Every word the page shows comes from the library's text registry, served per language as GET /texts/{language}.json
  // (issue 27): this table names only which registry key each part of the page reads, never a word. A key the registry
  // lacks is an error (the tests hold that every key named here is in every language), never a word of the page's own.
  const KEYS = {
    title: 'label.page.title',
    footer: 'prompt.page.footer',
    languages: 'label.page.languages',
    startHeading: 'label.page.startHeading',
    startIntro: 'prompt.page.startIntro',
    startLength: ['prompt.page.startLength', 'count', 'minutes'],
    startEmergency: 'prompt.page.startEmergency',
    dateLabel: 'label.page.dateLabel',
    dateHint: 'prompt.page.dateHint',
    dateFormat: 'prompt.page.dateFormat',
    dateMissing: 'prompt.page.dateMissing',
    dateUnreadable: 'prompt.page.dateUnreadable',
    dateYearFirst: 'prompt.page.dateYearFirst',
    dateImpossible: ['prompt.page.dateImpossible', 'date'],
    dateShortYear: 'prompt.page.dateShortYear',
    dateFuture: 'prompt.page.dateFuture',
    dateTooOld: ['prompt.page.dateTooOld', 'year'],
    start: 'label.page.start',
    neckHeading: 'prompt.neck',
    neckIncluded: 'label.page.neckIncluded',
    neckNotIncluded: 'label.page.neckNotIncluded',
    notSure: 'label.page.notSure',
    backHeading: 'prompt.back',
    upperBack: 'label.page.upperBack',
    lowerBack: 'label.page.lowerBack',
    baseOfSpine: 'label.page.baseOfSpine',
    progress: ['label.page.question', 'number'],
    moreAfter: ['prompt.page.more', 'count'],
    last: 'prompt.page.last',
    redFlag: 'prompt.page.redFlag',
    yes: 'label.answer.yes',
    no: 'label.answer.no',
    dontKnow: 'label.answer.unknown',
    earlier: ['label.page.earlier', 'answer'],
    temperatureValue: 'label.page.temperatureValue',
    temperatureHint: 'prompt.page.temperatureHint',
    unit: 'label.page.unit',
    celsius: 'label.page.celsius',
    fahrenheit: 'label.page.fahrenheit',
    continue: 'label.page.continue',
    notMeasured: 'label.page.notMeasured',
    temperatureMissing: 'prompt.page.temperatureMissing',
    temperatureRange: ['prompt.page.temperatureRange', 'low', 'high', 'unit', 'decimals'],
    painLegend: 'label.page.painLegend',
    painLow: 'label.page.painLow',
    painHigh: 'label.page.painHigh',
    skip: 'label.page.skip',
    back: 'label.page.back',
    startAgain: 'label.page.startAgain',
    working: 'label.page.working',
    resultHeading: ['label.page.resultHeading', 'urgency', 'timeframe'],
    why: 'label.page.why',
    unanswered: 'label.page.unanswered',
    unansweredIntro: 'prompt.page.unansweredIntro',
    careAdvice: 'label.page.careAdvice',
    safetyNet: 'label.page.safetyNet',
    notes: 'label.page.notes',
    ruleSet: ['label.page.ruleSet', 'version'],
    callEmergency: ['label.page.callEmergency', 'number'],
    callCareTeam: ['label.page.callCareTeam', 'number'],
    print: 'label.page.print',
    copy: 'label.page.copy',
    copied: 'prompt.page.copied',
    copyFailed: 'prompt.page.copyFailed',
    summaryTitle: 'label.page.summaryTitle',
    checkedOn: ['label.page.checkedOn', 'when'],
    operationOn: ['prompt.page.operationOn', 'date'],
    operationPeriod: ['prompt.page.operationPeriod', 'period'],
    periodHeading: 'label.page.periodHeading',
    periodIntro: 'prompt.page.periodIntro',
    approximateDate: ['prompt.page.approximateDate', 'period'],
    answersHeading: 'label.page.answersHeading',
    errorHeading: 'label.page.errorHeading',
    errorNetwork: 'prompt.page.errorNetwork',
    errorBusy: 'prompt.page.errorBusy',
    errorServer: 'prompt.page.errorServer',
    errorRefused: 'label.page.errorRefused',
    errorSafety: 'prompt.page.errorSafety',
    tryAgain: 'label.page.tryAgain',
  };

  // The registry's texts by language (GET /texts/{language}.json), each loaded once when its language is first chosen.
  const registry = {};

  // A text of the registry in the page's language with its placeholders ({name}) filled; a key or placeholder value
  // that is missing is an error, not an empty or English text.
  function text(key, values) {
    const words = registry[state.language];
    const raw = words ? words[key] : undefined;
    if (typeof raw !== 'string') throw new Error(`The text registry in ${state.language} has no text ${key}.`);
    return raw.replace(/\{([A-Za-z]+)\}/g, (mark, name) => {
      if (!values || values[name] === undefined) throw new Error(`The text ${key} needs a value for {${name}}.`);
      return String(values[name]);
    });
  }

  // The page's words in its language, by the names the screens use: a text, or a function of the text's placeholders.
  const wordings = {};
  function wording(language) {
    if (!wordings[language]) {
      const ui = {};
      for (const [name, entry] of Object.entries(KEYS)) {
        if (typeof entry === 'string') {
          Object.defineProperty(ui, name, { get: () => text(entry) });
        } else {
          const [key, ...names] = entry;
          ui[name] = (...args) => text(key, Object.fromEntries(names.map((n, i) => [n, args[i]])));
        }
      }

      ui.more = (n) => (n > 0 ? ui.moreAfter(n) : ui.last);
      // The result's heading: the urgency's name and timeframe, as the console's headline and FHIR name them.
      ui.level = (urgency) => ui.resultHeading(text(`label.urgency.${urgency}`), text(`label.timeframe.${urgency}`));
      ui.period = (period) => text(`label.page.period.${period}`);
      wordings[language] = ui;
    }

    return wordings[language];
  }

  // One tap, one answer: after a new screen appears its controls stay disabled this long, so that the second tap of a
  // double-tap (or a double click) meant for the previous screen cannot answer a question the patient has not seen.
  const SETTLE_MS = 400;

  // The whole state of the conversation, in memory only. The report is rebuilt from it for every request.
  const state = {
    language: document.documentElement.lang, // the service's language until the settings say which to use (start)
    screen: 'date',
    surgeryDate: '',
    period: undefined, // a period chosen instead of an exact date (PERIODS); surgeryDate is then its most recent day
    earliestSurgeryDate: undefined, // the period's earliest day
    region: undefined,
    answers: {},
    temperature: undefined,
    painScore: undefined,
    skipped: [],
    done: [], // what was answered, in order: { kind: 'date' | 'neck' | 'back' | 'item', id }
    undone: undefined, // the reply taken back by Back, shown as "your earlier answer"
    step: undefined, // the API's last answer
    texts: {}, // question id -> { text, language } as the interview worded it
    total: undefined,
    error: undefined,
    busy: false,
    snapshots: [], // one per history entry: the state of that screen (memory only)
    position: -1, // the history entry shown
    run: 1, // which patient's entries (Start again begins a new run)
    restoring: false,
    settling: false, // the new screen's controls are disabled until SETTLE_MS after it appeared
    taken: false, // this screen already took its one answer (or action)
    screenKey: '',
    settleTimer: undefined,
    renders: 0,
    phones: undefined, // the deployment's numbers (GET /page-settings.json)
    setup: undefined, // the service's languages, whether the interview asks the region, and each input's limits (GET /page-settings.json)
    resultAt: undefined, // when the result arrived
  };

  const main = document.getElementById('main');
  const t = () => wording(state.language);

  // --- small DOM helpers (no innerHTML: every text goes in as text) ---
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'text') node.textContent = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2).toLowerCase(), value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child !== undefined && child !== null && child !== false) node.append(child);
    }
    return node;
  }

  function button(label, onClick, className, extra) {
    return el('button', { type: 'button', class: className, onClick: guarded(onClick), ...extra }, label);
  }

  // One tap, one answer: a control acts only once the screen has settled, only once per screen, and never while a
  // request runs; the controls carry `disabled` meanwhile, so a second tap finds nothing to press.
  function canAnswer() {
    return !state.busy && !state.settling && !state.taken;
  }

  function take() {
    state.taken = true;
    applyDisabled();
  }

  function guarded(handler) {
    return (event) => {
      if (!canAnswer()) return;
      take();
      handler(event);
    };
  }

  // A button that is not an answer (print, copy): it waits for the screen to settle but does not use up its one answer.
  function tool(label, onClick) {
    return el('button', { type: 'button', class: 'secondary', 'data-keep': 'true', onClick: () => {
      if (!state.busy && !state.settling) onClick();
    } }, label);
  }

  function applyDisabled() {
    const locked = state.busy || state.settling || state.taken;
    main.setAttribute('aria-busy', state.busy ? 'true' : 'false');
    // Buttons and radio buttons act on a tap; text and date fields do not (and stay reachable), except during a request.
    for (const control of main.querySelectorAll('button, input')) {
      control.disabled = control.type === 'text' || control.type === 'date' ? state.busy
        : control.dataset.keep ? state.busy || state.settling : locked;
    }
  }

  function settle() {
    clearTimeout(state.settleTimer);
    state.settling = true;
    main.dataset.settling = 'true';
    state.settleTimer = setTimeout(() => {
      state.settling = false;
      delete main.dataset.settling;
      applyDisabled();
    }, SETTLE_MS);
  }

  function localDate(date) {
    const pad = (n) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }

  const today = () => localDate(new Date());

  // The operation date as typed, year first in every language (ISO 8601: 2026-03-01), so that a day and a month are never
  // swapped. Also taken: one or two digits for the month and the day, and a slash, dot, comma or space between the
  // parts (a phone's number pad may have no dash), or the 8 digits alone (20260301). The library's rules follow: a day
  // that exists, from the earliest date the service takes (its limits), not after today. Gives { value: 'yyyy-MM-dd' } or { error: message }.
  function readDate(typed) {
    const ui = t();
    const text = typed.trim().replace(/[\u2010-\u2015\u2212]/g, '-');
    const separated = /^(\d+)\s*[-/., ]\s*(\d+)\s*[-/., ]\s*(\d+)$/.exec(text);
    const parts = separated ? separated.slice(1) : /^\d{8}$/.test(text) ? [text.slice(0, 4), text.slice(4, 6), text.slice(6)] : undefined;
    if (text === '') return { error: ui.dateMissing };
    if (!parts) return { error: /^\d{6}$/.test(text) ? ui.dateShortYear : ui.dateUnreadable };
    const [year, month, day] = parts;
    if (year.length !== 4) {
      // 01/03/2026 (the day or the month first) is refused, not guessed: its order differs between countries.
      if (day.length === 4 && year.length <= 2 && month.length <= 2) return { error: ui.dateYearFirst };
      return { error: year.length <= 2 && month.length <= 2 && day.length <= 2 ? ui.dateShortYear : ui.dateUnreadable };
    }
    if (year.startsWith('00')) return { error: ui.dateShortYear }; // 0026: a two-digit year padded
    if (month.length > 2 || day.length > 2) return { error: ui.dateUnreadable };
    const pad = (n) => n.padStart(2, '0');
    const value = `${year}-${pad(month)}-${pad(day)}`;
    const date = new Date(Number(year), Number(month) - 1, Number(day));
    if (Number(month) < 1 || Number(day) < 1 || date.getMonth() !== Number(month) - 1 || date.getDate() !== Number(day)) {
      return { error: ui.dateImpossible(value) };
    }
    const earliest = state.setup.limits.surgeryDate.earliest;
    if (value < earliest) return { error: ui.dateTooOld(earliest.slice(0, 4)) };
    if (value > today()) return { error: ui.dateFuture };
    return { value };
  }

  // "I don't know the exact date": the periods, as the fewest and most days since the operation (no most: any date
  // back to the earliest the service takes). The interview asks every question of any day of the period and decides on its most recent
  // day (docs/page.md).
  const PERIODS = [
    { id: 'under2w', fewest: 0, most: 13 },
    { id: 'from2to6w', fewest: 14, most: 42 },
    { id: 'from6wTo90d', fewest: 43, most: 90 },
    { id: 'over90d', fewest: 91, most: null },
    { id: 'unsure', fewest: 0, most: null },
  ];

  function daysAgo(days) {
    const now = new Date();
    return localDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() - days));
  }

  // --- the report and the API ---
  function report() {
    const body = { surgeryDate: state.surgeryDate, assessedOn: today(), language: state.language, answers: { ...state.answers } };
    if (state.earliestSurgeryDate) body.earliestSurgeryDate = state.earliestSurgeryDate;
    if (state.region) body.surgeryRegion = state.region;
    if (state.temperature) body.temperature = state.temperature;
    if (state.painScore !== undefined) body.painScore = state.painScore;
    if (state.skipped.length > 0) body.skipped = [...state.skipped];
    return body;
  }

  async function ask() {
    setBusy(true);
    const status = document.getElementById('status');
    // "Please wait…" only when the wait is long enough to notice (500 ms), so that quick answers do not flicker.
    const waiting = setTimeout(() => { status.textContent = t().working; }, 500);
    try {
      const response = await fetch('/page/interview/next', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(report()),
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
      const body = await response.json().catch(() => undefined);
      if (!response.ok || body === undefined || (!body.done && !body.next)) {
        // 400: the answers were refused (the service's own messages); 429: too many requests; anything else: a failure.
        state.error = response.status === 400 && body && body.errors ? { messages: body.errors.map((e) => e.message) }
          : { kind: response.status === 429 ? 'busy' : 'server' };
        state.screen = 'error';
      } else {
        state.step = body;
        state.error = undefined;
        if (!body.done) {
          state.texts[body.next.id] = { text: body.next.text, language: state.language };
        }
        state.screen = body.done ? 'result' : 'item';
        if (body.done) state.resultAt = new Date();
      }
    } catch {
      state.error = { kind: 'network' };
      state.screen = 'error';
    } finally {
      clearTimeout(waiting);
      status.textContent = '';
      setBusy(false);
    }
    render();
  }

  const fetchOptions = { credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' };

  // What the page needs besides the texts (GET /page-settings.json): the deployment's telephone numbers
  // (Page:EmergencyNumber, Page:CareTeamNumber), the registry's languages and the service's own, whether the interview
  // asks the spine region, and each input's limits as the library validates them.
  async function loadSettings() {
    const response = await fetch('/page-settings.json', fetchOptions);
    if (!response.ok) throw new Error(`page settings: ${response.status}`);
    const settings = await response.json();
    state.phones = { emergencyNumber: settings.emergencyNumber, careTeamNumber: settings.careTeamNumber };
    state.setup = settings;
  }

  // The registry's texts in a language (GET /texts/{language}.json), once. A language the registry lacks is an error
  // (404), never another language's words.
  async function loadTexts(language) {
    if (registry[language]) return;
    const response = await fetch(`/texts/${encodeURIComponent(language)}.json`, fetchOptions);
    if (!response.ok) throw new Error(`texts ${language}: ${response.status}`);
    const body = await response.json();
    if (body.language !== language || !body.texts) throw new Error(`texts ${language}: not the texts of that language`);
    registry[language] = body.texts;
  }

  async function loadTotal() {
    try {
      const response = await fetch('/api/questions', fetchOptions);
      const catalogue = await response.json();
      state.total = catalogue.questions.length + 2; // the questions, the temperature and the pain score
      showLength();
    } catch {
      state.total = undefined; // the start page then names no length
    }
  }

  // The start page's length, from the service's catalogue (never a number typed into the page); in place, so that a
  // date being typed is not disturbed. About 10 seconds a question, rounded up to whole minutes.
  function showLength() {
    const length = document.getElementById('start-length');
    if (!length) return;
    length.textContent = state.total ? t().startLength(state.total, Math.ceil((state.total * 10) / 60)) : '';
  }

  function setBusy(busy) {
    state.busy = busy;
    applyDisabled();
  }

  // --- replies ---
  function answered(entry) {
    state.done.push(entry);
    state.undone = undefined;
  }

  function reply(id, value) {
    state.answers[id] = value;
    answered({ kind: 'item', id });
    ask();
  }

  // --- history: every screen is a browser history entry (no URL change, nothing in it but its number); the answers
  // of each screen are kept in this page's memory only, so Back and Forward (the page's or the browser's) go from screen
  // to screen with nothing lost, and a reload or leaving asks first.
  const KEPT = ['screen', 'language', 'surgeryDate', 'period', 'earliestSurgeryDate', 'region', 'answers', 'temperature', 'painScore', 'skipped', 'done', 'step'];

  function snapshot() {
    const kept = {};
    for (const name of KEPT) kept[name] = state[name];
    return JSON.parse(JSON.stringify(kept));
  }

  function record(mode) {
    const entry = { spinetriage: state.position + (mode === 'push' ? 1 : 0), run: state.run };
    if (mode === 'push') {
      state.position += 1;
      state.snapshots.length = state.position;
      state.snapshots.push(snapshot());
      window.history.pushState(entry, '');
    } else {
      state.position = Math.max(state.position, 0);
      entry.spinetriage = state.position;
      state.snapshots[state.position] = snapshot();
      window.history.replaceState(entry, '');
    }
  }

  // The reply given on a screen, as the screen after it holds it: shown as "your earlier answer" when coming back.
  function replyOn(kept, after) {
    if (!after || kept.screen !== 'item') return undefined;
    const id = kept.step.next.id;
    if (id === 'temperature') return after.temperature || (after.skipped.includes('temperature') ? 'notMeasured' : undefined);
    if (id === 'painScore') return after.painScore !== undefined ? after.painScore : after.skipped.includes('painScore') ? 'skipped' : undefined;
    return after.answers[id] === undefined ? undefined : after.answers[id];
  }

  function restore(position) {
    const kept = state.snapshots[position];
    if (!kept) return;
    const language = state.language;
    Object.assign(state, JSON.parse(JSON.stringify(kept)));
    state.position = position;
    const after = state.snapshots[position + 1];
    if (kept.screen === 'date' && after && !after.period) state.surgeryDate = after.surgeryDate; // the date given stays in its field
    const earlier = replyOn(kept, after);
    state.undone = earlier === undefined ? undefined : { id: kept.step.next.id, value: earlier };
    state.error = undefined;
    state.dateDraft = undefined;
    state.temperatureDraft = undefined;
    state.restoring = true;
    if (language !== kept.language && (state.screen === 'item' || (state.screen === 'result' && !reword(language)))) {
      state.language = language; // worded again in the language chosen since
      ask();
    } else {
      state.language = language;
      render();
    }
  }

  window.addEventListener('popstate', (event) => {
    const entry = event.state;
    if (!entry || entry.run !== state.run || typeof entry.spinetriage !== 'number' || state.busy) return;
    restore(entry.spinetriage);
  });

  // Reloading or leaving mid-interview (or with a result on the screen) asks first.
  window.addEventListener('beforeunload', (event) => {
    if (state.done.length > 0) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  function goBack() {
    // On an error screen, Back returns to the screen the error came from; otherwise to the screen before.
    if (state.screen === 'error') restore(state.position);
    else window.history.back();
  }

  function startAgain() {
    Object.assign(state, {
      screen: 'date', surgeryDate: '', period: undefined, earliestSurgeryDate: undefined, region: undefined, answers: {}, temperature: undefined, painScore: undefined,
      skipped: [], done: [], undone: undefined, step: undefined, error: undefined, dateDraft: undefined, temperatureDraft: undefined,
      snapshots: [], position: -1, run: state.run + 1, // the entries of the last patient restore nothing
    });
    render();
  }

  // --- screens ---
  function heading(text, extra) {
    return el('h1', { tabindex: '-1', id: 'screen-heading', ...extra }, text);
  }

  // A field's error is shown in place (the field keeps what was typed, and its unit), linked to the field, which gets the focus.
  function showFieldError(input, errorId, hintId, message) {
    let error = document.getElementById(errorId);
    if (!error) {
      error = el('p', { class: 'field-error', id: errorId });
      input.before(error);
    }
    error.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', `${errorId} ${hintId}`);
    input.focus();
  }

  function backButton() {
    return button(t().back, goBack, 'secondary back');
  }

  function dateScreen() {
    const ui = t();
    // A text field, not the browser's date picker, whose format follows the browser's language (mm/dd/yyyy in a
    // Spanish page in an American browser): the date is typed year first in every language (readDate).
    const input = el('input', {
      type: 'text', inputmode: 'numeric', id: 'surgery-date', name: 'surgeryDate', required: true, maxlength: '20',
      value: state.dateDraft !== undefined ? state.dateDraft : state.surgeryDate, autocomplete: 'off', spellcheck: 'false',
      'aria-describedby': 'surgery-date-format surgery-date-hint',
      onInput: () => { state.dateDraft = input.value; },
    });
    const form = el('form', { class: 'stack', novalidate: true, onSubmit: (event) => {
      event.preventDefault();
      if (!canAnswer()) return;
      const { value, error } = readDate(input.value);
      if (error) {
        showFieldError(input, 'surgery-date-error', 'surgery-date-format surgery-date-hint', error);
        return;
      }
      take();
      state.dateDraft = undefined;
      state.surgeryDate = value;
      state.period = undefined;
      state.earliestSurgeryDate = undefined;
      answered({ kind: 'date' });
      afterDate();
    } },
    el('div', { class: 'field' },
      el('label', { for: 'surgery-date' }, ui.dateLabel),
      el('p', { class: 'hint', id: 'surgery-date-format' }, ui.dateFormat),
      el('p', { class: 'hint', id: 'surgery-date-hint' }, ui.dateHint),
      input),
    el('button', { type: 'submit', class: 'primary' }, ui.start));
    return [
      heading(ui.startHeading),
      el('p', {}, ui.startIntro),
      el('p', { id: 'start-length' }, state.total ? ui.startLength(state.total, Math.ceil((state.total * 10) / 60)) : ''),
      el('p', { class: 'notice emergency-notice' }, ui.startEmergency),
      form,
      el('section', { class: 'block period', 'aria-labelledby': 'period-heading' },
        el('h2', { id: 'period-heading' }, ui.periodHeading),
        el('p', { id: 'period-intro' }, ui.periodIntro),
        el('div', { class: 'choices', role: 'group', 'aria-labelledby': 'period-heading', 'aria-describedby': 'period-intro' },
          PERIODS.map((period) => button(ui.period(period.id), () => {
            state.dateDraft = undefined;
            state.period = period.id;
            state.surgeryDate = daysAgo(period.fewest);
            state.earliestSurgeryDate = period.most === null ? state.setup.limits.surgeryDate.earliest : daysAgo(period.most);
            answered({ kind: 'date' });
            afterDate();
          }, 'choice')))),
    ];
  }

  // The spine region is asked only when the service's rule set reads it (GET /page-settings.json: asksRegion); else
  // the questions start at once.
  function afterDate() {
    if (state.setup.asksRegion) {
      state.screen = 'neck';
      render();
    } else {
      ask();
    }
  }

  function choiceScreen(title, choices, kind) {
    return [
      heading(title),
      el('div', { class: 'choices', role: 'group', 'aria-labelledby': 'screen-heading' }, choices.map(([label, region]) => button(label, () => {
        state.region = region;
        answered({ kind });
        if (kind === 'neck' && region === 'notCervical') {
          state.region = undefined;
          state.screen = 'back';
          render();
        } else {
          ask();
        }
      }, 'choice'))),
      el('div', { class: 'actions' }, backButton()),
    ];
  }

  function neckScreen() {
    const ui = t();
    return choiceScreen(ui.neckHeading, [[ui.neckIncluded, 'cervical'], [ui.neckNotIncluded, 'notCervical'], [ui.notSure, undefined]], 'neck');
  }

  function backScreen() {
    const ui = t();
    return choiceScreen(ui.backHeading, [[ui.upperBack, 'thoracic'], [ui.lowerBack, 'lumbar'], [ui.baseOfSpine, 'sacral'], [ui.notSure, undefined]], 'back');
  }

  // Honest progress: the number of this question among those asked (Back counts down again), and how many the
  // service says may still follow at most (next.remaining counts this one); the interview often stops sooner.
  function questionNumber() {
    return state.done.filter((d) => d.kind === 'item').length + 1;
  }

  function progress(next) {
    const ui = t();
    const more = Math.max(0, (next.remaining || 1) - 1);
    const n = questionNumber();
    return el('div', { class: 'progress' },
      el('p', { id: 'progress-text' }, ui.more(more)),
      el('progress', { max: String(n + more), value: String(n), 'aria-labelledby': 'progress-text' }));
  }

  function earlierAnswer(id, describe) {
    if (!state.undone || state.undone.id !== id) return null;
    return el('p', { class: 'earlier' }, t().earlier(describe(state.undone.value)));
  }

  function itemScreen() {
    const ui = t();
    const next = state.step.next;
    // The question number is inside the heading that gets the focus, so a screen reader reads it with the question.
    // A question that names several signs (the step's lead and signs, when the service gives them) shows its lead in the
    // heading and the signs as a list under it, with the answer hint; else its one text.
    const signs = Array.isArray(next.signs) && next.signs.length > 0 && typeof next.lead === 'string' ? next.signs : undefined;
    const title = el('h1', { tabindex: '-1', id: 'screen-heading', class: next.redFlag ? 'red-flag-question' : undefined },
      el('span', { class: 'question-number' }, ui.progress(questionNumber())), ' ', el('span', { class: 'question-text', id: 'question-text' }, signs ? next.lead : next.text));
    const parts = [title];
    if (signs) {
      parts.push(el('ul', { class: 'signs', id: 'question-signs' }, signs.map((sign) => el('li', {}, sign))));
      if (typeof next.hint === 'string') parts.push(el('p', { class: 'hint', id: 'question-hint' }, next.hint));
    }
    parts.push(progress(next));
    if (next.redFlag) parts.push(el('p', { class: 'notice red-flag' }, ui.redFlag));
    if (next.kind === 'temperature') parts.push(...temperatureControls(next));
    else if (next.kind === 'painScore') parts.push(...painControls(next));
    else {
      const names = { yes: ui.yes, no: ui.no, unknown: ui.dontKnow };
      parts.push(earlierAnswer(next.id, (v) => names[v] || v));
      // The answers are a group named by the question (its heading), so they are read together.
      parts.push(el('div', { class: 'choices answers', role: 'group', 'aria-labelledby': signs ? 'question-text question-signs' : 'question-text' },
        button(ui.yes, () => reply(next.id, 'yes'), 'choice'),
        button(ui.no, () => reply(next.id, 'no'), 'choice'),
        button(ui.dontKnow, () => reply(next.id, 'unknown'), 'choice')));
    }
    parts.push(el('div', { class: 'actions' }, backButton()));
    return parts;
  }

  function temperatureControls(next) {
    const ui = t();
    const previous = state.undone && state.undone.id === next.id && typeof state.undone.value === 'object' ? state.undone.value : undefined;
    // What the patient typed and chose stays (a language switch draws the screen again); else the earlier answer.
    const draft = state.temperatureDraft || (previous ? { text: String(previous.value), unit: previous.unit } : undefined);
    const unit = draft ? draft.unit : state.language === 'en' && navigator.language === 'en-US' ? 'fahrenheit' : 'celsius';
    const value = el('input', {
      type: 'text', inputmode: 'decimal', id: 'temperature-value', autocomplete: 'off', spellcheck: 'false',
      value: draft ? draft.text : '',
      'aria-describedby': 'temperature-hint',
    });
    const radio = (id, label) => el('div', { class: 'radio' },
      el('input', { type: 'radio', name: 'unit', id: `unit-${id}`, value: id, checked: unit === id }),
      el('label', { for: `unit-${id}` }, label));
    const chosenUnit = () => form.querySelector('input[name="unit"]:checked').value;
    const keep = () => { state.temperatureDraft = { text: value.value, unit: chosenUnit() }; };
    const form = el('form', { class: 'stack', novalidate: true, onInput: keep, onChange: keep, onSubmit: (event) => {
      event.preventDefault();
      if (!canAnswer()) return;
      const chosen = chosenUnit();
      // Both decimal separators: 38.5 and 38,5.
      const entered = value.value.trim().replace(',', '.');
      const number = Number(entered);
      // The service's limits (GET /page-settings.json), never numbers of the page's own.
      const limits = state.setup.limits.temperature;
      const { min: low, max: high } = limits[chosen];
      const shape = new RegExp(`^\\d{2,3}(\\.\\d{1,${limits.decimals}})?$`);
      const error = entered === '' ? ui.temperatureMissing
        : !shape.test(entered) || number < low || number > high ? ui.temperatureRange(low, high, chosen === 'celsius' ? '°C' : '°F', limits.decimals) : undefined;
      if (error) {
        showFieldError(value, 'temperature-error', 'temperature-hint', error);
        return;
      }
      take();
      state.temperatureDraft = undefined;
      state.temperature = { value: number, unit: chosen };
      answered({ kind: 'item', id: next.id });
      ask();
    } },
    el('div', { class: 'field' },
      el('label', { for: 'temperature-value' }, ui.temperatureValue),
      el('p', { class: 'hint', id: 'temperature-hint' }, ui.temperatureHint),
      value),
    el('fieldset', { class: 'units' }, el('legend', {}, ui.unit), radio('celsius', ui.celsius), radio('fahrenheit', ui.fahrenheit)),
    el('div', { class: 'choices' },
      el('button', { type: 'submit', class: 'primary' }, ui.continue),
      button(ui.notMeasured, () => {
        state.temperatureDraft = undefined;
        state.skipped.push('temperature');
        answered({ kind: 'item', id: next.id });
        ask();
      }, 'choice')));
    return [earlierAnswer(next.id, (v) => (v === 'notMeasured' ? ui.notMeasured : `${v.value} ${v.unit === 'celsius' ? '°C' : '°F'}`)), form];
  }

  function painControls(next) {
    const ui = t();
    const scores = [];
    const { min, max } = state.setup.limits.painScore;
    for (let score = min; score <= max; score += 1) {
      scores.push(button(String(score), () => {
        state.painScore = score;
        answered({ kind: 'item', id: next.id });
        ask();
      }, 'score'));
    }
    return [
      earlierAnswer(next.id, (v) => (v === 'skipped' ? ui.skip : String(v))),
      el('fieldset', { class: 'pain' },
        el('legend', {}, ui.painLegend),
        el('div', { class: 'scores' }, scores),
        el('p', { class: 'hint scale' }, el('span', {}, ui.painLow), el('span', {}, ui.painHigh))),
      el('div', { class: 'choices' }, button(ui.skip, () => {
        state.skipped.push('painScore');
        answered({ kind: 'item', id: next.id });
        ask();
      }, 'choice')),
    ];
  }

  function resultScreen() {
    const ui = t();
    const result = state.step.result;
    const call = callLink(result.urgency);
    const parts = [
      el('section', { class: `verdict level-${result.urgency}`, 'aria-labelledby': 'screen-heading' },
        heading(ui.level(result.urgency)),
        el('p', { class: 'disposition' }, result.disposition),
        call ? el('p', { class: 'call-line' }, el('a', { class: 'call', href: `tel:${call.number.replace(/[^+0-9]/g, '')}` }, call.label)) : null),
    ];
    if (state.period) parts.push(el('p', { class: 'notice', id: 'approximate-date' }, ui.approximateDate(ui.period(state.period))));
    parts.push(el('section', { class: 'block findings', 'aria-labelledby': 'findings-heading' },
      el('h2', { id: 'findings-heading' }, ui.why),
      shownFindings(result).map((finding) => el('div', { class: `finding level-${finding.urgency}` },
        el('h3', {}, finding.title),
        el('p', {}, finding.patientExplanation)))));
    // The questions the patient answered "Don't know" (not those the interview did not need to ask); not on an
    // emergency, which asks for nothing but the call.
    const unanswered = result.urgency === 'emergency' ? [] : (result.unansweredQuestions || []).filter((id) => state.answers[id] === 'unknown');
    if (unanswered.length > 0) {
      parts.push(el('section', { class: 'block unanswered', 'aria-labelledby': 'unanswered-heading' },
        el('h2', { id: 'unanswered-heading' }, ui.unanswered),
        el('p', {}, ui.unansweredIntro),
        el('ul', {}, unanswered.map((id) => {
          const known = questionText(id);
          return el('li', { lang: known && known.language !== state.language ? known.language : undefined }, known ? known.text : id);
        }))));
    }
    if (result.careAdvice && result.careAdvice.length > 0) {
      parts.push(el('section', { class: 'block', 'aria-labelledby': 'advice-heading' },
        el('h2', { id: 'advice-heading' }, ui.careAdvice),
        el('ul', {}, result.careAdvice.map((line) => el('li', {}, line)))));
    }
    if (result.safetyNet && result.safetyNet.length > 0) {
      // Every line in order (contract.md): an opening line, one line per warning sign, then the call-back line.
      const lines = result.safetyNet;
      const section = el('section', { class: 'block safety-net', 'aria-labelledby': 'safety-heading' }, el('h2', { id: 'safety-heading' }, ui.safetyNet));
      if (lines.length >= 3 && lines[0].trim().endsWith(':')) {
        section.append(el('p', {}, lines[0]), el('ul', {}, lines.slice(1, -1).map((line) => el('li', {}, line))), el('p', {}, lines[lines.length - 1]));
      } else {
        section.append(...lines.map((line) => el('p', {}, line)));
      }
      parts.push(section);
    }
    if (result.warnings && result.warnings.length > 0) {
      parts.push(el('section', { class: 'block', 'aria-labelledby': 'notes-heading' },
        el('h2', { id: 'notes-heading' }, ui.notes),
        el('ul', {}, result.warnings.map((line) => el('li', {}, line)))));
    }
    if (result.ruleSet) parts.push(el('p', { class: 'small' }, ui.ruleSet(result.ruleSet.version)));
    parts.push(el('p', { id: 'copy-status', class: 'small', role: 'status' }));
    parts.push(el('div', { class: 'actions' },
      tool(ui.print, () => window.print()),
      tool(ui.copy, copySummary),
      backButton(), button(ui.startAgain, startAgain, 'secondary')));
    parts.push(el('section', { class: 'print-summary' }, summary().map((line) => el(line.tag, { class: line.class }, line.text))));
    return parts;
  }

  // The tap-to-call link: the emergency number on an emergency; the surgeon's team's, when the deployment gives one,
  // on urgent and soon.
  function callLink(urgency) {
    const ui = t();
    const { emergencyNumber, careTeamNumber } = state.phones;
    if (urgency === 'emergency') return { number: emergencyNumber, label: ui.callEmergency(emergencyNumber) };
    if ((urgency === 'urgent' || urgency === 'soon') && careTeamNumber) return { number: careTeamNumber, label: ui.callCareTeam(careTeamNumber) };
    return undefined;
  }

  // On an emergency only the emergency findings are shown: a lower finding's words (for example "answer the rest of the
  // questions") would contradict "call now". The texts themselves are the library's, unchanged.
  function shownFindings(result) {
    return result.urgency === 'emergency' ? result.findings.filter((f) => f.urgency === 'emergency') : result.findings;
  }

  // A question's text in the page's language: from the settled answer's texts, else as the interview worded it.
  function questionText(id) {
    const worded = state.step && state.step.questions && state.step.questions[state.language];
    if (worded && worded[id]) return { text: worded[id], language: state.language };
    return state.texts[id];
  }

  function replyText(id) {
    const ui = t();
    if (id === 'temperature') {
      return state.temperature ? `${state.temperature.value} ${state.temperature.unit === 'celsius' ? '°C' : '°F'}` : ui.notMeasured;
    }
    if (id === 'painScore') return state.painScore === undefined ? ui.skip : `${state.painScore} / 10`;
    return { yes: ui.yes, no: ui.no, unknown: ui.dontKnow }[state.answers[id]] || '';
  }

  // The printable and copyable summary: the urgency and what to do, when, the operation date, each question with the
  // answer given, the findings and the safety net. Built from what is in memory; nothing is sent anywhere.
  function summary() {
    const ui = t();
    const result = state.step.result;
    const call = callLink(result.urgency);
    const lines = [
      { tag: 'p', class: 'print-title', text: ui.summaryTitle },
      { tag: 'p', class: 'print-level', text: ui.level(result.urgency) },
      { tag: 'p', class: 'print-strong', text: result.disposition },
    ];
    if (call) lines.push({ tag: 'p', class: 'print-strong', text: call.label });
    lines.push({ tag: 'p', text: ui.checkedOn((state.resultAt ? new Date(state.resultAt) : new Date()).toLocaleString(state.language)) });
    lines.push({ tag: 'p', text: state.period ? ui.operationPeriod(ui.period(state.period)) : ui.operationOn(state.surgeryDate) });
    lines.push({ tag: 'h2', text: ui.answersHeading });
    for (const entry of state.done.filter((d) => d.kind === 'item')) {
      const known = questionText(entry.id);
      lines.push({ tag: 'p', text: `${known ? known.text : entry.id} ${replyText(entry.id)}` });
    }
    lines.push({ tag: 'h2', text: ui.why });
    for (const finding of shownFindings(result)) lines.push({ tag: 'p', text: `${finding.title}: ${finding.patientExplanation}` });
    if (result.safetyNet && result.safetyNet.length > 0) {
      lines.push({ tag: 'h2', text: ui.safetyNet });
      for (const line of result.safetyNet) lines.push({ tag: 'p', text: line });
    }
    return lines;
  }

  async function copySummary() {
    const status = document.getElementById('copy-status');
    const text = summary().map((line) => (line.tag === 'h2' ? `\n${line.text}` : line.text)).join('\n');
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = t().copied;
    } catch {
      status.textContent = t().copyFailed;
    }
  }

  function errorScreen() {
    const ui = t();
    const error = state.error || {};
    return [
      heading(ui.errorHeading),
      el('p', { class: 'notice emergency-notice' }, ui.errorSafety),
      error.messages ? [el('p', {}, ui.errorRefused), el('ul', { lang: 'en' }, error.messages.map((m) => el('li', {}, m)))]
        : el('p', {}, error.kind === 'busy' ? ui.errorBusy : error.kind === 'network' ? ui.errorNetwork : ui.errorServer),
      el('div', { class: 'actions' },
        button(ui.tryAgain, ask, 'primary'),
        state.done.length > 0 ? backButton() : null,
        button(ui.startAgain, startAgain, 'secondary')),
    ];
  }

  function chrome() {
    const ui = t();
    document.documentElement.lang = state.language;
    document.title = ui.title;
    document.getElementById('brand').textContent = ui.title;
    document.getElementById('footer-note').textContent = ui.footer;
    const group = document.getElementById('languages');
    group.setAttribute('aria-label', ui.languages);
    for (const choice of group.querySelectorAll('button')) {
      choice.setAttribute('aria-pressed', choice.dataset.language === state.language ? 'true' : 'false');
    }
  }

  function render(initial) {
    chrome();
    const screens = { date: dateScreen, neck: neckScreen, back: backScreen, item: itemScreen, result: resultScreen, error: errorScreen };
    const content = screens[state.screen]();
    main.replaceChildren(...content.flat().filter((node) => node));
    // A new screen (after an action, or another question or language) settles before it takes a tap; the same screen
    // drawn again (a field's error, the catalogue arriving) keeps its state.
    const key = `${state.screen}:${state.screen === 'item' ? state.step.next.id : ''}:${state.language}`;
    if (state.taken || state.restoring || key !== state.screenKey) {
      // History: an action makes a new entry; another language or the first screen replaces the entry; an error screen
      // is shown over the entry it came from; a screen brought back by Back or Forward is already an entry.
      if (state.screen !== 'error' && !state.restoring) record(state.taken && state.position >= 0 ? 'push' : 'replace');
      state.screenKey = key;
      state.taken = false;
      state.restoring = false;
      settle();
    }
    applyDisabled();
    main.dataset.screen = state.screen === 'item' ? state.step.next.kind : state.screen;
    main.dataset.item = state.screen === 'item' ? state.step.next.id : '';
    state.renders += 1;
    main.dataset.render = String(state.renders); // for tests and tools: which screen, how many so far
    main.dataset.level = state.screen === 'result' ? state.step.result.urgency : '';
    main.dataset.answered = String(state.done.filter((d) => d.kind === 'item').length);
    const title = document.getElementById('screen-heading');
    if (title && !initial) title.focus(); // each new screen starts at its heading (not on page load)
  }

  // A settled answer holds the result in every language (one triage, one audit record): switching language on a
  // result only shows the other wording.
  function reword(language) {
    if (state.screen !== 'result' || !state.step.results || !state.step.results[language]) return false;
    state.step.result = state.step.results[language];
    return true;
  }

  async function setLanguage(language) {
    if (language === state.language || state.busy) return;
    if (!registry[language]) {
      setBusy(true);
      try {
        await loadTexts(language);
      } catch {
        // The other language's texts could not be loaded: the page stays in its language and says so.
        setBusy(false);
        document.getElementById('status').textContent = t().errorNetwork;
        return;
      }
      setBusy(false);
    }
    document.getElementById('status').textContent = '';
    state.language = language;
    // A question is worded by the API: ask again in the new language (not a triage: nothing is settled).
    if (state.screen === 'item' || (state.screen === 'result' && !reword(language))) ask();
    else render();
  }

  for (const choice of document.querySelectorAll('#languages button')) {
    choice.addEventListener('click', () => setLanguage(choice.dataset.language));
  }

  // The start: the settings, then the texts of the browser's language when the registry has it, else of the service's
  // language (the one index.html is written in). Nothing is shown until the texts are there; if they cannot be loaded,
  // the page shows the service's words for it, written into index.html by the server.
  async function begin() {
    try {
      await loadSettings();
      const wanted = (navigator.language || '').toLowerCase().split('-')[0];
      state.language = state.setup.languages.includes(wanted) ? wanted : state.setup.language;
      await loadTexts(state.language);
    } catch {
      main.dataset.screen = 'failed';
      document.getElementById('texts-failed').hidden = false;
      return;
    }

    render(true);
    loadTotal();
  }

  begin();
})();
