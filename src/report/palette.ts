/**
 * Colours of the charts: the Okabe–Ito palette, which readers with the common forms of colour
 * blindness tell apart. The decision is also marked in the label text, never by colour alone.
 */
export const PALETTE = {
  decided: '#0072B2',
  other: '#9E9E9E',
  cut: '#D55E00',
  text: '#1A1A1A',
  /** Strongly disagree … strongly agree: a diverging scale that stays distinct without red–green. */
  likert: ['#D55E00', '#E69F00', '#C8C8C8', '#56B4E9', '#0072B2'],
  /** Turnout overall, by kind of delegation, by region. */
  turnout: ['#0072B2', '#009E73', '#CC79A7'],
} as const;

/** Text sizes in CSS pixels at the chart's natural width (≤ 600 px), so a phone shows them at 12 px or more. */
export const FONT = { title: 20, label: 16, value: 16, legend: 15 } as const;

export const CHART_WIDTH = 600;
