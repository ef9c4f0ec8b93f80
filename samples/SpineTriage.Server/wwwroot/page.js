// The patient page of SpineTriage.Server (docs/page.md): plain JavaScript, no build step, no dependency.
// Everything the patient enters stays in this page's memory and goes only to POST /api/interview/next on this origin:
// no cookie, no localStorage or sessionStorage, nothing from or to another origin (the server's CSP says so too).
'use strict';

(() => {
  // The page's own words in each language; the questions and the result come from the API in the chosen language.
  const UI = {
    en: {
      title: 'Symptom check after spine surgery',
      brand: 'Symptom check after spine surgery',
      footer: 'This check does not replace your care team. If you feel very unwell, call emergency services.',
      languages: 'Language',
      startHeading: 'Check your symptoms after spine surgery',
      startIntro: 'Answer some questions about how you feel now. At the end you will see how soon to get care, and why.',
      startLength: (most, minutes) => `You will answer at most ${most} questions. It takes about ${minutes} minutes or less.`,
      startEmergency: 'If you have trouble breathing, chest pain, or you cannot wake someone, call emergency services now. Do not use this check.',
      dateLabel: 'Date of your operation',
      dateHint: 'If you had more than one operation, give the date of the latest one.',
      dateFormat: 'Type the year, then the month, then the day. For example: 2026-03-01.',
      dateMissing: 'Enter the date of your operation.',
      dateUnreadable: 'Type the date as year-month-day. For example: 2026-03-01.',
      dateYearFirst: 'Put the year first, then the month and the day. For example: 2026-03-01.',
      dateImpossible: (date) => `There is no such date as ${date}. Check the day and the month.`,
      dateShortYear: 'Type the year with 4 digits, for example 2026.',
      dateFuture: 'The date of your operation cannot be after today.',
      dateTooOld: 'The year of your operation must be 1900 or later.',
      start: 'Start',
      neckHeading: 'Did your operation include any part of your neck?',
      neckIncluded: 'Neck included',
      neckNotIncluded: 'Neck not included',
      notSure: 'Not sure',
      backHeading: 'Which part of your back was operated on?',
      upperBack: 'Upper or middle back',
      lowerBack: 'Lower back',
      baseOfSpine: 'Base of the spine',
      progress: (n) => `Question ${n}`,
      more: (n) => (n > 0 ? `At most ${n} more after this one.` : 'This is the last question.'),
      progressLabel: 'Progress',
      redFlag: 'Warning sign: this question checks for a problem that may need care at once. Please answer carefully.',
      yes: 'Yes',
      no: 'No',
      dontKnow: "Don't know",
      earlier: (answer) => `Your earlier answer: ${answer}`,
      temperatureValue: 'Temperature',
      temperatureHint: 'For example 37.2 °C or 99.0 °F. Use a thermometer if you have one.',
      unit: 'Unit',
      celsius: 'Celsius (°C)',
      fahrenheit: 'Fahrenheit (°F)',
      continue: 'Continue',
      notMeasured: 'Not measured',
      temperatureMissing: 'Type your temperature. Or choose Not measured.',
      temperatureRange: (low, high, unit) => `Enter a temperature from ${low} to ${high} ${unit}, with at most 2 decimals.`,
      painLegend: 'Your pain from 0 (no pain) to 10 (worst pain you can imagine)',
      painLow: '0 = no pain',
      painHigh: '10 = worst pain you can imagine',
      skip: 'Skip',
      back: 'Back',
      startAgain: 'Start again',
      working: 'Please wait…',
      levels: {
        emergency: 'Emergency: call emergency services now',
        urgent: "Urgent: contact your surgeon's team today",
        soon: "Soon: see your surgeon's team within 3 days",
        routine: 'Routine: mention this at your next check-up',
        selfCare: 'Self care: continue your recovery plan',
      },
      why: 'Why you got this advice',
      unanswered: 'Questions you did not answer',
      unansweredIntro: 'Without these answers a serious problem cannot be ruled out. Tell your care team about them.',
      careAdvice: 'What you can do',
      safetyNet: 'Watch for warning signs',
      notes: 'Please note',
      ruleSet: (version) => `Advice from SpineTriage rule set ${version}.`,
      callEmergency: (number) => `Call ${number} now`,
      callCareTeam: (number) => `Call your surgeon's team: ${number}`,
      print: 'Print or save',
      copy: 'Copy as text',
      copied: 'The summary is copied. You can paste it in a message.',
      copyFailed: 'The summary could not be copied. Use Print or save.',
      summaryTitle: 'Symptom check after spine surgery: summary',
      checkedOn: (when) => `Checked on ${when}.`,
      operationOn: (date) => `Date of the operation: ${date}.`,
      operationPeriod: (period) => `Date of the operation: not known exactly, ${period}.`,
      periodHeading: 'I don\'t know the exact date',
      periodIntro: 'Choose when your operation was.',
      periods: { under2w: 'Less than 2 weeks ago', from2to6w: '2 to 6 weeks ago', from6wTo90d: '6 weeks to 90 days ago', over90d: 'More than 90 days ago', unsure: 'Not sure' },
      approximateDate: (period) => `The date of your operation was approximate (${period}). You were asked the questions for every date in that time. The result uses the most recent date in it.`,
      answersHeading: 'Your answers',
      errorHeading: 'The check could not continue',
      errorNetwork: 'The page could not reach the service. Check your connection and try again.',
      errorBusy: 'The service is busy right now. Wait a minute, then try again.',
      errorServer: 'The service had a problem. Your answers are still here. Try again in a moment.',
      errorRefused: 'The service could not use these answers:',
      errorSafety: 'If you have a warning sign now, do not wait: call your surgeon\'s team, or emergency services.',
      tryAgain: 'Try again',
    },
    es: {
      title: 'Revisión de síntomas tras una operación de columna',
      brand: 'Revisión de síntomas tras una operación de columna',
      footer: 'Esta revisión no sustituye a su equipo médico. Si se encuentra muy mal, llame a emergencias.',
      languages: 'Idioma',
      startHeading: 'Revise sus síntomas tras una operación de columna',
      startIntro: 'Responda a unas preguntas sobre cómo se encuentra ahora. Al final verá cuándo debe buscar atención, y por qué.',
      startLength: (most, minutes) => `Serán ${most} preguntas como mucho. Tardará unos ${minutes} minutos o menos.`,
      startEmergency: 'Si le cuesta respirar, tiene dolor en el pecho, o alguien no se despierta, llame ya a emergencias. No use esta revisión.',
      dateLabel: 'Fecha de su operación',
      dateHint: 'Si le operaron más de una vez, ponga la fecha de la última operación.',
      dateFormat: 'Escriba el año, luego el mes y luego el día. Por ejemplo: 2026-03-01.',
      dateMissing: 'Escriba la fecha de su operación.',
      dateUnreadable: 'Escriba la fecha con el año primero, así: 2026-03-01.',
      dateYearFirst: 'Ponga primero el año, luego el mes y el día. Por ejemplo: 2026-03-01.',
      dateImpossible: (date) => `La fecha ${date} no existe. Revise el día y el mes.`,
      dateShortYear: 'Escriba el año con 4 cifras, por ejemplo 2026.',
      dateFuture: 'La fecha de su operación no puede ser posterior a hoy.',
      dateTooOld: 'El año de su operación debe ser 1900 o más.',
      start: 'Empezar',
      neckHeading: '¿Le operaron en alguna parte del cuello?',
      neckIncluded: 'Incluyó el cuello',
      neckNotIncluded: 'No incluyó el cuello',
      notSure: 'No estoy seguro',
      backHeading: '¿Qué parte de la espalda le operaron?',
      upperBack: 'Parte alta o media de la espalda',
      lowerBack: 'Parte baja de la espalda',
      baseOfSpine: 'Base de la columna',
      progress: (n) => `Pregunta ${n}`,
      more: (n) => (n > 0 ? `Como mucho, ${n} más después de esta.` : 'Esta es la última pregunta.'),
      progressLabel: 'Avance',
      redFlag: 'Señal de alarma: esta pregunta busca un problema que puede ser urgente. Responda con cuidado.',
      yes: 'Sí',
      no: 'No',
      dontKnow: 'No lo sé',
      earlier: (answer) => `Su respuesta anterior: ${answer}`,
      temperatureValue: 'Temperatura',
      temperatureHint: 'Por ejemplo 37,2 °C o 99,0 °F. Use un termómetro si tiene uno.',
      unit: 'Unidad',
      celsius: 'Grados Celsius (°C)',
      fahrenheit: 'Grados Fahrenheit (°F)',
      continue: 'Seguir',
      notMeasured: 'No la he medido',
      temperatureMissing: 'Escriba su temperatura, o elija «No la he medido».',
      temperatureRange: (low, high, unit) => `Escriba una temperatura de ${low} a ${high} ${unit}. Use 2 decimales o menos.`,
      painLegend: 'Su dolor de 0 (sin dolor) a 10 (el peor dolor que pueda imaginar)',
      painLow: '0 = sin dolor',
      painHigh: '10 = el peor dolor que pueda imaginar',
      skip: 'Saltar',
      back: 'Atrás',
      startAgain: 'Volver a empezar',
      working: 'Espere, por favor…',
      levels: {
        emergency: 'Emergencia: llame ya a emergencias',
        urgent: 'Urgente: contacte hoy con el equipo de su cirujano',
        soon: 'Pronto: pida que su cirujano le vea en 3 días',
        routine: 'Rutina: coméntelo en su próxima revisión',
        selfCare: 'Cuidados en casa: siga su plan para recuperarse',
      },
      why: 'Por qué le damos este consejo',
      unanswered: 'Preguntas que no ha respondido',
      unansweredIntro: 'Sin estas respuestas no se puede descartar un problema grave. Coménteselas a su equipo médico.',
      careAdvice: 'Qué puede hacer',
      safetyNet: 'Vigile las señales de alarma',
      notes: 'Tenga en cuenta',
      ruleSet: (version) => `Consejo de las reglas SpineTriage ${version}.`,
      callEmergency: (number) => `Llame ya al ${number}`,
      callCareTeam: (number) => `Llame al equipo de su cirujano: ${number}`,
      print: 'Imprimir o guardar',
      copy: 'Copiar como texto',
      copied: 'El resumen está copiado. Puede pegarlo en un mensaje.',
      copyFailed: 'No se ha podido copiar el resumen. Use «Imprimir o guardar».',
      summaryTitle: 'Revisión de síntomas tras una operación de columna: resumen',
      checkedOn: (when) => `Revisado el ${when}.`,
      operationOn: (date) => `Fecha de la operación: ${date}.`,
      operationPeriod: (period) => `Fecha de la operación: no se sabe con exactitud, ${period}.`,
      periodHeading: 'No sé la fecha exacta',
      periodIntro: 'Diga cuándo fue su operación.',
      periods: { under2w: 'Hace menos de 2 semanas', from2to6w: 'Hace de 2 a 6 semanas', from6wTo90d: 'Hace de 6 semanas a 90 días', over90d: 'Hace más de 90 días', unsure: 'No estoy seguro' },
      approximateDate: (period) => `La fecha de su operación era aproximada (${period}). Se le hicieron las preguntas de todas las fechas de ese tiempo. El resultado usa la fecha más reciente.`,
      answersHeading: 'Sus respuestas',
      errorHeading: 'La revisión no ha podido seguir',
      errorNetwork: 'La página no ha podido conectar con el servicio. Revise su conexión e inténtelo de nuevo.',
      errorBusy: 'El servicio está muy ocupado. Espere un minuto y pruebe otra vez.',
      errorServer: 'El servicio ha tenido un problema. Sus respuestas siguen aquí. Vuelva a intentarlo en un momento.',
      errorRefused: 'El servicio no ha podido usar estas respuestas:',
      errorSafety: 'Si ahora tiene una señal de alarma, no espere. Llame al equipo de su cirujano o a emergencias.',
      tryAgain: 'Intentar de nuevo',
    },
  };

  const TEMPERATURE_RANGE = { celsius: [30, 45], fahrenheit: [86, 113] };

  // One tap, one answer: after a new screen appears its controls stay disabled this long, so that the second tap of a
  // double-tap (or a double click) meant for the previous screen cannot answer a question the patient has not seen.
  const SETTLE_MS = 400;

  // The whole state of the conversation, in memory only. The report is rebuilt from it for every request.
  const state = {
    language: (navigator.language || 'en').toLowerCase().startsWith('es') ? 'es' : 'en',
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
    phones: { emergencyNumber: '911', careTeamNumber: null }, // the deployment's numbers (GET /page-settings.json)
    resultAt: undefined, // when the result arrived
  };

  const main = document.getElementById('main');
  const t = () => UI[state.language];

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
  // that exists, from 1 January 1900, not after today. Gives { value: 'yyyy-MM-dd' } or { error: message }.
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
    if (value < '1900-01-01') return { error: ui.dateTooOld };
    if (value > today()) return { error: ui.dateFuture };
    return { value };
  }

  // "I don't know the exact date": the periods, as the fewest and most days since the operation (no most: any date
  // back to 1 January 1900). The interview asks every question of any day of the period and decides on its most recent
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

  // The deployment's telephone numbers (Page:EmergencyNumber, Page:CareTeamNumber); 911 and none until they arrive.
  async function loadSettings() {
    try {
      const response = await fetch('/page-settings.json', { credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
      if (response.ok) state.phones = await response.json();
    } catch {
      // keep the defaults
    }
  }

  async function loadTotal() {
    try {
      const response = await fetch('/api/questions', { credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
      const catalogue = await response.json();
      state.total = catalogue.questions.length + 2; // the questions, the temperature and the pain score
      for (const question of catalogue.questions) {
        if (!state.texts[question.id]) state.texts[question.id] = { text: question.text, language: 'en' };
      }
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
      state.screen = 'neck';
      render();
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
          PERIODS.map((period) => button(ui.periods[period.id], () => {
            state.dateDraft = undefined;
            state.period = period.id;
            state.surgeryDate = daysAgo(period.fewest);
            state.earliestSurgeryDate = period.most === null ? '1900-01-01' : daysAgo(period.most);
            answered({ kind: 'date' });
            state.screen = 'neck';
            render();
          }, 'choice')))),
    ];
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
    const title = el('h1', { tabindex: '-1', id: 'screen-heading', class: next.redFlag ? 'red-flag-question' : undefined },
      el('span', { class: 'question-number' }, ui.progress(questionNumber())), ' ', el('span', { class: 'question-text', id: 'question-text' }, next.text));
    const parts = [title, progress(next)];
    if (next.redFlag) parts.push(el('p', { class: 'notice red-flag' }, ui.redFlag));
    if (next.kind === 'temperature') parts.push(...temperatureControls(next));
    else if (next.kind === 'painScore') parts.push(...painControls(next));
    else {
      const names = { yes: ui.yes, no: ui.no, unknown: ui.dontKnow };
      parts.push(earlierAnswer(next.id, (v) => names[v] || v));
      // The answers are a group named by the question (its heading), so they are read together.
      parts.push(el('div', { class: 'choices answers', role: 'group', 'aria-labelledby': 'question-text' },
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
      const text = value.value.trim().replace(',', '.');
      const number = Number(text);
      const [low, high] = TEMPERATURE_RANGE[chosen];
      const error = text === '' ? ui.temperatureMissing
        : !/^\d{2,3}(\.\d{1,2})?$/.test(text) || number < low || number > high ? ui.temperatureRange(low, high, chosen === 'celsius' ? '°C' : '°F') : undefined;
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
    for (let score = 0; score <= 10; score += 1) {
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
        heading(ui.levels[result.urgency] || result.urgency),
        el('p', { class: 'disposition' }, result.disposition),
        call ? el('p', { class: 'call-line' }, el('a', { class: 'call', href: `tel:${call.number.replace(/[^+0-9]/g, '')}` }, call.label)) : null),
    ];
    if (state.period) parts.push(el('p', { class: 'notice', id: 'approximate-date' }, ui.approximateDate(ui.periods[state.period])));
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
      { tag: 'p', class: 'print-level', text: ui.levels[result.urgency] || result.urgency },
      { tag: 'p', class: 'print-strong', text: result.disposition },
    ];
    if (call) lines.push({ tag: 'p', class: 'print-strong', text: call.label });
    lines.push({ tag: 'p', text: ui.checkedOn((state.resultAt ? new Date(state.resultAt) : new Date()).toLocaleString(state.language)) });
    lines.push({ tag: 'p', text: state.period ? ui.operationPeriod(ui.periods[state.period]) : ui.operationOn(state.surgeryDate) });
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
    document.getElementById('brand').textContent = ui.brand;
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

  function setLanguage(language) {
    if (language === state.language || state.busy) return;
    state.language = language;
    // A question is worded by the API: ask again in the new language (not a triage: nothing is settled).
    if (state.screen === 'item' || (state.screen === 'result' && !reword(language))) ask();
    else render();
  }

  for (const choice of document.querySelectorAll('#languages button')) {
    choice.addEventListener('click', () => setLanguage(choice.dataset.language));
  }

  render(true);
  loadTotal();
  loadSettings();
})();
