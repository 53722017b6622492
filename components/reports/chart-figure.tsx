import { useId, type ReactNode } from 'react';

/** One row of a chart's data table. */
export interface ChartDatum {
  label: string;
  /** The value as people read it ("92 %", "3"). */
  text: string;
  /** More detail for the table ("11 of 12 targets met"). */
  detail: string;
}

interface ChartFigureProps {
  title: string;
  /** Headers of the table's label and detail columns. */
  labelHeader: string;
  detailHeader: string;
  data: readonly ChartDatum[];
  /** Draws the chart, given the ids of its caption and description (`aria-labelledby`, `aria-describedby`). */
  children: (ids: { titleId: string; descId: string }) => ReactNode;
}

/**
 * A chart with its text alternatives: the SVG is named by the caption and described by one sentence
 * per datum, and the same numbers are a table one click away for anyone who would rather read.
 */
export function ChartFigure({ title, labelHeader, detailHeader, data, children }: ChartFigureProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <figure className="chart">
      <figcaption id={titleId}>{title}</figcaption>
      <p id={descId} className="visually-hidden">
        {data.map((datum) => `${datum.label}: ${datum.detail}.`).join(' ')}
      </p>
      {children({ titleId, descId })}
      <details>
        <summary>Show the numbers</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">Value</th>
              <th scope="col">{detailHeader}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((datum) => (
              <tr key={datum.label}>
                <th scope="row">{datum.label}</th>
                <td>{datum.text}</td>
                <td>{datum.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
