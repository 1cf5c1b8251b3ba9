// Connection dots keep a hit area of at least 24 px on screen at any zoom:
// the canvas carries 1 / zoom as a CSS variable (styles.css sizes each dot's
// hit area with it), written straight onto the element so that zooming
// re-renders nothing.
import { useEffect, type RefObject } from 'react';
import { useStoreApi } from '@xyflow/react';

export function useInverseZoom(element: RefObject<HTMLElement | null>): void {
  const store = useStoreApi();
  useEffect(() => {
    let last = NaN;
    const write = (zoom: number) => {
      if (zoom === last || !element.current) return;
      last = zoom;
      element.current.style.setProperty('--inv-zoom', String(1 / zoom));
    };
    write(store.getState().transform[2]);
    return store.subscribe((s) => write(s.transform[2]));
  }, [store, element]);
}
