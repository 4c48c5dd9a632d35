// A store's subscribe whose listeners run at most once per animation frame: updates that arrive
// while a frame is pending render together, and a hidden page (no frames) renders nothing.

type Subscribe = (listener: () => void) => () => void;

export function frameBatched(subscribe: Subscribe): Subscribe {
  return (listener) => {
    let frame: number | null = null;
    const unsubscribe = subscribe(() => {
      frame ??= requestAnimationFrame(() => {
        frame = null;
        listener();
      });
    });
    return () => {
      if (frame !== null) cancelAnimationFrame(frame);
      unsubscribe();
    };
  };
}
