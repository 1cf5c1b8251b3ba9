import { DEFINITION_INFO, DEFINITIONS, LIMITS, definitionOf, setDefinition, setDefinitionNote } from '../domain';
import { useStakemap } from '../store';
import { TextField } from './fields';

/** Which definition of customer the map's rules follow, and the team's own words for it. */
export function DefinitionPicker() {
  const definition = useStakemap((s) => (s.map ? definitionOf(s.map) : 'user'));
  const note = useStakemap((s) => s.map?.definitionNote ?? '');
  const apply = useStakemap((s) => s.apply);
  return (
    <div className="definition-picker">
      <fieldset className="field">
        <legend className="field-label">Our definition of customer</legend>
        {DEFINITIONS.map((id) => (
          <label key={id} className={`definition-option${definition === id ? ' is-checked' : ''}`}>
            <input type="radio" name="definition" value={id} checked={definition === id} onChange={() => apply((m) => setDefinition(m, id))} />
            <span>
              <strong>{DEFINITION_INFO[id].name}</strong>
              <span className="definition-statement">{DEFINITION_INFO[id].statement}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <TextField
        label="In our own words"
        value={note}
        multiline
        maxLength={LIMITS.definitionNote}
        placeholder="“Our customer is the family that eats the cereal.”"
        onCommit={(text) => apply((m) => setDefinitionNote(m, text === '' ? undefined : text), { coalesce: 'definition-note' })}
      />
    </div>
  );
}
