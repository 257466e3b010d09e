// A small React wrapper around ECharts: one chart per div, options replaced on change, resized with the window.
import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

export function EChart({
  option,
  height = 320,
  label,
  testId,
  onClickName,
}: {
  option: ChartOption;
  height?: number;
  /** Text alternative for screen readers. */
  label: string;
  testId?: string;
  onClickName?: (name: string) => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickHandler = useRef(onClickName);
  useEffect(() => {
    clickHandler.current = onClickName;
  }, [onClickName]);

  useEffect(() => {
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) =>
      clickHandler.current?.(String((params as { name?: string }).name ?? '')),
    );
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return (
    <div ref={element} style={{ width: '100%', height }} role="img" aria-label={label} data-testid={testId} />
  );
}
