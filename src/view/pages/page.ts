import type { Html } from '../html.js';

/** One record's page: the same body in the viewer and in a report. */
export interface Page {
  title: string;
  body: Html;
  /** The page draws a chart: the chart library is inlined. */
  chart: boolean;
}
