// Connection dots keep a hit area of at least 24 px on screen at any zoom:
// the canvas carries 1 / zoom as a CSS variable (styles.css sizes each dot's
// hit area with it), written straight onto the element so that zooming
// re-renders nothing. Written in steps of 5 % (rounded up, so a dot's hit
// area is never smaller): every write restyles every element of the canvas,
// and a wheel zoom would otherwise write it on every frame.
import { useEffect, type RefObject } from 'react';
import { useStoreApi } from '@xyflow/react';

export function useInverseZoom(element: RefObject<HTMLElement | null>): void {
  const store = useStoreApi();
  useEffect(() => {
    let last = NaN;
    const write = (zoom: number) => {
      const inverse = Math.ceil(20 / zoom) / 20;
      if (inverse === last || !element.current) return;
      last = inverse;
      element.current.style.setProperty('--inv-zoom', String(inverse));
    };
    write(store.getState().transform[2]);
    return store.subscribe((s) => write(s.transform[2]));
  }, [store, element]);
}
