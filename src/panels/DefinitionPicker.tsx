import { DEFINITION_INFO, DEFINITIONS, LIMITS, definitionOf } from '../domain';
import { chooseDefinition, describeDefinition, run } from '../commands';
import { useStakemap } from '../store';
import { TextField } from '../ui/fields';

/** Which definition of customer the map's rules follow, and the team's own words for it. */
export function DefinitionPicker() {
  const definition = useStakemap((s) => (s.map ? definitionOf(s.map) : 'user'));
  const note = useStakemap((s) => s.map?.definitionNote ?? '');
  return (
    <div className="definition-picker">
      <fieldset className="field">
        <legend className="field-label">Our definition of customer</legend>
        {DEFINITIONS.map((id) => (
          <label key={id} className={`definition-option${definition === id ? ' is-checked' : ''}`}>
            <input type="radio" name="definition" value={id} checked={definition === id} onChange={() => run(chooseDefinition, id)} />
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
        onCommit={(text) => run(describeDefinition, text)}
      />
    </div>
  );
}
