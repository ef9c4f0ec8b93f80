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
      startIntro: 'Answer a few questions about how you feel now. At the end you will see how soon to get care, and why.',
      startEmergency: 'If you have trouble breathing, chest pain, or you cannot wake someone, call emergency services now. Do not use this check.',
      dateLabel: 'Date of your operation',
      dateHint: 'If you had more than one operation, give the date of the latest one.',
      dateMissing: 'Enter the date of your operation.',
      dateFuture: 'The date of your operation cannot be after today.',
      dateTooOld: 'The date of your operation must be after 1 January 1900.',
      start: 'Start',
      neckHeading: 'Did your operation include any part of your neck?',
      neckIncluded: 'Neck included',
      neckNotIncluded: 'Neck not included',
      notSure: 'Not sure',
      backHeading: 'Which part of your back was operated on?',
      upperBack: 'Upper or middle back',
      lowerBack: 'Lower back',
      baseOfSpine: 'Base of the spine',
      progress: (n, total) => (total ? `Question ${n} of up to ${total}` : `Question ${n}`),
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
      errorHeading: 'The check could not continue',
      errorNetwork: 'The page could not reach the service. Check your connection and try again.',
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
      startEmergency: 'Si le cuesta respirar, tiene dolor en el pecho, o alguien no se despierta, llame ya a emergencias. No use esta revisión.',
      dateLabel: 'Fecha de su operación',
      dateHint: 'Si le operaron más de una vez, ponga la fecha de la última operación.',
      dateMissing: 'Escriba la fecha de su operación.',
      dateFuture: 'La fecha de su operación no puede ser posterior a hoy.',
      dateTooOld: 'La fecha de su operación debe ser posterior al 1 de enero de 1900.',
      start: 'Empezar',
      neckHeading: '¿Le operaron en alguna parte del cuello?',
      neckIncluded: 'Incluyó el cuello',
      neckNotIncluded: 'No incluyó el cuello',
      notSure: 'No estoy seguro',
      backHeading: '¿Qué parte de la espalda le operaron?',
      upperBack: 'Parte alta o media de la espalda',
      lowerBack: 'Parte baja de la espalda',
      baseOfSpine: 'Base de la columna',
      progress: (n, total) => (total ? `Pregunta ${n} de ${total} como máximo` : `Pregunta ${n}`),
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
      errorHeading: 'La revisión no ha podido seguir',
      errorNetwork: 'La página no ha podido conectar con el servicio. Revise su conexión e inténtelo de nuevo.',
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
    settling: false, // the new screen's controls are disabled until SETTLE_MS after it appeared
    taken: false, // this screen already took its one answer (or action)
    screenKey: '',
    settleTimer: undefined,
    renders: 0,
  };

  const main = document.getElementById('main');
  const t = () => UI[state.language];

  // --- small DOM helpers (no innerHTML: every text goes in as text) ---
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'text') node.textContent = value;
      else if (name === 'onClick') node.addEventListener('click', value);
      else if (name === 'onSubmit') node.addEventListener('submit', value);
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

  function applyDisabled() {
    const locked = state.busy || state.settling || state.taken;
    main.setAttribute('aria-busy', state.busy ? 'true' : 'false');
    // Buttons and radio buttons act on a tap; text and date fields do not (and stay reachable), except during a request.
    for (const control of main.querySelectorAll('button, input')) {
      control.disabled = control.type === 'text' || control.type === 'date' ? state.busy : locked;
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

  // --- the report and the API ---
  function report() {
    const body = { surgeryDate: state.surgeryDate, assessedOn: today(), language: state.language, answers: { ...state.answers } };
    if (state.region) body.surgeryRegion = state.region;
    if (state.temperature) body.temperature = state.temperature;
    if (state.painScore !== undefined) body.painScore = state.painScore;
    if (state.skipped.length > 0) body.skipped = [...state.skipped];
    return body;
  }

  async function ask() {
    setBusy(true);
    try {
      const response = await fetch('/api/interview/next', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(report()),
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
      const body = await response.json().catch(() => undefined);
      if (!response.ok || body === undefined) {
        state.error = { messages: (body && body.errors ? body.errors.map((e) => e.message) : [`HTTP ${response.status}`]) };
        state.screen = 'error';
      } else {
        state.step = body;
        state.error = undefined;
        if (!body.done) {
          state.texts[body.next.id] = { text: body.next.text, language: state.language };
        }
        state.screen = body.done ? 'result' : 'item';
      }
    } catch {
      state.error = { network: true };
      state.screen = 'error';
    } finally {
      setBusy(false);
    }
    render();
  }

  async function loadTotal() {
    try {
      const response = await fetch('/api/questions', { credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
      const catalogue = await response.json();
      state.total = catalogue.questions.length + 2; // the questions, the temperature and the pain score
      for (const question of catalogue.questions) {
        if (!state.texts[question.id]) state.texts[question.id] = { text: question.text, language: 'en' };
      }
      if (state.screen === 'item') render();
    } catch {
      state.total = undefined; // the progress then shows the question number only
    }
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

  function takeBack() {
    const last = state.done.pop();
    if (!last) return;
    state.undone = undefined;
    if (last.kind === 'date') {
      state.screen = 'date';
      render();
    } else if (last.kind === 'neck' || last.kind === 'back') {
      state.region = undefined;
      state.screen = last.kind;
      render();
    } else {
      if (last.id === 'temperature') {
        state.undone = { id: last.id, value: state.temperature || 'notMeasured' };
        state.temperature = undefined;
        state.skipped = state.skipped.filter((s) => s !== 'temperature');
      } else if (last.id === 'painScore') {
        state.undone = { id: last.id, value: state.painScore === undefined ? 'skipped' : state.painScore };
        state.painScore = undefined;
        state.skipped = state.skipped.filter((s) => s !== 'painScore');
      } else {
        state.undone = { id: last.id, value: state.answers[last.id] };
        delete state.answers[last.id];
      }
      ask();
    }
  }

  function startAgain() {
    Object.assign(state, {
      screen: 'date', surgeryDate: '', region: undefined, answers: {}, temperature: undefined, painScore: undefined,
      skipped: [], done: [], undone: undefined, step: undefined, error: undefined,
    });
    render();
  }

  // --- screens ---
  function heading(text, extra) {
    return el('h1', { tabindex: '-1', id: 'screen-heading', ...extra }, text);
  }

  function backButton() {
    return button(t().back, takeBack, 'secondary back');
  }

  function dateScreen() {
    const ui = t();
    const error = state.dateError;
    const input = el('input', {
      type: 'date', id: 'surgery-date', name: 'surgeryDate', required: true, max: today(), min: '1900-01-01',
      value: state.surgeryDate, autocomplete: 'off',
      'aria-describedby': error ? 'surgery-date-error surgery-date-hint' : 'surgery-date-hint',
      'aria-invalid': error ? 'true' : undefined,
    });
    const form = el('form', { class: 'stack', novalidate: true, onSubmit: (event) => {
      event.preventDefault();
      if (!canAnswer()) return;
      const value = input.value;
      state.dateError = !value ? ui.dateMissing : value > today() ? ui.dateFuture : value < '1900-01-01' ? ui.dateTooOld : undefined;
      if (state.dateError) {
        render();
        document.getElementById('surgery-date').focus();
        return;
      }
      take();
      state.surgeryDate = value;
      answered({ kind: 'date' });
      state.screen = 'neck';
      render();
    } },
    el('div', { class: 'field' },
      el('label', { for: 'surgery-date' }, ui.dateLabel),
      el('p', { class: 'hint', id: 'surgery-date-hint' }, ui.dateHint),
      error ? el('p', { class: 'field-error', id: 'surgery-date-error' }, error) : null,
      input),
    el('button', { type: 'submit', class: 'primary' }, ui.start));
    return [
      heading(ui.startHeading),
      el('p', {}, ui.startIntro),
      el('p', { class: 'notice emergency-notice' }, ui.startEmergency),
      form,
    ];
  }

  function choiceScreen(title, choices, kind) {
    return [
      heading(title),
      el('div', { class: 'choices' }, choices.map(([label, region]) => button(label, () => {
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

  function progress(next) {
    const ui = t();
    const text = ui.progress(next.order, state.total);
    return el('div', { class: 'progress' },
      el('p', { id: 'progress-text' }, text),
      state.total ? el('progress', { max: String(state.total), value: String(next.order), 'aria-labelledby': 'progress-text' }) : null);
  }

  function earlierAnswer(id, describe) {
    if (!state.undone || state.undone.id !== id) return null;
    return el('p', { class: 'earlier' }, t().earlier(describe(state.undone.value)));
  }

  function itemScreen() {
    const ui = t();
    const next = state.step.next;
    const parts = [progress(next), heading(next.text, { class: next.redFlag ? 'red-flag-question' : undefined })];
    if (next.redFlag) parts.push(el('p', { class: 'notice red-flag' }, ui.redFlag));
    if (next.kind === 'temperature') parts.push(...temperatureControls(next));
    else if (next.kind === 'painScore') parts.push(...painControls(next));
    else {
      const names = { yes: ui.yes, no: ui.no, unknown: ui.dontKnow };
      parts.push(earlierAnswer(next.id, (v) => names[v] || v));
      parts.push(el('div', { class: 'choices answers' },
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
    const error = state.temperatureError;
    const unit = previous ? previous.unit : state.language === 'en' && navigator.language === 'en-US' ? 'fahrenheit' : 'celsius';
    const value = el('input', {
      type: 'text', inputmode: 'decimal', id: 'temperature-value', autocomplete: 'off', spellcheck: 'false',
      value: previous ? String(previous.value) : '',
      'aria-describedby': error ? 'temperature-error temperature-hint' : 'temperature-hint',
      'aria-invalid': error ? 'true' : undefined,
    });
    const radio = (id, label) => el('div', { class: 'radio' },
      el('input', { type: 'radio', name: 'unit', id: `unit-${id}`, value: id, checked: unit === id }),
      el('label', { for: `unit-${id}` }, label));
    const form = el('form', { class: 'stack', novalidate: true, onSubmit: (event) => {
      event.preventDefault();
      if (!canAnswer()) return;
      const chosen = form.querySelector('input[name="unit"]:checked').value;
      const text = value.value.trim().replace(',', '.');
      const number = Number(text);
      const [low, high] = TEMPERATURE_RANGE[chosen];
      state.temperatureError = text === '' ? ui.temperatureMissing
        : !/^\d{2,3}(\.\d{1,2})?$/.test(text) || number < low || number > high ? ui.temperatureRange(low, high, chosen === 'celsius' ? '°C' : '°F') : undefined;
      if (state.temperatureError) {
        render();
        document.getElementById('temperature-value').focus();
        return;
      }
      take();
      state.temperature = { value: number, unit: chosen };
      answered({ kind: 'item', id: next.id });
      ask();
    } },
    el('div', { class: 'field' },
      el('label', { for: 'temperature-value' }, ui.temperatureValue),
      el('p', { class: 'hint', id: 'temperature-hint' }, ui.temperatureHint),
      error ? el('p', { class: 'field-error', id: 'temperature-error' }, error) : null,
      value),
    el('fieldset', { class: 'units' }, el('legend', {}, ui.unit), radio('celsius', ui.celsius), radio('fahrenheit', ui.fahrenheit)),
    el('div', { class: 'choices' },
      el('button', { type: 'submit', class: 'primary' }, ui.continue),
      button(ui.notMeasured, () => {
        state.temperatureError = undefined;
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
    const parts = [
      el('section', { class: `verdict level-${result.urgency}`, 'aria-labelledby': 'screen-heading' },
        heading(ui.levels[result.urgency] || result.urgency),
        el('p', { class: 'disposition' }, result.disposition)),
    ];
    parts.push(el('section', { class: 'block findings', 'aria-labelledby': 'findings-heading' },
      el('h2', { id: 'findings-heading' }, ui.why),
      result.findings.map((finding) => el('div', { class: `finding level-${finding.urgency}` },
        el('h3', {}, finding.title),
        el('p', {}, finding.patientExplanation)))));
    // The questions the patient answered "Don't know" (not those the interview did not need to ask).
    const unanswered = (result.unansweredQuestions || []).filter((id) => state.answers[id] === 'unknown');
    if (unanswered.length > 0) {
      parts.push(el('section', { class: 'block unanswered', 'aria-labelledby': 'unanswered-heading' },
        el('h2', { id: 'unanswered-heading' }, ui.unanswered),
        el('p', {}, ui.unansweredIntro),
        el('ul', {}, unanswered.map((id) => {
          const known = state.texts[id];
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
    parts.push(el('div', { class: 'actions' }, backButton(), button(ui.startAgain, startAgain, 'secondary')));
    return parts;
  }

  function errorScreen() {
    const ui = t();
    const error = state.error || {};
    return [
      heading(ui.errorHeading),
      el('p', { class: 'notice emergency-notice' }, ui.errorSafety),
      error.network ? el('p', {}, ui.errorNetwork) : [el('p', {}, ui.errorRefused), el('ul', { lang: 'en' }, (error.messages || []).map((m) => el('li', {}, m)))],
      el('div', { class: 'actions' },
        error.network ? button(ui.tryAgain, ask, 'primary') : null,
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
    if (state.taken || key !== state.screenKey) {
      state.screenKey = key;
      state.taken = false;
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

  function setLanguage(language) {
    if (language === state.language || state.busy) return;
    state.language = language;
    state.dateError = undefined;
    state.temperatureError = undefined;
    // The questions and the result are worded by the API: ask again in the new language.
    if (state.screen === 'item' || state.screen === 'result') ask();
    else render();
  }

  for (const choice of document.querySelectorAll('#languages button')) {
    choice.addEventListener('click', () => setLanguage(choice.dataset.language));
  }

  render(true);
  loadTotal();
})();
