import { useEffect } from 'react';
import { ChevronLeft, ChevronRight, X } from 'lucide-react';
import { useStakemap } from '../store';
import { analysisFor, findingKey, findingsFor } from '../store/findings';
import { canvasApi } from '../services/canvasApi';
import { SeverityIcon, SEVERITY_INFO } from '../ui/severity';
import { LABEL_STYLE } from '../drawing/theme';
import { nextFinding, previousFinding, run, stopPresenting, tooltip } from '../commands';
import { setFollowing, useLive } from '../services/live';


/** The facilitator's view: one finding at a time, large, with its why. */
export function PresentationBar() {
  const map = useStakemap((s) => s.map);
  const step = useStakemap((s) => s.presentStep);
  const showSuggested = useStakemap((s) => s.showSuggested);
  const findings = map ? findingsFor(map) : [];
  const total = findings.length;
  const at = Math.min(step, Math.max(total - 1, 0));
  const finding = findings[at];

  // Each step centres its stakeholder and highlights its evidence.
  useEffect(() => {
    const state = useStakemap.getState();
    if (!finding) {
      state.setActiveFinding(null);
      return;
    }
    state.setActiveFinding(findingKey(finding));
    if (finding.stakeholder) state.requestFocus(finding.stakeholder);
    else canvasApi()?.fitView();
  }, [finding]);

  // Keys while presenting are commands too (src/commands/view.ts), handled by
  // the editor's shortcut handler in the presenting scope.
  useEffect(() => {
    const onFullscreen = () => {
      if (!document.fullscreenElement && useStakemap.getState().presenting) useStakemap.getState().setPresenting(false);
    };
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => document.removeEventListener('fullscreenchange', onFullscreen);
  }, []);

  if (!map) return null;
  // At most a third of a 1280×720 screen: the finding on the left, the controls on the right.
  return (
    <div className="presentation-bar" role="region" aria-label="Presentation">
      {finding ? (
        <div className={`presentation-finding severity-${finding.severity}`} data-testid="presented-finding" data-rule={finding.rule} data-stakeholder={finding.stakeholder}>
          <div className="presentation-count">
            <SeverityIcon severity={finding.severity} size={20} /> {SEVERITY_INFO[finding.severity].title} · Finding {at + 1} of {total}
            <span className="presentation-title" title={map.title}>{map.title}</span>
          </div>
          <p className="presentation-message">{finding.message}</p>
          <p className="presentation-why">{finding.why}</p>
          {finding.suggestedLabel ? <p className="presentation-suggest">Suggested label: {LABEL_STYLE[finding.suggestedLabel].title}</p> : null}
        </div>
      ) : (
        <div className="presentation-finding" data-testid="presented-finding">
          <div className="presentation-count">
            <span className="presentation-title" title={map.title}>{map.title}</span>
          </div>
          <p className="presentation-message">Nothing to flag.</p>
          <p className="presentation-why">{analysisFor(map).namedSentence}</p>
        </div>
      )}
      <div className="presentation-controls">
        <div className="presentation-nav">
          <button type="button" className="button large" onClick={() => run(previousFinding)} disabled={at === 0} aria-label="Previous finding" title={tooltip(previousFinding)}>
            <ChevronLeft size={22} aria-hidden="true" /> Previous
          </button>
          <button type="button" className="button large primary" onClick={() => run(nextFinding)} disabled={at >= total - 1} aria-label="Next finding" title={tooltip(nextFinding)}>
            Next <ChevronRight size={22} aria-hidden="true" />
          </button>
        </div>
        <div className="before-after" role="group" aria-label="Labels shown">
          <button type="button" aria-pressed={!showSuggested} onClick={() => useStakemap.getState().setShowSuggested(false)}>
            Before: our labels
          </button>
          <button type="button" aria-pressed={showSuggested} onClick={() => useStakemap.getState().setShowSuggested(true)}>
            After: what the map shows
          </button>
        </div>
        <FollowToggle />
        <button type="button" className="button" onClick={() => run(stopPresenting)} aria-label="Exit presentation" title={tooltip(stopPresenting)}>
          <X size={18} aria-hidden="true" /> Exit
        </button>
      </div>
      {finding ? <p className="presentation-summary">{analysisFor(map).namedSentence}</p> : null}
    </div>
  );
}

/** In a live room, a participant follows the facilitator's presentation until they choose not to. */
function FollowToggle() {
  const inRoom = useLive((s) => s.room !== null && !s.facilitator);
  const following = useLive((s) => s.following);
  if (!inRoom) return null;
  return (
    <button type="button" className="button" aria-pressed={following} onClick={() => setFollowing(!following)}>
      {following ? 'Stop following' : 'Follow the facilitator'}
    </button>
  );
}
